def yaml = new File(basedir, 'target/privileges/daemonset.yaml').getText('UTF-8')
assert yaml.contains('value: cpu,host_processes,statsd') // the collectors stay enabled
assert !yaml.contains('8125')
assert !yaml.contains('SYS_PTRACE')
assert yaml.contains('hostPID: true') // the rest of host_processes' requirements remain
assert yaml.contains('runAsNonRoot: true') // no capability left, so no root either

def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("[WARNING] Waiver: collector 'statsd' runs without port:8125/UDP, so its feature 'Receive Data on the Node' degrades. Reason given: We expose StatsD through a Service instead.")
assert log.contains("[WARNING] Waiver: collector 'host_processes' runs without capability:SYS_PTRACE, so its feature 'Host Process Metrics' degrades.")
assert log.contains('  Waivers:')
assert log.contains('    statsd port:8125/UDP: We expose StatsD through a Service instead.')
return true
