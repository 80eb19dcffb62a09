package dev.privileges.maven;

import dev.privileges.engine.CheckWorkflow;
import dev.privileges.engine.grant.Grant;
import dev.privileges.engine.Option;
import dev.privileges.engine.OptionsValidator;
import dev.privileges.engine.policy.PolicyCheck;
import dev.privileges.engine.PrivilegesEngine;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

  /**
   * Works from the reactor root and from the module, without {@code <pluginGroups>}: it runs the
   * same bound executions, each rewriting its own lock file.
   */
  static final String UPDATE = "mvn verify -Dprivileges.updateLock=true";

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
  protected void run() throws MojoFailureException {
    PolicyCheck policy = new PolicyCheck(
        Optional.ofNullable(maxPodSecurityLevel).filter(s -> !s.isBlank()).map(OptionsValidator::podSecurityLevel),
        PolicyCheck.parseForbidden(forbiddenPrivileges));
    Grant grant = new PrivilegesEngine().resolve(sources(), options());
    CheckWorkflow.Outcome outcome = CheckWorkflow.run(grant,
        new CheckWorkflow.Request(lockFile.toPath(), shown(lockFile), updateLock, policy, UPDATE));
    if (!outcome.passed()) {
      throw new MojoFailureException("privileges:check failed:\n" + String.join("\n", outcome.problems(Option.Syntax.MAVEN)));
    }
    getLog().info(outcome.message());
  }
}
