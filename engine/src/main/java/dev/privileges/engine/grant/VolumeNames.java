package dev.privileges.engine.grant;

import dev.privileges.engine.EngineException;
import dev.privileges.engine.grant.Grant.HostPathMount;
import dev.privileges.engine.grant.Grant.WritableDirectory;
import dev.privileges.engine.kubernetes.KubernetesNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;


/**
 * Makes volume names unique. Names are derived from paths ({@code /var/run} gives {@code
 * host-var-run}), and different paths can give the same name ({@code /var-run}); those volumes get
 * a hash of their path appended, the others keep their readable names.
 */
public final class VolumeNames {

  /** Host path mounts and writable directories with unique volume names. */
  record Named(List<HostPathMount> hostPaths, List<WritableDirectory> writablePaths) {}

  private VolumeNames() {}

  static Named unique(List<HostPathMount> hostPaths, List<WritableDirectory> writable) {
    Map<String, Integer> counts = new TreeMap<>();
    for (HostPathMount m : hostPaths) {
      count(counts, m.volumeName());
    }
    for (WritableDirectory w : writable) {
      count(counts, w.volumeName());
    }
    List<HostPathMount> mounts = new ArrayList<>();
    for (HostPathMount m : hostPaths) {
      mounts.add(counts.get(m.volumeName()) == 1 ? m : new HostPathMount(
          rename(m.volumeName(), "host:" + m.path()), m.path(), m.mountPath(), m.readOnly(),
          m.type(), m.propagation(), m.env(), m.needs(), m.writers()));
    }
    List<WritableDirectory> dirs = new ArrayList<>();
    for (WritableDirectory w : writable) {
      dirs.add(counts.get(w.volumeName()) == 1 ? w : new WritableDirectory(
          rename(w.volumeName(), "writable:" + w.path()), w.path(), w.hostPath(), w.needs()));
    }
    Map<String, String> seen = new TreeMap<>();
    for (HostPathMount m : mounts) {
      claim(seen, m.volumeName(), m.path());
    }
    for (WritableDirectory w : dirs) {
      claim(seen, w.volumeName(), w.path());
    }
    return new Named(List.copyOf(mounts), List.copyOf(dirs));
  }

  private static void count(Map<String, Integer> counts, String name) {
    Integer before = counts.get(name);
    counts.put(name, before == null ? 1 : before + 1);
  }

  private static String rename(String name, String source) {
    return KubernetesNames.hashed(name, source, KubernetesNames.MAX_VOLUME_NAME);
  }

  private static void claim(Map<String, String> seen, String name, String path) {
    String before = seen.putIfAbsent(name, path);
    if (before != null) {
      throw new EngineException("paths '" + before + "' and '" + path + "' both give the volume"
          + " name '" + name + "': rename one of the paths in its collector's declaration");
    }
  }
}
