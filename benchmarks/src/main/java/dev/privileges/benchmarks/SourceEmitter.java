package dev.privileges.benchmarks;

import dev.privileges.annotations.HostPathType;
import dev.privileges.annotations.MountPropagation;
import dev.privileges.annotations.Protocol;
import dev.privileges.metadata.ApiRuleRequirement;
import dev.privileges.metadata.CapabilityRequirement;
import dev.privileges.metadata.CollectorMetadata;
import dev.privileges.metadata.ConfinementRequirement;
import dev.privileges.metadata.HostPathRequirement;
import dev.privileges.metadata.PortRequirement;
import dev.privileges.metadata.PrivilegeRequirement;
import dev.privileges.metadata.WritablePathRequirement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes generated collectors as Java sources that carry both annotation sets: our requirement
 * annotations and an AutoService registration, so the same sources serve every compiler run. Each
 * collector has a small body (a name and a collect method over a field table) plus {@code
 * extraMethods} parse methods of about 20 lines each, so javac has ordinary code to compile
 * besides the annotations: the processors' share of a compilation depends on how much code the
 * annotated classes hold.
 */
final class SourceEmitter {

  private SourceEmitter() {}

  /** Writes the interface, the base classes and one file per collector; returns every file. */
  static List<Path> write(List<BundleGenerator.Generated> collectors, Path sourceRoot, int extraMethods)
      throws IOException {
    Path dir = sourceRoot.resolve(BundleGenerator.PACKAGE.replace('.', '/'));
    Files.createDirectories(dir);
    List<Path> files = new ArrayList<>();
    files.add(write(dir.resolve("Input.java"), """
        package %s;

        /** What the agent calls on each collector. */
        public interface Input {
          String name();

          int collect(java.util.Map<String, Double> out);
        }
        """.formatted(BundleGenerator.PACKAGE)));
    for (String base : BundleGenerator.baseSimpleNames()) {
      files.add(write(dir.resolve(base + ".java"), baseSource(base, collectors)));
    }
    for (BundleGenerator.Generated g : collectors) {
      String simple = g.metadata().source().substring(BundleGenerator.PACKAGE.length() + 1);
      files.add(write(dir.resolve(simple + ".java"), collectorSource(g, simple, extraMethods)));
    }
    return files;
  }

  private static Path write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  /** A base class's annotations: its host paths as any collector extending it records them. */
  private static String baseSource(String simple, List<BundleGenerator.Generated> collectors) {
    String binary = BundleGenerator.baseBinaryName(simple);
    List<HostPathRequirement> paths = collectors.stream()
        .filter(g -> g.baseSimpleName().equals(simple))
        .findFirst()
        .map(g -> g.metadata().hostPaths().stream().filter(h -> h.declaredBy().equals(binary)).toList())
        .orElse(List.of());
    StringBuilder s = header();
    for (HostPathRequirement h : paths) {
      hostPath(s, h);
    }
    s.append("public abstract class ").append(simple).append(" {\n")
        .append("  protected static double scale(double v) {\n    return v * 1.5;\n  }\n}\n");
    return s.toString();
  }

