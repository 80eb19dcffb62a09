// Collectors come from the module's classes and from its dependencies' jars (package phase) or
// their classes folders (process-classes phase, P8); both give the same DaemonSet.
def yaml = new File(basedir, 'bundle/target/privileges/daemonset.yaml').getText('UTF-8')
assert yaml.contains('value: cpu,host_processes,self,statsd')
assert yaml.contains('hostPID: true')
assert yaml.contains('- SYS_PTRACE')
assert yaml.contains('hostPort: 8125')
assert new File(basedir, 'bundle/target/from-classes/daemonset.yaml').getText('UTF-8') == yaml
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('Enabled collectors (4): cpu, host_processes, self, statsd')
return true
