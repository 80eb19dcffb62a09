package dev.privileges.sample;

import dev.privileges.annotations.Collector;
import dev.privileges.annotations.RequiresPort;
import dev.privileges.annotations.RequiresWritablePath;

/** Receives OTLP traces, metrics and logs from applications on the node. */
@Collector(name = "opentelemetry", feature = "Receive Data on the Node", description = "OTLP receiver (gRPC and HTTP).")
@RequiresPort(
    number = 4317,
    name = "otlp-grpc",
    reachableAtNodeIp = true,
    reason = "Applications on the node export OTLP over gRPC to the node's IP on port 4317.")
@RequiresPort(
    number = 9529,
    name = "http-api",
    reachableAtNodeIp = true,
    reason = "Applications on the node export OTLP over HTTP to the agent's HTTP API on port 9529.")
@RequiresWritablePath(
    path = "/usr/local/datakit/cache",
    keepAcrossRestarts = true,
    hostPath = "/var/lib/sample-agent/cache",
    reason = "Buffers received data on disk while the backend is unreachable.")
public class OpenTelemetryCollector {}
