package dev.privileges.engine;

import dev.privileges.engine.grant.Grant;
import dev.privileges.engine.policy.LockFile;
import dev.privileges.engine.policy.LockStore;
import dev.privileges.engine.policy.PolicyCheck;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;


/**
 * The {@code check} operation of every front end: compares the grant with the committed lock file
 * and the release policy, or rewrites the lock on request. It reports what it found; the front end
 * decides how a failure ends the run (a failed Maven build, exit code 1).
 */
public final class CheckWorkflow {

  /**
   * What to check.
   *
   * @param lockFile the committed lock file
   * @param lockShown how messages name the lock file (relative to the project when inside it)
   * @param updateLock rewrite the lock from the grant instead of comparing
   * @param policy the maximum Pod Security level and the forbidden privileges
   * @param updateCommand the command, in the front end's words, that rewrites the lock
   */
  public record Request(Path lockFile, String lockShown, boolean updateLock, PolicyCheck policy,
      String updateCommand) {}

  /**
   * What the check found.
   *
   * @param problems one line each, indented continuation lines included, options as {@link
   *     Option#ref()}; empty when it passed
   * @param message the line to log when it passed
   */
  public record Outcome(List<String> problems, String message) {
    public Outcome {
      problems = List.copyOf(problems);
    }

    public boolean passed() {
      return problems.isEmpty();
    }

    /** The problems with options written in {@code syntax}. */
    public List<String> problems(Option.Syntax syntax) {
      return problems.stream().map(syntax::render).toList();
    }
  }

  private CheckWorkflow() {}

  /** Checks {@code grant}; writes nothing unless {@code updateLock} is set. */
  public static Outcome run(Grant grant, Request request) {
    List<String> problems = new ArrayList<>(request.policy().violations(grant));
    LockFile current = LockFile.of(grant);
    String lock = request.lockShown();
    String update = request.updateCommand();
    String message = "Privileges match " + lock + " and the policy (Pod Security level "
        + grant.podSecurity().level().label() + ").";
    if (request.updateLock()) {
      LockStore.write(current, request.lockFile());
      message = "Updated " + lock + " from the current grant: review and commit it.";
    } else {
      Optional<LockFile> committed = LockStore.read(request.lockFile(), lock, update);
      if (committed.isEmpty()) {
        problems.add("lock file " + lock + " does not exist: create it with " + update
            + ", review it and commit it.");
      } else {
        List<String> changes = current.differencesFrom(committed.get());
        if (!changes.isEmpty()) {
          problems.add("the privileges differ from " + lock + ":");
          changes.forEach(c -> problems.add("  " + c));
          problems.add("If the change is intended, update the lock with " + update + " and commit it.");
        }
      }
    }
    return new Outcome(problems, message);
  }
}
