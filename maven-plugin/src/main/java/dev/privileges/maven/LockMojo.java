package dev.privileges.maven;

import dev.privileges.engine.policy.LockFile;
import dev.privileges.engine.policy.LockStore;
import dev.privileges.engine.PrivilegesEngine;
import java.io.File;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Writes the lock file ({@code privileges.lock.json}) from the grant resolved now, to be reviewed
 * and committed. {@code check} then fails whenever the grant differs from it.
 */
@Mojo(name = "lock", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class LockMojo extends AbstractPrivilegesMojo {

  /** The committed lock file. */
  @Parameter(property = "privileges.lockFile", defaultValue = "${project.basedir}/privileges.lock.json")
  private File lockFile;

  @Override
  protected String goal() {
    return "lock";
  }

  @Override
  protected void run() {
    LockFile lock = LockFile.of(new PrivilegesEngine().resolve(sources(), options()));
    LockStore.write(lock, lockFile.toPath());
    getLog().info("Wrote " + shown(lockFile) + " (" + lock.granted().size()
        + " granted items): review and commit it.");
  }
}
