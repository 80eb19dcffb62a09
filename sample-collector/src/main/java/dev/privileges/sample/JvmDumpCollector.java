package dev.privileges.sample;

import dev.privileges.annotations.Collector;
import dev.privileges.annotations.RequiresKubernetesApi;
import dev.privileges.annotations.RequiresWritablePath;

/** Remote job: takes a heap or thread dump of a Java process in another pod on request. */
@Collector(name = "jvm-dump", feature = "Remote Jobs", description = "On-demand JVM dumps of application pods.")
@RequiresKubernetesApi(
    apiGroups = "",
    resources = "pods",
    verbs = {"get", "list"},
    reason = "Finds the pod that runs the Java process to dump.")
@RequiresKubernetesApi(
    apiGroups = "",
    resources = "pods/exec",
    verbs = {"create", "get"},
    reason = "Runs the JDK's dump tool inside the target pod and copies the dump out.")
@RequiresWritablePath(
    path = "/tmp",
    reason = "Keeps the dump file until it is uploaded.")
public class JvmDumpCollector {}
