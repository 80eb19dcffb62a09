package dev.privileges.annotations;

/**
 * What Kubernetes checks at the host path before mounting it ({@code volumes[].hostPath.type}).
 * A precise type makes a pod fail to start instead of mounting something unexpected.
 */
public enum HostPathType {
  /** No check ({@code type} left out). */
  UNCHECKED(""),
  /** An existing directory. */
  DIRECTORY("Directory"),
  /** A directory, created (0755) if missing. */
  DIRECTORY_OR_CREATE("DirectoryOrCreate"),
  /** An existing file. */
  FILE("File"),
  /** A file, created (0644) if missing. */
  FILE_OR_CREATE("FileOrCreate"),
  /** An existing UNIX socket, e.g. a container runtime's. */
  SOCKET("Socket"),
  /** An existing character device. */
  CHAR_DEVICE("CharDevice"),
  /** An existing block device. */
  BLOCK_DEVICE("BlockDevice");

  private final String kubernetesName;

  HostPathType(String kubernetesName) {
    this.kubernetesName = kubernetesName;
  }

  /** The value of {@code hostPath.type}; empty for {@link #UNCHECKED}. */
  public String kubernetesName() {
    return kubernetesName;
  }
}
