// The happy path of privileges:generate: the outputs, their attachment, the build summary, help.
def out = new File(basedir, 'target/privileges')
def yaml = new File(out, 'daemonset.yaml').getText('UTF-8')
assert new File(out, 'SECURITY.md').isFile()
assert new File(out, 'privileges.json').getText('UTF-8').contains('"formatVersion"')

assert yaml.contains('kind: DaemonSet')
assert yaml.contains('  name: demo-agent')
assert yaml.contains('  namespace: observability')
assert yaml.contains('image: registry.example.com/demo-agent:1.0.0')
assert yaml.contains('team: observability')
assert yaml.contains('value: cpu,host_processes,self,statsd')
assert yaml.contains('hostPID: true')
assert !yaml.contains('hostNetwork')
assert !yaml.contains('hostIPC')
assert yaml.contains('- SYS_PTRACE')
assert yaml.contains('hostPort: 8125')
assert yaml.contains('path: /proc')
assert !yaml.contains('&id') // no YAML anchors
assert !yaml.contains('\r')

def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('Collector Privileges summary')
assert log.contains('Enabled collectors (4): cpu, host_processes, self, statsd')
assert log =~ /HOST_PID\s+<- host_processes/
assert log =~ /capability:SYS_PTRACE\s+<- host_processes/
assert log =~ /hostPath:\/proc read-only\s+<- cpu/
assert log =~ /hostPort:8125\/UDP\s+<- statsd/
assert log.contains('Pod Security level: privileged (held there by cpu, host_processes, statsd)')
assert log.contains('Waivers: none')
assert log.contains('Outputs in target/privileges: daemonset.yaml, SECURITY.md, privileges-diagram.svg, privileges.json')

// attached with classifiers, so install put them next to the jar
def repo = new File(localRepositoryPath, 'dev/privileges/it/generate-basic/1.0')
assert new File(repo, 'generate-basic-1.0.jar').isFile()
assert new File(repo, 'generate-basic-1.0-daemonset.yaml').getText('UTF-8') == yaml
assert new File(repo, 'generate-basic-1.0-security.md').isFile()
assert new File(repo, 'generate-basic-1.0-privileges.json').isFile()
assert new File(repo, 'generate-basic-1.0-privileges-diagram.svg').getText('UTF-8').startsWith('<svg ')

// the generated help goal lists every goal
assert log.contains('privileges:generate')
assert log.contains('privileges:check')
assert log.contains('privileges:lock')
assert log.contains('privileges:help')
assert log.contains('privileges:report')
return true
