package dev.privileges.maven;

import dev.privileges.engine.Grant;
import dev.privileges.engine.LockFile;
import dev.privileges.engine.OptionsValidator;
import dev.privileges.engine.PolicyCheck;
import dev.privileges.engine.PrivilegesEngine;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * The CI gate: fails when the resolved grant differs from the committed lock file (printing which
 * collector added or removed which privilege), exceeds the maximum Pod Security level, or contains
 * a forbidden privilege (naming the collectors responsible).
 */
@Mojo(
    name = "check",
    defaultPhase = LifecyclePhase.VERIFY,
    requiresDependencyResolution = ResolutionScope.RUNTIME,
    threadSafe = true)
public class CheckMojo extends AbstractPrivilegesMojo {

  private static final String UPDATE = "mvn verify -Dprivileges.updateLock=true (or mvn privileges:lock"
      + " when the plugin is configured outside an execution)";

  /** The committed lock file. */
  @Parameter(property = "privileges.lockFile", defaultValue = "${project.basedir}/privileges.lock.json")
  private File lockFile;

  /** Rewrite the lock file from the current grant instead of comparing with it. */
  @Parameter(property = "privileges.updateLock", defaultValue = "false")
  private boolean updateLock;

  /**
   * The least strict Pod Security Standards level the pods may need: {@code PRIVILEGED},
   * {@code BASELINE} or {@code RESTRICTED}. Empty for no limit.
   */
  @Parameter(property = "privileges.maxPodSecurityLevel")
  private String maxPodSecurityLevel;

  /**
   * Privileges the grant may not contain, in waiver syntax: {@code PRIVILEGED}, {@code HOST_IPC},
   * {@code capability:SYS_ADMIN}, {@code hostPath:/}, {@code hostPort:8125/UDP}, ...
   */
  @Parameter(property = "privileges.forbiddenPrivileges")
  private List<String> forbiddenPrivileges = new ArrayList<>();

  @Override
  protected String goal() {
    return "check";
  }

  @Override
  protected void run() throws MojoExecutionException, MojoFailureException {
    PolicyCheck policy = new PolicyCheck(
        Optional.ofNullable(maxPodSecurityLevel).filter(s -> !s.isBlank()).map(OptionsValidator::podSecurityLevel),
        PolicyCheck.parseForbidden(forbiddenPrivileges));
    Grant grant = new PrivilegesEngine().resolve(sources(), options());
    List<String> problems = new ArrayList<>(policy.violations(grant));
    LockFile current = LockFile.of(grant);
    String lockName = shown(lockFile);
    if (updateLock) {
      LockMojo.write(current, lockFile);
      getLog().info("Updated " + lockName + " from the current grant: review and commit it.");
    } else if (!lockFile.isFile()) {
      problems.add("lock file " + lockName + " does not exist: create it with " + UPDATE
          + ", review it and commit it.");
    } else {
      String text;
      try {
        text = Files.readString(lockFile.toPath(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new MojoExecutionException("cannot read " + lockName + ": " + e.getMessage(), e);
      }
      List<String> changes = current.differencesFrom(LockFile.parse(text, lockName, UPDATE));
      if (!changes.isEmpty()) {
        problems.add("the privileges differ from " + lockName + ":");
        changes.forEach(c -> problems.add("  " + c));
        problems.add("If the change is intended, update the lock with " + UPDATE + " and commit it.");
      }
    }
    if (!problems.isEmpty()) {
      throw new MojoFailureException("privileges:check failed:\n" + String.join("\n", problems));
    }
    if (!updateLock) {
      getLog().info("Privileges match " + lockName + " and the policy"
          + " (Pod Security level " + grant.podSecurity().level().label() + ").");
    }
  }
}
