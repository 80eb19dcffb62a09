// After v1 (cpu, mem, python_logs) and v2 (cpu edited; mem and python_logs deleted), compiled
// into the same target/classes without clean.
def meta = new File(basedir, 'target/classes/META-INF/dev.privileges/collectors')
def names = (meta.listFiles() ?: []).collect { it.name }.sort()
assert names == ['cpu.json'] : "expected only cpu.json, found ${names}"

def cpu = new File(meta, 'cpu.json').getText('UTF-8')
assert cpu.contains('Reads /proc/stat (version 2).') : "cpu.json was not updated:\n${cpu}"

def index = new File(basedir, 'target/classes/META-INF/dev.privileges/collectors.index').getText('UTF-8')
assert index == 'cpu\tit.CpuCollector\n' : "unexpected index:\n${index}"

def registry = new File(basedir, 'target/classes/META-INF/dev.privileges/registry.txt').getText('UTF-8')
assert registry.startsWith('collector\tcpu\t') : "unexpected registry:\n${registry}"
assert !registry.contains('\tmem\t') && !registry.contains('python_logs') : "stale registry:\n${registry}"
assert !new File(basedir, 'target/generated-sources/annotations/it/CollectorPrivilegesRegistry.java').exists()

return true
