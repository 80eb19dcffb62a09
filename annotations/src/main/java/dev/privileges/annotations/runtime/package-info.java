/**
 * The run-time view of the collectors of a module: the processor generates one {@link
 * dev.privileges.annotations.runtime.CollectorRegistry} per module and registers it for {@link
 * java.util.ServiceLoader}. Dependency-free, like the annotations.
 */
package dev.privileges.annotations.runtime;
