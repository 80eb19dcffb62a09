/**
 * The engine's entry points for front ends (Maven plugin, CLI): {@link
 * dev.privileges.engine.PrivilegesEngine} (read, resolve, render, write), the operations {@link
 * dev.privileges.engine.CheckWorkflow}, {@link dev.privileges.engine.BuildSummary} and {@link
 * dev.privileges.engine.Explanation}, the build's options ({@link
 * dev.privileges.engine.GenerationOptions}) and their catalogue ({@link
 * dev.privileges.engine.Option}), and the exceptions front ends map. The stages live in the
 * sub-packages, in the order they run: {@code bundle}, {@code grant}, {@code policy}, {@code
 * kubernetes}, {@code statement}, {@code report}, {@code output}. Nothing here depends on a build
 * tool; the engine's pom fails the build if Maven, Plexus or Aether reach its class path.
 */
package dev.privileges.engine;
