/**
 * Stage 2, resolving the grant: the union of what the enabled collectors need and nothing else, each item with the collectors behind it ({@link dev.privileges.engine.grant.Resolver}, {@link dev.privileges.engine.grant.Grant}), and the Pod Security level it meets.
 */
package dev.privileges.engine.grant;
