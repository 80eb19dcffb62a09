def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('privileges:check failed:')
assert log.contains('the pods need Pod Security level privileged, above the allowed baseline (<maxPodSecurityLevel>):')
assert log.contains('hostPID: true (baseline check hostNamespaces) needed by host_processes')
assert log.contains('hostPath: /proc (baseline check hostPathVolumes) needed by cpu')
assert log.contains('capability:SYS_PTRACE is forbidden (<forbiddenPrivileges>) but granted for host_processes')
assert log.contains('hostPort:8125/UDP is forbidden (<forbiddenPrivileges>) but granted for statsd')
assert !log.contains('HOST_IPC is forbidden') // not granted, so no violation
assert !log.contains('at dev.privileges') // no stack trace for a policy violation
return true
