package dev.privileges.sample;

import dev.privileges.annotations.Collector;
import dev.privileges.annotations.RequiresPort;
import dev.privileges.annotations.RequiresWritablePath;

/** Receives traces from Datadog tracing libraries running on the node. */
@Collector(name = "ddtrace", feature = "Receive Data on the Node", description = "Datadog trace receiver.")
@RequiresPort(
    number = 9529,
    name = "http-api",
    reachableAtNodeIp = true,
    reason = "Tracing libraries on the node send spans to the node's IP on port 9529.")
@RequiresWritablePath(
    path = "/usr/local/datakit/cache",
    keepAcrossRestarts = true,
    hostPath = "/var/lib/sample-agent/cache",
    reason = "Buffers received spans on disk while the backend is unreachable.")
public class DdtraceCollector {}
