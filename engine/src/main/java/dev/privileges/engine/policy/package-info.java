/**
 * Stage 3, policy and lock: the committed lock file, its differences from the grant, the maximum Pod Security level, forbidden privileges, and the selector syntax they share.
 */
package dev.privileges.engine.policy;
