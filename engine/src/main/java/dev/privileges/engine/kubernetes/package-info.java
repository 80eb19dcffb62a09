/**
 * Stage 4, Kubernetes: the grant as objects ({@link dev.privileges.engine.kubernetes.DaemonSetRenderer}), the user's base template merged in and audited, and the YAML written and read back the way the API server reads it.
 */
package dev.privileges.engine.kubernetes;
