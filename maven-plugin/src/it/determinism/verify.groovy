def reference = new File(basedir, 'target/privileges')
def names = reference.list().sort()
assert names == ['SECURITY.md', 'daemonset.yaml', 'privileges-diagram.svg', 'privileges.json', 'privileges.lock.json']
['out-kiritimati', 'out-honolulu', 'out-kolkata'].each { dir ->
  def other = new File(basedir, 'target/' + dir)
  assert other.list().sort() == names
  names.each { n ->
    assert new File(other, n).bytes == new File(reference, n).bytes : dir + '/' + n + ' differs'
  }
}
def yaml = new File(reference, 'daemonset.yaml').getText('UTF-8')
assert yaml.contains('privileges.dev/host-ipc: ipc_info') // not "host-ıpc"
assert !yaml.contains('\r')
def log = new File(basedir, 'build.log').getText('UTF-8')
return true
