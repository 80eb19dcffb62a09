package dev.privileges.annotations.runtime.selfcheck;

import dev.privileges.annotations.runtime.LinuxCapability;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A fake {@code /proc} tree (and container folders) under a temporary root, in the formats of
 * proc(5). It starts as a typical trimmed container: uid 0, no capabilities, seccomp filter,
 * no-new-privs, kernel 6.1, a read-only root filesystem.
 */
final class FakeProc {

  private final Path root;
  private long capEff;
  private int uid;
  private int seccomp = 2;
  private boolean noNewPrivs = true;
  private String kernel = "6.1.0-18-amd64";
  private final List<String> mounts = new ArrayList<>();
  private String appArmor;

  FakeProc(Path root) {
    this.root = root;
    mount("/", true);
  }

  FakeProc capabilities(LinuxCapability... caps) {
    for (LinuxCapability c : caps) {
      capEff |= 1L << c.bit();
    }
    return this;
  }

  FakeProc allCapabilities() {
    return capabilities(LinuxCapability.values());
  }

  FakeProc uid(int value) {
    uid = value;
    return this;
  }

  FakeProc seccomp(int mode) {
    seccomp = mode;
    return this;
  }

  FakeProc noNewPrivs(boolean value) {
    noNewPrivs = value;
    return this;
  }

  FakeProc kernel(String release) {
    kernel = release;
    return this;
  }

  /** A mountinfo line for {@code point}, with an optional field as real ones often have. */
  FakeProc mount(String point, boolean readOnly) {
    String flag = readOnly ? "ro" : "rw";
    mounts.add((100 + mounts.size()) + " 1 0:" + mounts.size() + " / " + point.replace(" ", "\\040") + " "
        + flag + ",relatime shared:1 - ext4 /dev/sda1 " + flag);
    return this;
  }

  FakeProc appArmor(String label) {
    appArmor = label;
    return this;
  }

  FakeProc serviceAccountToken() {
    return file("var/run/secrets/kubernetes.io/serviceaccount/token", "eyJhbGciOi...");
  }

  FakeProc directory(String absolute) {
    try {
      Files.createDirectories(root.resolve(absolute.substring(1)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Writes the files and returns the root. */
  Path write() {
    file("proc/self/status", "Name:\tagent\nUid:\t" + uid + "\t" + uid + "\t" + uid + "\t" + uid + "\n"
        + "CapInh:\t0000000000000000\n"
        + "CapEff:\t" + String.format(Locale.ROOT, "%016x", capEff) + "\n"
        + "NoNewPrivs:\t" + (noNewPrivs ? 1 : 0) + "\nSeccomp:\t" + seccomp + "\nSeccomp_filters:\t1\n");
    file("proc/sys/kernel/osrelease", kernel + "\n");
    file("proc/sys/kernel/cap_last_cap", "40\n");
    file("proc/self/mountinfo", String.join("\n", mounts) + "\n");
    if (appArmor != null) {
      file("proc/self/attr/apparmor/current", appArmor + "\n");
    }
    return root;
  }

  private FakeProc file(String relative, String text) {
    Path file = root.resolve(relative);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }
}
