package dev.privileges.engine.statement;

import dev.privileges.engine.grant.Grant;
import dev.privileges.engine.grant.Grant.ApiRule;
import dev.privileges.engine.grant.Grant.ContainerPort;
import dev.privileges.engine.grant.Grant.HostPathMount;
import dev.privileges.engine.grant.Grant.WritableDirectory;
import dev.privileges.engine.grant.GrantedItem;
import java.util.HashMap;
import java.util.Map;

/**
 * A grant's records found by what its {@link GrantedItem items} carry: a host path mount and a
 * writable directory by their path, a port by {@code number/protocol}, an API rule by its scope.
 * Built once per grant the statement describes. Why: finding the record of an item by scanning
 * the grant's list, once per item, made the statement quadratic in the number of ports and host
 * paths (a bundle of thousands of collectors has hundreds of each).
 */
final class GrantRecords {

  private final Grant grant;
  private final Map<String, HostPathMount> hostPaths = new HashMap<>();
  private final Map<String, ContainerPort> ports = new HashMap<>();
  private final Map<String, WritableDirectory> writable = new HashMap<>();
  private final Map<String, ApiRule> rules = new HashMap<>();

  GrantRecords(Grant grant) {
    this.grant = grant;
    // The grant merges each list by these keys, so each is unique; putIfAbsent keeps the first
    // regardless, as a scan would.
    for (HostPathMount h : grant.hostPaths()) {
      hostPaths.putIfAbsent(h.path(), h);
    }
    for (ContainerPort p : grant.ports()) {
      ports.putIfAbsent(GrantedItem.portPath(p), p);
    }
    for (WritableDirectory w : grant.writablePaths()) {
      writable.putIfAbsent(w.path(), w);
    }
    for (ApiRule r : grant.apiRules()) {
      rules.putIfAbsent(GrantedItem.ruleScope(r), r);
    }
  }

  Grant grant() {
    return grant;
  }

  /** The mount of host path {@code path}, or null. */
  HostPathMount hostPath(String path) {
    return hostPaths.get(path);
  }

  /** The port whose item carries {@code path} ({@code number/protocol}), or null. */
  ContainerPort port(String path) {
    return ports.get(path);
  }

  /** The writable directory at container path {@code path}, or null. */
  WritableDirectory writable(String path) {
    return writable.get(path);
  }

  /** The API rule of scope {@code scope} ({@link GrantedItem#ruleScope}), or null. */
  ApiRule rule(String scope) {
    return rules.get(scope);
  }
}
