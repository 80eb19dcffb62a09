/**
 * The Helm chart of a bundle: values that toggle features and collectors, templates that grant
 * each privilege under the conditions of the features that need it, decided as the resolver
 * decides (see {@code docs/helm-chart.md}).
 */
package dev.privileges.engine.helm;
