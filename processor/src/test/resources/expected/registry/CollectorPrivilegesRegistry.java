package test;

import dev.privileges.annotations.runtime.CollectorDescriptor;
import dev.privileges.annotations.runtime.CollectorRegistry;
import dev.privileges.annotations.runtime.RegistryData;
import java.util.List;
import java.util.ServiceLoader;
import javax.annotation.processing.Generated;

/**
 * The collectors of this module and their requirements, as written in
 * {@code META-INF/dev.privileges/collectors/}. Load it with {@link ServiceLoader}.
 */
@Generated("dev.privileges.processor.CollectorProcessor")
public final class CollectorPrivilegesRegistry implements CollectorRegistry {
  private static final List<CollectorDescriptor> COLLECTORS = RegistryData.decode(part0());

  /**
   * Creates the registry; {@link java.util.ServiceLoader} calls this.
   */
  public CollectorPrivilegesRegistry() {
  }

  @Override
  public List<CollectorDescriptor> collectors() {
    return COLLECTORS;
  }

  private static String[] part0() {
    return new String[] {
      // host_processes
      "collector\thost_processes\tHost Process Metrics\tPer-process metrics.\ttest.HostProcesses\t\n"
          + "capabilities\tReads other processes' /proc entries.\ttest.BaseCollector\tcapability=SYS_PTRACE\n"
          + "hostPaths\tReads per-process counters.\ttest.HostProcesses\tenv=HOST_PROC\tmountPath=/rootfs/proc\tpath=/proc\tpropagation=NONE\treadOnly=true\ttype=DIRECTORY\n"
          + "hostPaths\tRotates logs.\ttest.HostProcesses\tmountPath=/var/log\tpath=/var/log\tpropagation=NONE\treadOnly=false\ttype=UNCHECKED\n"
          + "kubernetesApi\tAdds pod labels to processes.\ttest.HostProcesses\tapiGroups=\tresources=nodes,pods\tverbs=get,list,watch\n"
          + "privileges\tReads \"quoted\" C:\\\\path\\\\ # not a comment | pipe\\n<b>html</b> & ünïcödé 中文 \\\\u00e9 */ end\ttest.HostProcesses\tprivilege=HOST_PID\n",
      // self
      "collector\tself\tAgent Self Metrics\t\ttest.Self\tReads the agent's own statistics.\n",
      // statsd
      "collector\tstatsd\tReceive Data on the Node\t\ttest.Statsd\t\n"
          + "ports\tReceives StatsD metrics from applications on the node.\ttest.Statsd\tname=statsd\tnumber=8125\tprotocol=UDP\treachableAtNodeIp=true\n"
          + "writablePaths\tBuffers metrics.\ttest.Statsd\tkeepAcrossRestarts=false\tpath=/tmp/statsd\n",
    };
  }
}
