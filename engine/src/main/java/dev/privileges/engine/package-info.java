/**
 * The build-tool-agnostic engine: read collector metadata, resolve the least-privilege grant,
 * render the DaemonSet YAML and the security statement, write them atomically. Nothing here
 * imports Maven (a test checks it), so a Gradle plugin or a CLI can reuse it.
 */
package dev.privileges.engine;
