package dev.privileges.annotations;

/** How mounts made later on the host reach the container ({@code volumeMounts[].mountPropagation}). */
public enum MountPropagation {
  /** Kubernetes' default: the container sees the host path as it was when mounted. */
  NONE("None"),
  /** Mounts the host adds later (new containers' filesystems, say) become visible. */
  HOST_TO_CONTAINER("HostToContainer"),
  /**
   * Mounts propagate both ways. Kubernetes accepts it only for privileged containers, so a
   * collector that declares it also needs {@link Privilege#PRIVILEGED}.
   */
  BIDIRECTIONAL("Bidirectional");

  private final String kubernetesName;

  MountPropagation(String kubernetesName) {
    this.kubernetesName = kubernetesName;
  }

  /** The value of {@code mountPropagation}. */
  public String kubernetesName() {
    return kubernetesName;
  }
}
