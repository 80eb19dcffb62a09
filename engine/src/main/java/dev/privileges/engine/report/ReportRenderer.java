package dev.privileges.engine.report;

import dev.privileges.engine.GenerationOptions;
import dev.privileges.engine.bundle.Bundle;
import dev.privileges.engine.grant.Grant;
import dev.privileges.engine.grant.PodSecurity;
import dev.privileges.metadata.CollectorMetadata;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;


/**
 * Renders {@code privileges.json} (see {@code docs/report-format.md}): every collector of the
 * bundle with its declared requirements and whether it is enabled, the resolved grant with the
 * needs behind each item, the Pod Security level and the waivers. Canonical: keys sorted, two-space
 * indent, {@code \n}, a final newline, no timestamps and no machine paths.
 */
public final class ReportRenderer {

  /** Version of the report format; raised on any incompatible change. */
  public static final int FORMAT_VERSION = 1;

  /** About what one collector adds to the report (its requirements, and its needs in the grant): 2.5-4 KB. */
  private static final long EXPECTED_BYTES_PER_COLLECTOR = 3072;

  /** The largest buffer asked for up front; a larger report grows from there. */
  private static final long MAX_EXPECTED_BYTES = 1 << 28;

  /** The report's text. */
  public String render(Bundle bundle, Grant grant) {
    return new String(renderUtf8(bundle, grant), StandardCharsets.UTF_8);
  }

  /** The report as its file holds it, in UTF-8: the bytes of {@link #render}. */
  public byte[] renderUtf8(Bundle bundle, Grant grant) {
    Map<String, Object> root = new TreeMap<>();
    root.put("formatVersion", FORMAT_VERSION);
    GenerationOptions o = grant.options();
    root.put("product", o.productName());
    root.put("daemonSet", new TreeMap<>(Map.of("name", o.name(), "namespace", o.namespace(),
        "enabledInputsEnv", o.enabledInputsEnv())));
    Set<String> enabled = new HashSet<>(grant.enabledNames()); // a list's contains() made this quadratic
    List<Map<String, Object>> collectors = new ArrayList<>(bundle.collectors().size());
    for (CollectorMetadata c : bundle.collectors().values()) {
      collectors.add(collector(c, enabled.contains(c.name())));
    }
    root.put("collectors", Collections.unmodifiableList(collectors));
    root.put("grant", grant(grant));
    PodSecurity.Assessment pss = grant.podSecurity();
    List<Map<String, Object>> violations = new ArrayList<>(pss.violations().size());
    for (PodSecurity.Violation v : pss.violations()) {
      violations.add(new TreeMap<>(Map.of(
          "level", v.level().label(), "check", v.check(), "field", v.field(), "needs", v.needs())));
    }
    root.put("podSecurity", new TreeMap<>(Map.of(
        "level", pss.level().label(),
        "collectorsHoldingLevel", pss.collectorsHoldingLevel(),
        "violations", Collections.unmodifiableList(violations))));
    root.put("waivers", grant.waivers());
    return CanonicalJson.writeFile(root,
        (int) Math.min(EXPECTED_BYTES_PER_COLLECTOR * bundle.collectors().size(), MAX_EXPECTED_BYTES));
  }

  private static Map<String, Object> collector(CollectorMetadata c, boolean enabled) {
    Map<String, Object> out = new TreeMap<>();
    out.put("name", c.name());
    out.put("feature", c.feature());
    out.put("description", c.description());
    out.put("declaredBy", c.source());
    out.put("enabled", enabled);
    out.put("noPrivilegesReason", c.noPrivilegesReason());
    Map<String, Object> requirements = new TreeMap<>();
    requirements.put("privileges", c.privileges());
    requirements.put("capabilities", c.capabilities());
    requirements.put("hostPaths", c.hostPaths());
    requirements.put("ports", c.ports());
    requirements.put("writablePaths", c.writablePaths());
    requirements.put("kubernetesApi", c.kubernetesApi());
    requirements.put("confinement", c.confinement());
    out.put("requirements", requirements);
    return out;
  }

  private static Map<String, Object> grant(Grant g) {
    Map<String, Object> out = new TreeMap<>();
    out.put("enabledCollectors", g.enabledNames());
    out.put("privileges", g.privileges());
    out.put("privilegedReplaced", g.privilegedReplaced());
    out.put("capabilities", g.capabilities());
    out.put("coveredByPrivileged", g.coveredByPrivileged());
    out.put("security", security(g));
    out.put("hostPaths", g.hostPaths());
    out.put("ports", g.ports());
    out.put("writablePaths", g.writablePaths());
    out.put("apiRules", g.apiRules());
    out.put("confinement", g.confinement());
    return out;
  }

  /** The decided security fields, as the DaemonSet carries them. */
  private static Map<String, Object> security(Grant g) {
    Grant.SecurityFields d = g.security();
    Map<String, Object> out = new TreeMap<>();
    out.put("privileged", d.privileged());
    out.put("allowPrivilegeEscalation", d.escalation() == Grant.Escalation.DISALLOWED ? "false" : "unset");
    out.put("runAsUser", d.uid());
    out.put("runAsNonRoot", !d.root());
    out.put("readOnlyRootFilesystem", d.readOnlyRootFilesystem());
    out.put("seccompProfile", d.seccomp() == Grant.Seccomp.UNSET ? "unset" : d.seccomp().kubernetesName());
    out.put("appArmorProfile", d.appArmorUnconfined() ? "Unconfined" : "unset");
    out.put("hostNetworkBindsEveryPort", g.hostNetwork() && !g.ports().isEmpty());
    if (d.keptPathOwner().isPresent()) {
      Grant.KeptPathOwner o = d.keptPathOwner().get();
      Map<String, Object> init = new TreeMap<>();
      init.put("name", o.name());
      init.put("runAsUser", 0);
      init.put("capabilities", java.util.List.of(Grant.KeptPathOwner.CAPABILITY));
      List<String> directories = new ArrayList<>(o.directories().size());
      for (Grant.WritableDirectory w : o.directories()) {
        directories.add(w.hostPath());
      }
      init.put("directories", Collections.unmodifiableList(directories));
      init.put("needs", o.needs());
      out.put("keptPathOwner", init);
    }
    return out;
  }
}
