/**
 * Stage 6, the report: {@code privileges.json}, the machine-readable aggregate of the bundle and the grant.
 */
package dev.privileges.engine.report;
