// snakeyaml-engine is on the script class path (addTestClassPath)
import org.snakeyaml.engine.v2.api.Load
import org.snakeyaml.engine.v2.api.LoadSettings

def text = new File(basedir, 'target/privileges/daemonset.yaml').getText('UTF-8')
def docs = new Load(LoadSettings.builder().build()).loadAllFromString(text).toList()
def ds = docs.find { it.kind == 'DaemonSet' }
assert ds.metadata.labels == ['app.kubernetes.io/name': 'demo-agent', team: 'observability']
assert ds.metadata.annotations == [owner: 'platform team: #observability']
assert ds.spec.revisionHistoryLimit == 5
def pod = ds.spec.template.spec
assert ds.spec.template.metadata.labels.tier == 'node'
assert ds.spec.template.metadata.annotations['prometheus.io/scrape'] == 'true'
assert ds.spec.template.metadata.annotations['privileges.dev/volume.host-proc'] == 'cpu'
assert pod.priorityClassName == 'system-node-critical'
assert pod.nodeSelector == ['kubernetes.io/os': 'linux']
assert pod.tolerations == [[operator: 'Exists', effect: 'NoSchedule']]
assert pod.securityContext.fsGroup == 10001
assert pod.securityContext.runAsNonRoot == true
assert pod.automountServiceAccountToken == false
assert pod.containers.size() == 1
def c = pod.containers[0]
assert c.resources == [requests: [cpu: '100m', memory: '128Mi'], limits: [memory: '512Mi']]
assert c.imagePullPolicy == 'IfNotPresent'
assert c.env*.name == ['ENV_DEFAULT_ENABLED_INPUTS', 'HOST_PROC', 'ENV_DATAWAY']
assert c.volumeMounts*.name == ['host-proc', 'agent-config']
assert c.securityContext.readOnlyRootFilesystem == true
assert c.securityContext.capabilities == [drop: ['ALL']]
assert pod.volumes*.name == ['host-proc', 'agent-config']
assert pod.volumes[1].configMap == [name: 'agent-config']
return true
