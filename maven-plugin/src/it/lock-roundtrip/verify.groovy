def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('lock file privileges.lock.json does not exist: create it with mvn verify -Dprivileges.updateLock=true')
assert log.contains('Updated privileges.lock.json from the current grant: review and commit it.')
assert log.contains('Privileges match privileges.lock.json and the policy (Pod Security level privileged).')
assert log.contains('the privileges differ from privileges.lock.json:')
assert log.contains("- collector 'statsd' no longer needs hostPort:8125/UDP (no longer granted)")
assert log.contains("- collector 'statsd' no longer needs port:8125/UDP (no longer granted)")
assert log.contains('If the change is intended, update the lock with mvn verify -Dprivileges.updateLock=true')
assert log.contains('Wrote privileges.lock.json (4 granted items): review and commit it.')
assert !(log =~ /\n\s+at [a-z]/).find() // no stack trace

def lock = new File(basedir, 'privileges.lock.json').getText('UTF-8')
assert lock == """{
  "formatVersion": 1,
  "podSecurityLevel": "privileged",
  "granted": {
    "HOST_PID": ["host_processes"],
    "RUN_AS_ROOT": ["host_processes"],
    "capability:SYS_PTRACE": ["host_processes"],
    "hostPath:/proc read-only": ["cpu"]
  }
}
"""
return true
