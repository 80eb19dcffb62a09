package dev.privileges.engine.bundle;

/**
 * The bundle owner's decision to remove one requirement of one collector (Android's
 * {@code tools:node="remove"} scoped by a selector is the model). The collector's feature degrades
 * accordingly; the statement and the report list every waiver.
 *
 * @param collector the collector whose requirement is removed
 * @param requirement what is removed, e.g. {@code HOST_NETWORK}, {@code capability:NET_RAW},
 *     {@code hostPath:/sys/kernel/debug}, {@code port:8125/UDP}
 * @param reason why the bundle can do without it (mandatory)
 */
public record Waiver(String collector, String requirement, String reason) {}
