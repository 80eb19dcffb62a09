package it.demo;

import dev.privileges.annotations.Collector;
import dev.privileges.annotations.Privilege;
import dev.privileges.annotations.RequiresHostPath;
import dev.privileges.annotations.RequiresPrivilege;

/** Shared-memory statistics: names with 'i' and 'I' catch Turkish-locale case mapping. */
@Collector(name = "ipc_info", feature = "IPC İstatistikleri: \"quoted\" # | ı")
@RequiresPrivilege(value = Privilege.HOST_IPC, reason = "Reads System V IPC objects; İ ı é 日本.")
@RequiresHostPath(path = "/sys/kernel/debug", reason = "Reads kernel tracing info.")
public class IpcCollector {}
