package dev.privileges.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.privileges.processor.Compilers.compiler;
import static dev.privileges.processor.Compilers.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** One test per declaration rule: the code, the message and where javac puts it. */
class DeclarationRulesTest {

  private static final String COLLECTOR = "@Collector(name = \"cpu\", feature = \"Host Basic Metrics\")";

  /** A collector class {@code test.Cpu} with {@code annotations} above it. */
  private static JavaFileObject cpu(String... annotations) {
    String[] lines = new String[annotations.length + 2];
    lines[0] = COLLECTOR;
    System.arraycopy(annotations, 0, lines, 1, annotations.length);
    lines[lines.length - 1] = "public class Cpu {}";
    return source("Cpu", lines);
  }

  private static void assertError(JavaFileObject file, String code, String messagePart, String line) {
    Compilation c = compiler().compile(file);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[" + code + "]").inFile(file).onLineContaining(line);
    assertThat(c).hadErrorContaining(messagePart).inFile(file).onLineContaining(line);
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void validCollector_compilesWithoutWarnings() {
    Compilation c = compiler().compile(cpu(
        "@RequiresHostPath(path = \"/proc\", mountPath = \"/rootfs/proc\", env = \"HOST_PROC\", reason = \"Reads /proc/stat.\")",
        "@RequiresCapability(value = {\"CAP_SYS_PTRACE\", \"dac_read_search\"}, reason = \"Reads other processes.\")"));
    assertThat(c).succeededWithoutWarnings();
  }

  @Test
  void blankReason_isReportedOnTheReason() {
    assertError(cpu("@RequiresPort(number = 8125, name = \"statsd\",", "    reason = \"  \")"),
        "BlankReason", "the reason of @RequiresPort is blank", "reason = \"  \"");
  }

  @Test
  void missingReason_isRejectedByJavac() {
    JavaFileObject file = cpu("@RequiresPrivilege(Privilege.HOST_PID)");
    Compilation c = compiler().compile(file);
    assertThat(c).hadErrorContaining("reason").inFile(file).onLineContaining("@RequiresPrivilege");
  }

  @Test
  void requirementOutsideCollector_isReportedOnTheRequirement() {
    JavaFileObject file = source("Helper",
        "@RequiresPrivilege(value = Privilege.HOST_PID, reason = \"Sees host processes.\")",
        "public class Helper {}");
    assertError(file, "RequirementOutsideCollector",
        "@RequiresPrivilege on test.Helper, which is neither a @Collector nor a supertype of one",
        "@RequiresPrivilege");
  }

  @Test
  void requirementOnSupertype_appliesToTheCollector() {
    JavaFileObject base = source("Base",
        "@RequiresPrivilege(value = Privilege.HOST_PID, reason = \"Sees host processes.\")",
        "public abstract class Base {}");
    JavaFileObject collector = source("Cpu", COLLECTOR, "public class Cpu extends Base {}");
    assertThat(compiler().compile(base, collector)).succeededWithoutWarnings();
  }

  @Test
  void invalidCollectorName_isReportedOnTheName() {
    assertError(source("Cpu",
            "@Collector(name = \"Host CPU\", feature = \"Host Basic Metrics\")",
            "@RequiresNoPrivileges(reason = \"Reads cgroup files of its own container.\")",
            "public class Cpu {}"),
        "InvalidCollectorName", "collector name 'Host CPU' is invalid", "name = \"Host CPU\"");
  }

  @Test
  void duplicateCollectorName_isReportedOnTheSecond() {
    JavaFileObject first = source("Cpu", COLLECTOR,
        "@RequiresNoPrivileges(reason = \"Reads cgroup files.\")", "public class Cpu {}");
    JavaFileObject second = source("Cpu2", COLLECTOR,
        "@RequiresNoPrivileges(reason = \"Reads cgroup files.\")", "public class Cpu2 {}");
    Compilation c = compiler().compile(first, second);
    assertThat(c).hadErrorContaining("[DuplicateCollectorName] collector name 'cpu' is already used by test.Cpu")
        .inFile(second).onLineContaining("@Collector");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void abstractCollector_isRejected() {
    assertError(source("Cpu", COLLECTOR, "@RequiresNoPrivileges(reason = \"Nothing.\")",
            "public abstract class Cpu {}"),
        "CollectorNotConcrete", "@Collector on test.Cpu, which is abstract", "@Collector");
  }

  @Test
  void interfaceCollector_isRejected() {
    assertError(source("Cpu", COLLECTOR, "@RequiresNoPrivileges(reason = \"Nothing.\")",
            "public interface Cpu {}"),
        "CollectorNotConcrete", "which is a interface", "@Collector");
  }

  @Test
  void nonPublicCollector_isRejected() {
    assertError(source("Cpu", COLLECTOR, "@RequiresNoPrivileges(reason = \"Nothing.\")",
            "class Cpu {}"),
        "CollectorNotConcrete", "which is not public", "@Collector");
  }

  @Test
  void relativeHostPath_isRejected() {
    assertError(cpu("@RequiresHostPath(path = \"proc\", reason = \"Reads /proc.\")"),
        "PathNotAbsolute", "host path 'proc' is not absolute", "path = \"proc\"");
  }

  @Test
  void nonNormalizedHostPath_isRejected() {
    assertError(cpu("@RequiresHostPath(path = \"/var//log/./pods\", reason = \"Reads logs.\")"),
        "PathNotNormalized", "such as '/var/log/pods'", "@RequiresHostPath");
  }

  @Test
  void hostPathWithDotDot_isRejected() {
    assertError(cpu("@RequiresHostPath(path = \"/var/log/../lib\", reason = \"Reads logs.\")"),
        "PathHasDotDot", "host path '/var/log/../lib' contains '..'", "@RequiresHostPath");
  }

  @Test
  void hostPathWithTrailingSlash_isRejected() {
    assertError(cpu("@RequiresHostPath(path = \"/var/log/\", reason = \"Reads logs.\")"),
        "PathTrailingSlash", "write it as '/var/log'", "@RequiresHostPath");
  }

  @Test
  void mountPathAtRoot_isRejected() {
    assertError(cpu("@RequiresHostPath(path = \"/\", mountPath = \"/\", reason = \"Reads the node.\")"),
        "MountPathIsRoot", "mount path '/' would hide the container's own filesystem", "@RequiresHostPath");
  }

  @Test
  void createTypeOnReadOnlyHostPath_isReportedOnTheHostPath() {
    assertError(cpu("@RequiresHostPath(path = \"/var/lib/agent\", type = HostPathType.DIRECTORY_OR_CREATE,",
            "    reason = \"Keeps state.\")"),
        "HostPathTypeConflict", "has type DIRECTORY_OR_CREATE, which creates it on the node, but is read-only",
        "@RequiresHostPath");
  }

  @Test
  void bidirectionalWithoutPrivileged_isReportedOnTheHostPath() {
    assertError(cpu("@RequiresHostPath(path = \"/mnt\", propagation = MountPropagation.BIDIRECTIONAL,",
            "    reason = \"Sees new mounts.\")"),
        "BidirectionalNeedsPrivileged", "host path '/mnt' uses BIDIRECTIONAL propagation", "@RequiresHostPath");
  }

  @Test
  void portOutOfRange_isRejected() {
    assertError(cpu("@RequiresPort(number = 70000, name = \"statsd\", reason = \"Receives StatsD.\")"),
        "PortOutOfRange", "port 70000 is outside 1-65535", "number = 70000");
  }

  @Test
  void invalidPortName_isRejected() {
    assertError(cpu("@RequiresPort(number = 8125, name = \"StatsD_UDP\", reason = \"Receives StatsD.\")"),
        "InvalidPortName", "port name 'StatsD_UDP' is invalid", "@RequiresPort");
  }

  @Test
  void unknownCapability_isRejected() {
    assertError(cpu("@RequiresCapability(value = \"CAP_TIME_TRAVEL\", reason = \"Goes back.\")"),
        "UnknownCapability", "'CAP_TIME_TRAVEL' is not a Linux capability", "@RequiresCapability");
  }

  @Test
  void unknownVerb_isRejected() {
    assertError(cpu("@RequiresKubernetesApi(apiGroups = \"\", resources = \"pods\", verbs = \"read\",",
            "    reason = \"Reads pod labels.\")"),
        "UnknownVerb", "'read' is not a Kubernetes API verb", "@RequiresKubernetesApi");
  }

  @Test
  void apiRuleWithoutResources_isRejected() {
    assertError(cpu("@RequiresKubernetesApi(verbs = \"get\", reason = \"Reads pod labels.\")"),
        "ApiRuleWithoutTarget", "names neither resources nor nonResourceUrls", "@RequiresKubernetesApi");
  }

  @Test
  void invalidEnvName_isRejected() {
    assertError(cpu("@RequiresHostPath(path = \"/proc\", env = \"HOST-PROC\", reason = \"Reads /proc.\")"),
        "InvalidEnvName", "environment variable name 'HOST-PROC' is invalid", "@RequiresHostPath");
  }

  @Test
  void emptyPrivilegeList_isRejected() {
    assertError(cpu("@RequiresPrivilege(value = {}, reason = \"Sees host processes.\")"),
        "EmptyDeclaration", "no privilege is named", "@RequiresPrivilege");
  }

  @Test
  void sameHostPathReadOnlyAndReadWrite_isReportedOnOneOfTheDeclarations() {
    JavaFileObject file = cpu(
        "@RequiresHostPath(path = \"/var/log\", reason = \"Reads logs.\")",
        "@RequiresHostPath(path = \"/var/log\", readOnly = false, reason = \"Rotates logs.\")");
    Compilation c = compiler().compile(file);
    assertThat(c).hadErrorContaining("[ContradictoryHostPath] host path '/var/log' is declared twice")
        .inFile(file).onLineContaining("Reads logs.");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void samePortWithDifferentNames_isReportedOnARequirement() {
    JavaFileObject file = cpu(
        "@RequiresPort(number = 8125, name = \"statsd\", reason = \"Receives StatsD.\")",
        "@RequiresPort(number = 8125, name = \"metrics\", reason = \"Receives metrics.\")");
    Compilation c = compiler().compile(file);
    assertThat(c).hadErrorContaining("[ContradictoryPort] port 8125/TCP is declared twice")
        .inFile(file).onLineContaining("Receives metrics");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void samePortNameForTwoPorts_isRejected() {
    JavaFileObject file = cpu(
        "@RequiresPort(number = 8125, name = \"statsd\", reason = \"Receives StatsD.\")",
        "@RequiresPort(number = 8126, name = \"statsd\", reason = \"Receives more StatsD.\")");
    Compilation c = compiler().compile(file);
    assertThat(c).hadErrorContaining("[DuplicatePortName] port name 'statsd' is used for both 8125/TCP and 8126/TCP")
        .inFile(file).onLineContaining("more StatsD");
  }

  @Test
  void collectorWithoutDeclarations_failsTheCoverageGate() {
    assertError(source("Cpu", COLLECTOR, "public class Cpu {}"),
        "NoDeclaration", "collector 'cpu' declares no requirement", "@Collector");
  }

  @Test
  void noPrivilegesWithRequirements_isReportedOnRequiresNoPrivileges() {
    assertError(cpu("@RequiresNoPrivileges(reason = \"Needs nothing.\")",
            "@RequiresPrivilege(value = Privilege.HOST_PID, reason = \"Sees host processes.\")"),
        "NoPrivilegesContradicted", "says it needs no privileges but declares requirements",
        "@RequiresNoPrivileges");
  }

  @Test
  void keptWritablePathWithoutHostPath_isRejected() {
    assertError(cpu("@RequiresWritablePath(path = \"/var/cache/agent\", keepAcrossRestarts = true,",
            "    reason = \"Keeps the position in each log file.\")"),
        "KeptPathWithoutHostPath", "is kept across restarts but names no hostPath", "@RequiresWritablePath");
  }
}
