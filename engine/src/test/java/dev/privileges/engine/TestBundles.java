package dev.privileges.engine;

import dev.privileges.annotations.Confinement;
import dev.privileges.annotations.HostPathType;
import dev.privileges.annotations.MountPropagation;
import dev.privileges.annotations.Privilege;
import dev.privileges.annotations.Protocol;
import dev.privileges.engine.bundle.Bundle;
import dev.privileges.metadata.ApiRuleRequirement;
import dev.privileges.metadata.CapabilityRequirement;
import dev.privileges.metadata.CollectorMetadata;
import dev.privileges.metadata.ConfinementRequirement;
import dev.privileges.metadata.HostPathRequirement;
import dev.privileges.metadata.PortRequirement;
import dev.privileges.metadata.PrivilegeRequirement;
import dev.privileges.metadata.WritablePathRequirement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;


/** Builds collectors and bundles in tests, without compiling annotated classes. */
public final class TestBundles {

  private TestBundles() {}

  public static Bundle bundle(CollectorMetadata... collectors) {
    Map<String, CollectorMetadata> byName = new TreeMap<>();
    Map<String, String> origins = new TreeMap<>();
    for (CollectorMetadata c : collectors) {
      byName.put(c.name(), c);
      origins.put(c.name(), "test:" + c.name());
    }
    return new Bundle(byName, origins);
  }

  public static CollectorBuilder collector(String name) {
    return new CollectorBuilder(name);
  }

  /** Fluent builder of one collector's metadata; every requirement gets a reason. */
  public static final class CollectorBuilder {
    private final String name;
    private String feature;
    private String noPrivilegesReason = "";
    private String description = "";
    private final List<PrivilegeRequirement> privileges = new ArrayList<>();
    private final List<CapabilityRequirement> capabilities = new ArrayList<>();
    private final List<HostPathRequirement> hostPaths = new ArrayList<>();
    private final List<PortRequirement> ports = new ArrayList<>();
    private final List<WritablePathRequirement> writablePaths = new ArrayList<>();
    private final List<ApiRuleRequirement> api = new ArrayList<>();
    private final List<ConfinementRequirement> confinement = new ArrayList<>();

    CollectorBuilder(String name) {
      this.name = name;
      this.feature = "Feature of " + name;
    }

    private String source() {
      return "test." + name.replace('-', '_');
    }

    private String reason(String what) {
      return name + " needs " + what + ".";
    }

    public CollectorBuilder feature(String feature) {
      this.feature = feature;
      return this;
    }

    public CollectorBuilder description(String text) {
      description = text;
      return this;
    }

    public CollectorBuilder nothing() {
      noPrivilegesReason = name + " needs nothing.";
      return this;
    }

    public CollectorBuilder privilege(Privilege... values) {
      for (Privilege p : values) {
        privileges.add(new PrivilegeRequirement(p, reason(p.name()), source()));
      }
      return this;
    }

    public CollectorBuilder capability(String... values) {
      for (String c : values) {
        capabilities.add(new CapabilityRequirement(c, "", "", reason(c), source()));
      }
      return this;
    }

    public CollectorBuilder capabilityInKernels(String capability, String from, String before) {
      capabilities.add(new CapabilityRequirement(capability, from, before, reason(capability), source()));
      return this;
    }

    public CollectorBuilder hostPath(String path, String mountPath, boolean readOnly) {
      hostPaths.add(new HostPathRequirement(path, mountPath, readOnly, HostPathType.UNCHECKED,
          MountPropagation.NONE, "", reason(path), source()));
      return this;
    }

    public CollectorBuilder hostPath(String path, String mountPath, boolean readOnly, HostPathType type,
        MountPropagation propagation, String env) {
      hostPaths.add(new HostPathRequirement(path, mountPath, readOnly, type, propagation, env,
          reason(path), source()));
      return this;
    }

    public CollectorBuilder hostPath(HostPathRequirement requirement) {
      hostPaths.add(requirement);
      return this;
    }

    public CollectorBuilder port(int number, Protocol protocol, String portName, boolean reachableAtNodeIp) {
      ports.add(new PortRequirement(number, protocol, portName, reachableAtNodeIp, reason("port " + number), source()));
      return this;
    }

    public CollectorBuilder writable(String path, String hostPath) {
      writablePaths.add(new WritablePathRequirement(path, !hostPath.isEmpty(), hostPath, reason(path), source()));
      return this;
    }

    /** Every capability of {@code values} only on kernels in {@code [from, before)} ("" = open). */
    public CollectorBuilder capabilitiesInKernels(String from, String before, String... values) {
      for (String c : values) {
        capabilityInKernels(c, from, before);
      }
      return this;
    }

    public CollectorBuilder api(String group, List<String> resources, String... verbs) {
      api.add(new ApiRuleRequirement(List.of(group), resources, List.of(), Arrays.asList(verbs), reason("the API"), source()));
      return this;
    }

    public CollectorBuilder apiUrl(String url, String... verbs) {
      api.add(new ApiRuleRequirement(List.of(), List.of(), List.of(url), Arrays.asList(verbs), reason(url), source()));
      return this;
    }

    public CollectorBuilder confinement(Confinement c) {
      confinement.add(new ConfinementRequirement(c, reason(c.name()), source()));
      return this;
    }

    public CollectorMetadata build() {
      return new CollectorMetadata(CollectorMetadata.FORMAT_VERSION, name, feature, description, source(),
          noPrivilegesReason, privileges, capabilities, hostPaths, ports, writablePaths, api, confinement);
    }
  }
}
