{{- /*
Which privileges the enabled collectors need, decided once from the toggles (features.<key>.enabled and features.<key>.collectors.<name>).
c<i> is collector number i:
  c0 = bpf-netlog
  c1 = container
  c2 = container-logs
  c3 = cpu
  c4 = ddtrace
  c5 = disk
  c6 = diskio
  c7 = dk
  c8 = ebpf-net
  c9 = host_processes
  c10 = hostobject
  c11 = jvm-dump
  c12 = kubernetesprometheus
  c13 = mem
  c14 = net
  c15 = opentelemetry
  c16 = prom-operator
  c17 = statsd
  c18 = system
*/ -}}
{{- define "sample-agent.decided" -}}
{{- $d := dict }}
{{- $f := .Values.features }}
{{- $_ := set $d "c0" (and (index $f "eBPFMonitoring" "enabled") (index $f "eBPFMonitoring" "collectors" "bpf-netlog")) }}
{{- $_ := set $d "c1" (and (index $f "containersAndKubernetes" "enabled") (index $f "containersAndKubernetes" "collectors" "container")) }}
{{- $_ := set $d "c2" (and (index $f "containerLogs" "enabled") (index $f "containerLogs" "collectors" "container-logs")) }}
{{- $_ := set $d "c3" (and (index $f "hostBasicMetrics" "enabled") (index $f "hostBasicMetrics" "collectors" "cpu")) }}
{{- $_ := set $d "c4" (and (index $f "receiveDataOnTheNode" "enabled") (index $f "receiveDataOnTheNode" "collectors" "ddtrace")) }}
{{- $_ := set $d "c5" (and (index $f "hostDiskMetrics" "enabled") (index $f "hostDiskMetrics" "collectors" "disk")) }}
{{- $_ := set $d "c6" (and (index $f "hostDiskMetrics" "enabled") (index $f "hostDiskMetrics" "collectors" "diskio")) }}
{{- $_ := set $d "c7" (and (index $f "agentSelfMetrics" "enabled") (index $f "agentSelfMetrics" "collectors" "dk")) }}
{{- $_ := set $d "c8" (and (index $f "eBPFMonitoring" "enabled") (index $f "eBPFMonitoring" "collectors" "ebpf-net")) }}
{{- $_ := set $d "c9" (and (index $f "hostProcessMetrics" "enabled") (index $f "hostProcessMetrics" "collectors" "host_processes")) }}
{{- $_ := set $d "c10" (and (index $f "hostObject" "enabled") (index $f "hostObject" "collectors" "hostobject")) }}
{{- $_ := set $d "c11" (and (index $f "remoteJobs" "enabled") (index $f "remoteJobs" "collectors" "jvm-dump")) }}
{{- $_ := set $d "c12" (and (index $f "prometheusScrape" "enabled") (index $f "prometheusScrape" "collectors" "kubernetesprometheus")) }}
{{- $_ := set $d "c13" (and (index $f "hostBasicMetrics" "enabled") (index $f "hostBasicMetrics" "collectors" "mem")) }}
{{- $_ := set $d "c14" (and (index $f "hostNetworkMetrics" "enabled") (index $f "hostNetworkMetrics" "collectors" "net")) }}
{{- $_ := set $d "c15" (and (index $f "receiveDataOnTheNode" "enabled") (index $f "receiveDataOnTheNode" "collectors" "opentelemetry")) }}
{{- $_ := set $d "c16" (and (index $f "prometheusScrape" "enabled") (index $f "prometheusScrape" "collectors" "prom-operator")) }}
{{- $_ := set $d "c17" (and (index $f "receiveDataOnTheNode" "enabled") (index $f "receiveDataOnTheNode" "collectors" "statsd")) }}
{{- $_ := set $d "c18" (and (index $f "hostBasicMetrics" "enabled") (index $f "hostBasicMetrics" "collectors" "system")) }}
{{- if not (or $d.c0 $d.c1 $d.c2 $d.c3 $d.c4 $d.c5 $d.c6 $d.c7 $d.c8 $d.c9 $d.c10 $d.c11 $d.c12 $d.c13 $d.c14 $d.c15 $d.c16 $d.c17 $d.c18) }}{{- fail "no collector is enabled: set features.<key>.enabled to true for at least one feature (see the chart's README.md)" }}{{- end }}
{{- $l := list }}
{{- if $d.c0 }}{{- $l = append $l "bpf-netlog" }}{{- end }}
{{- if $d.c1 }}{{- $l = append $l "container" }}{{- end }}
{{- if $d.c2 }}{{- $l = append $l "container-logs" }}{{- end }}
{{- if $d.c3 }}{{- $l = append $l "cpu" }}{{- end }}
{{- if $d.c4 }}{{- $l = append $l "ddtrace" }}{{- end }}
{{- if $d.c5 }}{{- $l = append $l "disk" }}{{- end }}
{{- if $d.c6 }}{{- $l = append $l "diskio" }}{{- end }}
{{- if $d.c7 }}{{- $l = append $l "dk" }}{{- end }}
{{- if $d.c8 }}{{- $l = append $l "ebpf-net" }}{{- end }}
{{- if $d.c9 }}{{- $l = append $l "host_processes" }}{{- end }}
{{- if $d.c10 }}{{- $l = append $l "hostobject" }}{{- end }}
{{- if $d.c11 }}{{- $l = append $l "jvm-dump" }}{{- end }}
{{- if $d.c12 }}{{- $l = append $l "kubernetesprometheus" }}{{- end }}
{{- if $d.c13 }}{{- $l = append $l "mem" }}{{- end }}
{{- if $d.c14 }}{{- $l = append $l "net" }}{{- end }}
{{- if $d.c15 }}{{- $l = append $l "opentelemetry" }}{{- end }}
{{- if $d.c16 }}{{- $l = append $l "prom-operator" }}{{- end }}
{{- if $d.c17 }}{{- $l = append $l "statsd" }}{{- end }}
{{- if $d.c18 }}{{- $l = append $l "system" }}{{- end }}
{{- $_ := set $d "inputs0" (join "," $l) }}
{{- $_ := set $d "hostNetwork1" (or $d.c0 $d.c8 $d.c10 $d.c14 $d.c18) }}
{{- $_ := set $d "cap2" (and (or $d.c0 $d.c8) (not $d.c0)) }}
{{- $_ := set $d "cap3" (or $d.c2 $d.c5 $d.c9) }}
{{- $_ := set $d "cap4" (or $d.c0 $d.c8) }}
{{- $_ := set $d "cap5" (and $d.c8 (not $d.c0)) }}
{{- $_ := set $d "cap6" (or $d.c0 $d.c8 $d.c9) }}
{{- $_ := set $d "cap7" (or $d.c0 $d.c8) }}
{{- $_ := set $d "root8" (or $d.c0 $d.c1 $d.c2 $d.c5 $d.c8 $d.c9) }}
{{- $_ := set $d "escalation9" (not $d.c0) }}
{{- $l := list }}
{{- if (or $d.c0 $d.c8) }}{{- $l = append $l "BPF" }}{{- end }}
{{- if (or $d.c2 $d.c5 $d.c9) }}{{- $l = append $l "DAC_READ_SEARCH" }}{{- end }}
{{- if (or $d.c0 $d.c8) }}{{- $l = append $l "NET_RAW" }}{{- end }}
{{- if $d.c8 }}{{- $l = append $l "PERFMON" }}{{- end }}
{{- if $d.c0 }}{{- $l = append $l "SYS_ADMIN" }}{{- end }}
{{- if (or $d.c0 $d.c8 $d.c9) }}{{- $l = append $l "SYS_PTRACE" }}{{- end }}
{{- if (or $d.c0 $d.c8) }}{{- $l = append $l "SYS_RESOURCE" }}{{- end }}
{{- $_ := set $d "covers10" (join "," $l) }}
{{- $_ := set $d "host11" (or $d.c5 $d.c10) }}
{{- $_ := set $d "host12" (or $d.c0 $d.c3 $d.c6 $d.c8 $d.c9 $d.c10 $d.c13 $d.c14 $d.c18) }}
{{- $_ := set $d "host13" (or $d.c6 $d.c10) }}
{{- $_ := set $d "readOnly14" (not $d.c8) }}
{{- $_ := set $d "writable15" (or $d.c2 $d.c4 $d.c15) }}
{{- $_ := set $d "hostPort16" (or $d.hostNetwork1 $d.c15) }}
{{- $_ := set $d "serviced17" (and $d.c15 (not $d.hostPort16)) }}
{{- $_ := set $d "hostPort18" (or $d.hostNetwork1 $d.c17) }}
{{- $_ := set $d "serviced19" (and $d.c17 (not $d.hostPort18)) }}
{{- $_ := set $d "port20" (or $d.c4 $d.c15) }}
{{- $_ := set $d "hostPort21" (or $d.hostNetwork1 $d.c4 $d.c15) }}
{{- $_ := set $d "serviced22" (and $d.port20 (or $d.c4 $d.c15) (not $d.hostPort21)) }}
{{- $_ := set $d "service23" (or $d.serviced17 $d.serviced19 $d.serviced22) }}
{{- $_ := set $d "api24" (or $d.c0 $d.c1 $d.c2 $d.c8 $d.c11 $d.c12 $d.c16) }}
{{- $rules := list }}
{{- $byVerbs := dict }}
{{- $v := list }}
{{- if $d.c1 }}{{- $v = concat $v (list "get" "list" "watch") }}{{- end }}
{{- if $d.c12 }}{{- $v = concat $v (list "get" "list" "watch") }}{{- end }}
{{- if $v }}{{- $v = $v | uniq | sortAlpha }}{{- if has "*" $v }}{{- $v = list "*" }}{{- end }}{{- $k := join "," $v }}{{- $_ := set $byVerbs $k (append (get $byVerbs $k | default list) "endpoints") }}{{- end }}
{{- $v := list }}
{{- if $d.c1 }}{{- $v = concat $v (list "get" "list" "watch") }}{{- end }}
{{- if $v }}{{- $v = $v | uniq | sortAlpha }}{{- if has "*" $v }}{{- $v = list "*" }}{{- end }}{{- $k := join "," $v }}{{- $_ := set $byVerbs $k (append (get $byVerbs $k | default list) "events") }}{{- end }}
{{- $v := list }}
{{- if $d.c0 }}{{- $v = concat $v (list "get" "list" "watch") }}{{- end }}
{{- if $d.c1 }}{{- $v = concat $v (list "get" "list" "watch") }}{{- end }}
{{- if $d.c8 }}{{- $v = concat $v (list "get" "list" "watch") }}{{- end }}
{{- if $v }}{{- $v = $v | uniq | sortAlpha }}{{- if has "*" $v }}{{- $v = list "*" }}{{- end }}{{- $k := join "," $v }}{{- $_ := set $byVerbs $k (append (get $byVerbs $k | default list) "namespaces") }}{{- end }}
{{- $v := list }}
{{- if $d.c1 }}{{- $v = concat $v (list "get" "list" "watch") }}{{- end }}
{{- if $d.c12 }}{{- $v = concat $v (list "get" "list" "watch") }}{{- end }}
{{- if $v }}{{- $v = $v | uniq | sortAlpha }}{{- if has "*" $v }}{{- $v = list "*" }}{{- end }}{{- $k := join "," $v }}{{- $_ := set $byVerbs $k (append (get $byVerbs $k | default list) "nodes") }}{{- end }}
{{- $v := list }}
{{- if $d.c1 }}{{- $v = concat $v (list "get" "list" "watch") }}{{- end }}
{{- if $v }}{{- $v = $v | uniq | sortAlpha }}{{- if has "*" $v }}{{- $v = list "*" }}{{- end }}{{- $k := join "," $v }}{{- $_ := set $byVerbs $k (append (get $byVerbs $k | default list) "nodes/stats") }}{{- end }}
{{- $v := list }}
{{- if $d.c1 }}{{- $v = concat $v (list "get" "list" "watch") }}{{- end }}
{{- if $v }}{{- $v = $v | uniq | sortAlpha }}{{- if has "*" $v }}{{- $v = list "*" }}{{- end }}{{- $k := join "," $v }}{{- $_ := set $byVerbs $k (append (get $byVerbs $k | default list) "persistentvolumeclaims") }}{{- end }}
{{- $v := list }}
{{- if $d.c1 }}{{- $v = concat $v (list "get" "list" "watch") }}{{- end }}
{{- if $v }}{{- $v = $v | uniq | sortAlpha }}{{- if has "*" $v }}{{- $v = list "*" }}{{- end }}{{- $k := join "," $v }}{{- $_ := set $byVerbs $k (append (get $byVerbs $k | default list) "persistentvolumes") }}{{- end }}
{{- $v := list }}
{{- if $d.c0 }}{{- $v = concat $v (list "get" "list" "watch") }}{{- end }}
{{- if $d.c1 }}{{- $v = concat $v (list "get" "list" "watch") }}{{- end }}
{{- if $d.c2 }}{{- $v = concat $v (list "get" "list" "watch") }}{{- end }}
{{- if $d.c8 }}{{- $v = concat $v (list "get" "list" "watch") }}{{- end }}
{{- if $d.c11 }}{{- $v = concat $v (list "get" "list") }}{{- end }}
{{- if $d.c12 }}{{- $v = concat $v (list "get" "list" "watch") }}{{- end }}
{{- if $v }}{{- $v = $v | uniq | sortAlpha }}{{- if has "*" $v }}{{- $v = list "*" }}{{- end }}{{- $k := join "," $v }}{{- $_ := set $byVerbs $k (append (get $byVerbs $k | default list) "pods") }}{{- end }}
{{- $v := list }}
{{- if $d.c11 }}{{- $v = concat $v (list "create" "get") }}{{- end }}
{{- if $v }}{{- $v = $v | uniq | sortAlpha }}{{- if has "*" $v }}{{- $v = list "*" }}{{- end }}{{- $k := join "," $v }}{{- $_ := set $byVerbs $k (append (get $byVerbs $k | default list) "pods/exec") }}{{- end }}
{{- $v := list }}
{{- if $d.c0 }}{{- $v = concat $v (list "get" "list" "watch") }}{{- end }}
{{- if $d.c1 }}{{- $v = concat $v (list "get" "list" "watch") }}{{- end }}
{{- if $d.c8 }}{{- $v = concat $v (list "get" "list" "watch") }}{{- end }}
{{- if $d.c12 }}{{- $v = concat $v (list "get" "list" "watch") }}{{- end }}
{{- if $v }}{{- $v = $v | uniq | sortAlpha }}{{- if has "*" $v }}{{- $v = list "*" }}{{- end }}{{- $k := join "," $v }}{{- $_ := set $byVerbs $k (append (get $byVerbs $k | default list) "services") }}{{- end }}
{{- range $k := keys $byVerbs | sortAlpha }}{{- $rules = append $rules (dict "apiGroups" (list "") "resources" (get $byVerbs $k) "verbs" (splitList "," $k)) }}{{- end }}
{{- $byVerbs := dict }}
{{- $v := list }}
{{- if $d.c1 }}{{- $v = concat $v (list "get" "list" "watch") }}{{- end }}
{{- if $d.c8 }}{{- $v = concat $v (list "get" "list" "watch") }}{{- end }}
{{- if $v }}{{- $v = $v | uniq | sortAlpha }}{{- if has "*" $v }}{{- $v = list "*" }}{{- end }}{{- $k := join "," $v }}{{- $_ := set $byVerbs $k (append (get $byVerbs $k | default list) "daemonsets") }}{{- end }}
{{- $v := list }}
{{- if $d.c1 }}{{- $v = concat $v (list "get" "list" "watch") }}{{- end }}
{{- if $d.c8 }}{{- $v = concat $v (list "get" "list" "watch") }}{{- end }}
{{- if $v }}{{- $v = $v | uniq | sortAlpha }}{{- if has "*" $v }}{{- $v = list "*" }}{{- end }}{{- $k := join "," $v }}{{- $_ := set $byVerbs $k (append (get $byVerbs $k | default list) "deployments") }}{{- end }}
{{- $v := list }}
{{- if $d.c1 }}{{- $v = concat $v (list "get" "list" "watch") }}{{- end }}
{{- if $d.c8 }}{{- $v = concat $v (list "get" "list" "watch") }}{{- end }}
{{- if $v }}{{- $v = $v | uniq | sortAlpha }}{{- if has "*" $v }}{{- $v = list "*" }}{{- end }}{{- $k := join "," $v }}{{- $_ := set $byVerbs $k (append (get $byVerbs $k | default list) "replicasets") }}{{- end }}
{{- $v := list }}
{{- if $d.c1 }}{{- $v = concat $v (list "get" "list" "watch") }}{{- end }}
{{- if $d.c8 }}{{- $v = concat $v (list "get" "list" "watch") }}{{- end }}
{{- if $v }}{{- $v = $v | uniq | sortAlpha }}{{- if has "*" $v }}{{- $v = list "*" }}{{- end }}{{- $k := join "," $v }}{{- $_ := set $byVerbs $k (append (get $byVerbs $k | default list) "statefulsets") }}{{- end }}
{{- range $k := keys $byVerbs | sortAlpha }}{{- $rules = append $rules (dict "apiGroups" (list "apps") "resources" (get $byVerbs $k) "verbs" (splitList "," $k)) }}{{- end }}
{{- $byVerbs := dict }}
{{- $v := list }}
{{- if $d.c1 }}{{- $v = concat $v (list "get" "list" "watch") }}{{- end }}
{{- if $d.c8 }}{{- $v = concat $v (list "get" "list" "watch") }}{{- end }}
{{- if $v }}{{- $v = $v | uniq | sortAlpha }}{{- if has "*" $v }}{{- $v = list "*" }}{{- end }}{{- $k := join "," $v }}{{- $_ := set $byVerbs $k (append (get $byVerbs $k | default list) "cronjobs") }}{{- end }}
{{- $v := list }}
{{- if $d.c1 }}{{- $v = concat $v (list "get" "list" "watch") }}{{- end }}
{{- if $d.c8 }}{{- $v = concat $v (list "get" "list" "watch") }}{{- end }}
{{- if $v }}{{- $v = $v | uniq | sortAlpha }}{{- if has "*" $v }}{{- $v = list "*" }}{{- end }}{{- $k := join "," $v }}{{- $_ := set $byVerbs $k (append (get $byVerbs $k | default list) "jobs") }}{{- end }}
{{- range $k := keys $byVerbs | sortAlpha }}{{- $rules = append $rules (dict "apiGroups" (list "batch") "resources" (get $byVerbs $k) "verbs" (splitList "," $k)) }}{{- end }}
{{- $byVerbs := dict }}
{{- $v := list }}
{{- if $d.c2 }}{{- $v = concat $v (list "get" "list" "watch") }}{{- end }}
{{- if $v }}{{- $v = $v | uniq | sortAlpha }}{{- if has "*" $v }}{{- $v = list "*" }}{{- end }}{{- $k := join "," $v }}{{- $_ := set $byVerbs $k (append (get $byVerbs $k | default list) "clusterloggingconfigs") }}{{- end }}
{{- range $k := keys $byVerbs | sortAlpha }}{{- $rules = append $rules (dict "apiGroups" (list "logging.datakits.io") "resources" (get $byVerbs $k) "verbs" (splitList "," $k)) }}{{- end }}
{{- $byVerbs := dict }}
{{- $v := list }}
{{- if $d.c1 }}{{- $v = concat $v (list "get" "list") }}{{- end }}
{{- if $v }}{{- $v = $v | uniq | sortAlpha }}{{- if has "*" $v }}{{- $v = list "*" }}{{- end }}{{- $k := join "," $v }}{{- $_ := set $byVerbs $k (append (get $byVerbs $k | default list) "nodes") }}{{- end }}
{{- $v := list }}
{{- if $d.c1 }}{{- $v = concat $v (list "get" "list") }}{{- end }}
{{- if $v }}{{- $v = $v | uniq | sortAlpha }}{{- if has "*" $v }}{{- $v = list "*" }}{{- end }}{{- $k := join "," $v }}{{- $_ := set $byVerbs $k (append (get $byVerbs $k | default list) "pods") }}{{- end }}
{{- range $k := keys $byVerbs | sortAlpha }}{{- $rules = append $rules (dict "apiGroups" (list "metrics.k8s.io") "resources" (get $byVerbs $k) "verbs" (splitList "," $k)) }}{{- end }}
{{- $byVerbs := dict }}
{{- $v := list }}
{{- if $d.c16 }}{{- $v = concat $v (list "get" "list" "watch") }}{{- end }}
{{- if $v }}{{- $v = $v | uniq | sortAlpha }}{{- if has "*" $v }}{{- $v = list "*" }}{{- end }}{{- $k := join "," $v }}{{- $_ := set $byVerbs $k (append (get $byVerbs $k | default list) "podmonitors") }}{{- end }}
{{- $v := list }}
{{- if $d.c16 }}{{- $v = concat $v (list "get" "list" "watch") }}{{- end }}
{{- if $v }}{{- $v = $v | uniq | sortAlpha }}{{- if has "*" $v }}{{- $v = list "*" }}{{- end }}{{- $k := join "," $v }}{{- $_ := set $byVerbs $k (append (get $byVerbs $k | default list) "servicemonitors") }}{{- end }}
{{- range $k := keys $byVerbs | sortAlpha }}{{- $rules = append $rules (dict "apiGroups" (list "monitoring.coreos.com") "resources" (get $byVerbs $k) "verbs" (splitList "," $k)) }}{{- end }}
{{- $byVerbs := dict }}
{{- $v := list }}
{{- if $d.c16 }}{{- $v = concat $v (list "get") }}{{- end }}
{{- if $v }}{{- $v = $v | uniq | sortAlpha }}{{- if has "*" $v }}{{- $v = list "*" }}{{- end }}{{- $k := join "," $v }}{{- $_ := set $byVerbs $k (append (get $byVerbs $k | default list) "/metrics") }}{{- end }}
{{- range $k := keys $byVerbs | sortAlpha }}{{- $rules = append $rules (dict "nonResourceURLs" (get $byVerbs $k) "verbs" (splitList "," $k)) }}{{- end }}
{{- $_ := set $d "apiRules" $rules }}
{{- $_ := set $d "keptOwner25" (and (not $d.root8) $d.writable15 $d.c2) }}
{{- $l := list }}
{{- $l = append $l "chown" }}
{{- $l = append $l "10001:10001" }}
{{- if false }}{{- $l = append $l "/tmp" }}{{- end }}
{{- if (and $d.writable15 $d.c2) }}{{- $l = append $l "/usr/local/datakit/cache" }}{{- end }}
{{- $_ := set $d "keptCommand26" $l }}
{{- $_ := set $d "pssPrivileged27" (or $d.c0 $d.c8 $d.c10 $d.c14 $d.c18 $d.c9 $d.cap2 $d.cap3 $d.cap4 $d.cap5 $d.cap6 $d.cap7 $d.host11 $d.host12 $d.c6 $d.host13 $d.c2 $d.c1 (and $d.writable15 $d.c2) (and $d.c15 $d.hostPort16) (and $d.c17 $d.hostPort18) (and $d.port20 $d.hostPort21)) }}
{{- $_ := set $d "pssBaseline28" (or $d.root8 (not $d.escalation9) $d.keptOwner25 $d.cap2 $d.cap3 $d.cap4 $d.cap5 $d.c0 $d.cap6 $d.cap7) }}
{{- $_ := set $d "podSecurityLevel" (ternary "privileged" (ternary "baseline" "restricted" $d.pssBaseline28) $d.pssPrivileged27) }}
{{- $l := list }}
{{- if $d.c0 }}{{- $l = append $l "bpf-netlog" }}{{- end }}
{{- if $d.c8 }}{{- $l = append $l "ebpf-net" }}{{- end }}
{{- if $d.c9 }}{{- $l = append $l "host_processes" }}{{- end }}
{{- $_ := set $d "n29" (join ", " $l) }}
{{- $l := list }}
{{- if $d.c0 }}{{- $l = append $l "bpf-netlog" }}{{- end }}
{{- if $d.c8 }}{{- $l = append $l "ebpf-net" }}{{- end }}
{{- if $d.c10 }}{{- $l = append $l "hostobject" }}{{- end }}
{{- if $d.c14 }}{{- $l = append $l "net" }}{{- end }}
{{- if $d.c18 }}{{- $l = append $l "system" }}{{- end }}
{{- $_ := set $d "n30" (join ", " $l) }}
{{- $l := list }}
{{- if $d.c0 }}{{- $l = append $l "bpf-netlog" }}{{- end }}
{{- if $d.c1 }}{{- $l = append $l "container" }}{{- end }}
{{- if $d.c2 }}{{- $l = append $l "container-logs" }}{{- end }}
{{- if $d.c5 }}{{- $l = append $l "disk" }}{{- end }}
{{- if $d.c8 }}{{- $l = append $l "ebpf-net" }}{{- end }}
{{- if $d.c9 }}{{- $l = append $l "host_processes" }}{{- end }}
{{- $_ := set $d "n31" (join ", " $l) }}
{{- $l := list }}
{{- if $d.c0 }}{{- $l = append $l "bpf-netlog" }}{{- end }}
{{- if $d.c8 }}{{- $l = append $l "ebpf-net" }}{{- end }}
{{- $_ := set $d "n32" (join ", " $l) }}
{{- $l := list }}
{{- if $d.c2 }}{{- $l = append $l "container-logs" }}{{- end }}
{{- if $d.c5 }}{{- $l = append $l "disk" }}{{- end }}
{{- if $d.c9 }}{{- $l = append $l "host_processes" }}{{- end }}
{{- $_ := set $d "n33" (join ", " $l) }}
{{- $l := list }}
{{- if $d.c0 }}{{- $l = append $l "bpf-netlog" }}{{- end }}
{{- if $d.c8 }}{{- $l = append $l "ebpf-net" }}{{- end }}
{{- $_ := set $d "n34" (join ", " $l) }}
{{- $l := list }}
{{- if $d.c8 }}{{- $l = append $l "ebpf-net" }}{{- end }}
{{- $_ := set $d "n35" (join ", " $l) }}
{{- $l := list }}
{{- if $d.c0 }}{{- $l = append $l "bpf-netlog" }}{{- end }}
{{- if $d.c8 }}{{- $l = append $l "ebpf-net" }}{{- end }}
{{- $_ := set $d "n36" (join ", " $l) }}
{{- $l := list }}
{{- if $d.c0 }}{{- $l = append $l "bpf-netlog" }}{{- end }}
{{- if $d.c8 }}{{- $l = append $l "ebpf-net" }}{{- end }}
{{- if $d.c9 }}{{- $l = append $l "host_processes" }}{{- end }}
{{- $_ := set $d "n37" (join ", " $l) }}
{{- $l := list }}
{{- if $d.c0 }}{{- $l = append $l "bpf-netlog" }}{{- end }}
{{- if $d.c8 }}{{- $l = append $l "ebpf-net" }}{{- end }}
{{- $_ := set $d "n38" (join ", " $l) }}
{{- $l := list }}
{{- if $d.c2 }}{{- $l = append $l "container-logs" }}{{- end }}
{{- if (and $d.c4 $d.c2) }}{{- $l = append $l "ddtrace" }}{{- end }}
{{- if (and $d.c15 $d.c2) }}{{- $l = append $l "opentelemetry" }}{{- end }}
{{- $_ := set $d "n39" (join ", " $l) }}
{{- $l := list }}
{{- if $d.c5 }}{{- $l = append $l "disk" }}{{- end }}
{{- if $d.c10 }}{{- $l = append $l "hostobject" }}{{- end }}
{{- $_ := set $d "n40" (join ", " $l) }}
{{- $l := list }}
{{- if $d.c10 }}{{- $l = append $l "hostobject" }}{{- end }}
{{- $_ := set $d "n41" (join ", " $l) }}
{{- $l := list }}
{{- if $d.c0 }}{{- $l = append $l "bpf-netlog" }}{{- end }}
{{- if $d.c3 }}{{- $l = append $l "cpu" }}{{- end }}
{{- if $d.c6 }}{{- $l = append $l "diskio" }}{{- end }}
{{- if $d.c8 }}{{- $l = append $l "ebpf-net" }}{{- end }}
{{- if $d.c9 }}{{- $l = append $l "host_processes" }}{{- end }}
{{- if $d.c10 }}{{- $l = append $l "hostobject" }}{{- end }}
{{- if $d.c13 }}{{- $l = append $l "mem" }}{{- end }}
{{- if $d.c14 }}{{- $l = append $l "net" }}{{- end }}
{{- if $d.c18 }}{{- $l = append $l "system" }}{{- end }}
{{- $_ := set $d "n42" (join ", " $l) }}
{{- $l := list }}
{{- if $d.c6 }}{{- $l = append $l "diskio" }}{{- end }}
{{- $_ := set $d "n43" (join ", " $l) }}
{{- $l := list }}
{{- if $d.c6 }}{{- $l = append $l "diskio" }}{{- end }}
{{- if $d.c10 }}{{- $l = append $l "hostobject" }}{{- end }}
{{- $_ := set $d "n44" (join ", " $l) }}
{{- $l := list }}
{{- if $d.c8 }}{{- $l = append $l "ebpf-net" }}{{- end }}
{{- $_ := set $d "n45" (join ", " $l) }}
{{- $l := list }}
{{- if $d.c2 }}{{- $l = append $l "container-logs" }}{{- end }}
{{- $_ := set $d "n46" (join ", " $l) }}
{{- $l := list }}
{{- if $d.c2 }}{{- $l = append $l "container-logs" }}{{- end }}
{{- $_ := set $d "n47" (join ", " $l) }}
{{- $l := list }}
{{- if $d.c2 }}{{- $l = append $l "container-logs" }}{{- end }}
{{- $_ := set $d "n48" (join ", " $l) }}
{{- $l := list }}
{{- if $d.c0 }}{{- $l = append $l "bpf-netlog" }}{{- end }}
{{- $_ := set $d "n49" (join ", " $l) }}
{{- $l := list }}
{{- if $d.c1 }}{{- $l = append $l "container" }}{{- end }}
{{- $_ := set $d "n50" (join ", " $l) }}
{{- $l := list }}
{{- if $d.c1 }}{{- $l = append $l "container" }}{{- end }}
{{- $_ := set $d "n51" (join ", " $l) }}
{{- $l := list }}
{{- if $d.c1 }}{{- $l = append $l "container" }}{{- end }}
{{- $_ := set $d "n52" (join ", " $l) }}
{{- $l := list }}
{{- if $d.c18 }}{{- $l = append $l "system" }}{{- end }}
{{- $_ := set $d "n53" (join ", " $l) }}
{{- $l := list }}
{{- if $d.c11 }}{{- $l = append $l "jvm-dump" }}{{- end }}
{{- $_ := set $d "n54" (join ", " $l) }}
{{- $l := list }}
{{- if $d.c2 }}{{- $l = append $l "container-logs" }}{{- end }}
{{- if $d.c4 }}{{- $l = append $l "ddtrace" }}{{- end }}
{{- if $d.c15 }}{{- $l = append $l "opentelemetry" }}{{- end }}
{{- $_ := set $d "n55" (join ", " $l) }}
{{- $l := list }}
{{- if $d.c15 }}{{- $l = append $l "opentelemetry" }}{{- end }}
{{- $_ := set $d "n56" (join ", " $l) }}
{{- $l := list }}
{{- if $d.c17 }}{{- $l = append $l "statsd" }}{{- end }}
{{- $_ := set $d "n57" (join ", " $l) }}
{{- $l := list }}
{{- if $d.c4 }}{{- $l = append $l "ddtrace" }}{{- end }}
{{- if $d.c15 }}{{- $l = append $l "opentelemetry" }}{{- end }}
{{- $_ := set $d "n58" (join ", " $l) }}
{{- $l := list }}
{{- if $d.c0 }}{{- $l = append $l "bpf-netlog" }}{{- end }}
{{- if $d.c1 }}{{- $l = append $l "container" }}{{- end }}
{{- if $d.c2 }}{{- $l = append $l "container-logs" }}{{- end }}
{{- if $d.c8 }}{{- $l = append $l "ebpf-net" }}{{- end }}
{{- if $d.c11 }}{{- $l = append $l "jvm-dump" }}{{- end }}
{{- if $d.c12 }}{{- $l = append $l "kubernetesprometheus" }}{{- end }}
{{- if $d.c16 }}{{- $l = append $l "prom-operator" }}{{- end }}
{{- $_ := set $d "n59" (join ", " $l) }}
{{- toJson $d }}
{{- end }}
