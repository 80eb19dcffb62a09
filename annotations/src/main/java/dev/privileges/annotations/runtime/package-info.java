/**
 * The run-time view of the collectors an agent ships: {@link
 * dev.privileges.annotations.runtime.Registry} loads every module's registry (the {@link
 * dev.privileges.annotations.runtime.RegistryData#RESOURCE} text the processor writes, and
 * generated {@link dev.privileges.annotations.runtime.CollectorRegistry} classes found by {@link
 * java.util.ServiceLoader}) into typed collectors and requirements. Dependency-free, like the
 * annotations. The self-check built on it is in {@code runtime.selfcheck}.
 */
package dev.privileges.annotations.runtime;
