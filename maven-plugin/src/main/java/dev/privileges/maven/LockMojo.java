package dev.privileges.maven;

import dev.privileges.engine.Grant;
import dev.privileges.engine.LockFile;
import dev.privileges.engine.OutputWriter;
import dev.privileges.engine.PrivilegesEngine;
import java.io.File;
import java.util.Map;
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
    Grant grant = new PrivilegesEngine().resolve(sources(), options());
    write(LockFile.of(grant), lockFile);
    getLog().info("Wrote " + shown(lockFile) + " (" + LockFile.of(grant).granted().size()
        + " granted items): review and commit it.");
  }

  /** Writes the lock atomically; only the lock file itself is touched. */
  static void write(LockFile lock, File file) {
    new OutputWriter(file.getAbsoluteFile().getParentFile().toPath())
        .write(Map.of(file.getName(), lock.render()));
  }
}