  private static String collectorSource(BundleGenerator.Generated g, String simple, int extraMethods) {
    CollectorMetadata c = g.metadata();
    String own = c.source();
    StringBuilder s = header();
    s.append("@AutoService(Input.class)\n");
    s.append("@Collector(name = ").append(q(c.name())).append(", feature = ").append(q(c.feature()))
        .append(", description = ").append(q(c.description())).append(")\n");
    if (!c.noPrivilegesReason().isEmpty()) {
      s.append("@RequiresNoPrivileges(reason = ").append(q(c.noPrivilegesReason())).append(")\n");
    }
    for (PrivilegeRequirement p : c.privileges()) {
      if (p.declaredBy().equals(own)) {
        s.append("@RequiresPrivilege(value = Privilege.").append(p.privilege().name())
            .append(", reason = ").append(q(p.reason())).append(")\n");
      }
    }
    for (CapabilityRequirement r : c.capabilities()) {
      if (r.declaredBy().equals(own)) {
        s.append("@RequiresCapability(value = ").append(q(r.capability()));
        if (!r.fromKernel().isEmpty()) {
          s.append(", fromKernel = ").append(q(r.fromKernel()));
        }
        if (!r.beforeKernel().isEmpty()) {
          s.append(", beforeKernel = ").append(q(r.beforeKernel()));
        }
        s.append(", reason = ").append(q(r.reason())).append(")\n");
      }
    }
    for (HostPathRequirement h : c.hostPaths()) {
      if (h.declaredBy().equals(own)) {
        hostPath(s, h);
      }
    }
    for (PortRequirement p : c.ports()) {
      s.append("@RequiresPort(number = ").append(p.number());
      if (p.protocol() != Protocol.TCP) {
        s.append(", protocol = Protocol.").append(p.protocol().name());
      }
      s.append(", name = ").append(q(p.name()));
      if (p.reachableAtNodeIp()) {
        s.append(", reachableAtNodeIp = true");
      }
      s.append(", reason = ").append(q(p.reason())).append(")\n");
    }
    for (WritablePathRequirement w : c.writablePaths()) {
      s.append("@RequiresWritablePath(path = ").append(q(w.path()));
      if (w.keepAcrossRestarts()) {
        s.append(", keepAcrossRestarts = true, hostPath = ").append(q(w.hostPath()));
      }
      s.append(", reason = ").append(q(w.reason())).append(")\n");
    }
    for (ApiRuleRequirement r : c.kubernetesApi()) {
      s.append("@RequiresKubernetesApi(");
      if (!r.apiGroups().isEmpty()) {
        s.append("apiGroups = ").append(array(r.apiGroups())).append(", resources = ")
            .append(array(r.resources())).append(", ");
      } else {
        s.append("nonResourceUrls = ").append(array(r.nonResourceUrls())).append(", ");
      }
      s.append("verbs = ").append(array(r.verbs())).append(", reason = ").append(q(r.reason())).append(")\n");
    }
    for (ConfinementRequirement r : c.confinement()) {
      s.append("@RequiresRelaxedConfinement(value = Confinement.").append(r.confinement().name())
          .append(", reason = ").append(q(r.reason())).append(")\n");
    }
    s.append("public class ").append(simple);
    if (!g.baseSimpleName().isEmpty()) {
      s.append(" extends ").append(g.baseSimpleName());
    }
    s.append(" implements Input {\n");
    int n = Math.abs(c.name().hashCode() % 5) + 3;
    s.append("  private static final String[] FIELDS = {");
    for (int i = 0; i < n; i++) {
      s.append(i == 0 ? "" : ", ").append(q("field_" + i));
    }
    s.append("};\n\n");
    s.append("""
          @Override
          public String name() {
            return %s;
          }

          @Override
          public int collect(java.util.Map<String, Double> out) {
            int written = 0;
            for (String field : FIELDS) {
              double value = field.length() * 1.5 + %d;
              if (value > 10) {
                out.put(name() + "." + field, value);
                written++;
              }
            }
            return written;
          }
        """.formatted(q(c.name()), n));
    for (int m = 0; m < extraMethods; m++) {
      s.append("""

          /** Parses one line of the source's text format into the output map. */
          int parse%1$d(String line, java.util.Map<String, Double> out) {
            String[] parts = line.split(",");
            int parsed = 0;
            for (String part : parts) {
              int eq = part.indexOf('=');
              if (eq <= 0) {
                continue;
              }
              String key = part.substring(0, eq).trim();
              try {
                double value = Double.parseDouble(part.substring(eq + 1).trim());
                out.merge(name() + ".%1$d." + key, value * %2$d, Double::sum);
                parsed++;
              } catch (NumberFormatException e) {
                out.put(name() + ".errors", out.getOrDefault(name() + ".errors", 0.0) + 1);
              }
            }
            return parsed;
          }
        """.formatted(m, m + n));
    }
    s.append("}\n");
    return s.toString();
  }

  private static void hostPath(StringBuilder s, HostPathRequirement h) {
    s.append("@RequiresHostPath(path = ").append(q(h.path()));
    if (!h.mountPath().equals(h.path())) {
      s.append(", mountPath = ").append(q(h.mountPath()));
    }
    if (!h.readOnly()) {
      s.append(", readOnly = false");
    }
    if (h.type() != HostPathType.UNCHECKED) {
      s.append(", type = HostPathType.").append(h.type().name());
    }
    if (h.propagation() != MountPropagation.NONE) {
      s.append(", propagation = MountPropagation.").append(h.propagation().name());
    }
    if (!h.env().isEmpty()) {
      s.append(", env = ").append(q(h.env()));
    }
    s.append(", reason = ").append(q(h.reason())).append(")\n");
  }

  private static StringBuilder header() {
    return new StringBuilder("package ").append(BundleGenerator.PACKAGE).append(";\n\n")
        .append("import com.google.auto.service.AutoService;\n")
        .append("import dev.privileges.annotations.*;\n\n");
  }

  private static String array(List<String> values) {
    return values.stream().map(SourceEmitter::q).collect(Collectors.joining(", ", "{", "}"));
  }

  private static String q(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
