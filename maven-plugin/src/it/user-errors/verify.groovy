def log = new File(basedir, 'build.log').getText('UTF-8')
def expected = [
  "<enabledCollectors> names 'nope', which is not a collector of this bundle: use one of [cpu, host_processes, ipc_info, self, statsd]",
  "<namespace> 'Foo_Bar' is not a DNS-1123 label (at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit), perhaps you meant 'foo-bar'",
  "<nonRootUid> '0' is not a non-root UID: use a number from 1 to 2147483647",
  "<enabledInputsEnv> '1-inputs' is not an environment variable name (letters, digits and '_', not starting with a digit), perhaps you meant '_1_INPUTS'",
  "<portExposure> 'NODE_PORT' is not one of HOST_PORT, SERVICE",
  "<oldestKernel> 'five' is not a kernel version: write major.minor, e.g. '5.8'",
  "<name> 'Demo.Agent' is not a DNS-1123 label",
  "perhaps you meant 'demo-agent'",
  "<daemonSetFile> '../escape.yaml' is not a plain file name: outputs are only written inside the output folder (<outputDirectory>), so give a name without folders, perhaps you meant 'escape.yaml'",
  "<waivers> entry for collector 'statsd' requirement 'hostPath:/proc' matches nothing: the collector does not declare it. Remove the waiver, or fix it to one of the collector's requirements: hostPort:8125/UDP, port:8125/UDP",
  "<waivers> entry for collector 'statsd' requirement 'port:8125/UDP' has no reason",
  "<waivers> entry of collector 'cpu': requirement 'NET_RAW' is not a requirement selector",
  "perhaps you meant 'capability:NET_RAW'",
  "<baseTemplate> src/main/k8s/hostipc.yaml: spec.template.spec.hostIPC: true grants the node's IPC namespace (HOST_IPC), which no enabled collector needs: remove it from the template",
  "<baseTemplate> src/main/k8s/hostpath.yaml: spec.volumes[0].hostPath.path: / grants access to the node's files, which no enabled collector needs",
  "<baseTemplate> src/main/k8s/privileged.yaml: spec.template.spec.containers[0].securityContext.privileged: true grants privileged mode, which no enabled collector needs",
  "<baseTemplate> src/main/k8s/root.yaml: spec.securityContext.runAsUser: 0 grants root, which no enabled collector needs",
  "<baseTemplate> src/main/k8s/broken.yaml is not valid YAML",
  "<baseTemplate> src/main/k8s/missing.yaml cannot be read",
  "<maxPodSecurityLevel> 'strict' is not one of PRIVILEGED, BASELINE, RESTRICTED",
  "<forbiddenPrivileges> entry 'SYS_ADMIN' is not a requirement selector",
]
expected.each { assert log.contains(it) : "build.log lacks: " + it }
assert (log =~ /BUILD FAILURE/).count == 19
assert !(log =~ /\n\s+at [a-z]/).find() // no stack trace for a user error

// the failed builds left the first build's outputs intact and wrote nothing else
def out = new File(basedir, 'target/privileges')
assert new File(out, 'daemonset.yaml').getText('UTF-8').contains('value: cpu,statsd')
assert out.list().sort() == ['SECURITY.md', 'daemonset.yaml', 'privileges-diagram.svg', 'privileges.json']
assert !new File(basedir, 'target/escape.yaml').exists()
return true
