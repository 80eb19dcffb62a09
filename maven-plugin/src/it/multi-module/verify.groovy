import java.nio.file.Files
import java.nio.file.attribute.PosixFilePermissions

// Collectors come from the module's classes and from its dependencies' jars (package phase) or
// their classes folders (process-classes phase); both give the same DaemonSet.
def out = new File(basedir, 'bundle/target/privileges')
def yaml = new File(out, 'daemonset.yaml').getText('UTF-8')
assert yaml.contains('value: cpu,host_processes,self,statsd')
assert yaml.contains('hostPID: true')
assert yaml.contains('- SYS_PTRACE')
assert yaml.contains('hostPort: 8125')
assert new File(basedir, 'bundle/target/from-classes/daemonset.yaml').getText('UTF-8') == yaml
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('Enabled collectors (4): cpu, host_processes, self, statsd')

// the aggregator is skipped, saying why
assert log.contains('Skipping privileges:generate because multi-module-parent has pom packaging')

// the update command printed by check works from the root
assert log.contains('lock file privileges.lock.json does not exist: create it with mvn verify -Dprivileges.updateLock=true')
assert log.contains('Updated privileges.lock.json from the current grant: review and commit it.')
assert log.contains('Privileges match privileges.lock.json and the policy')
def lock = new File(basedir, 'bundle/privileges.lock.json')
assert lock.getText('UTF-8').contains('"HOST_PID": ["host_processes"]')

// written with the process's umask (0644 under 022), like any file the build writes
def umask = Integer.parseInt(['sh', '-c', 'umask'].execute().text.trim(), 8)
def expected = PosixFilePermissions.toString(PosixFilePermissions.fromString('rw-rw-rw-').findAll {
  def bit = ['OWNER_READ': 0400, 'OWNER_WRITE': 0200, 'GROUP_READ': 040, 'GROUP_WRITE': 020,
             'OTHERS_READ': 04, 'OTHERS_WRITE': 02][it.name()]
  (bit & umask) == 0
} as Set)
[new File(out, 'daemonset.yaml'), new File(out, 'SECURITY.md'), lock].each {
  assert PosixFilePermissions.toString(Files.getPosixFilePermissions(it.toPath())) == expected : it
}

// build 3 changed only the product name: the statement was rewritten, the DaemonSet was not
def statement = new File(out, 'SECURITY.md')
assert statement.getText('UTF-8').contains('Renamed')
assert new File(out, 'daemonset.yaml').lastModified() < statement.lastModified() - 1000

// two executions, two sets of classifiers, both deployed
def repo = new File(basedir, 'deployed/dev/privileges/it/bundle/1.0')
['generate', 'from-classes-folders'].each { id ->
  assert new File(repo, "bundle-1.0-${id}-daemonset.yaml").getText('UTF-8') == yaml
  assert new File(repo, "bundle-1.0-${id}-security.md").isFile()
  assert new File(repo, "bundle-1.0-${id}-privileges.json").isFile()
}
assert !log.contains('already attached')
return true
