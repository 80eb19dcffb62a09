package dev.privileges.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guards three choices that keep the first {@code generate} of a fresh JVM (what every Maven build
 * pays) from bootstrapping costly {@code invokedynamic} machinery, without timing anything: the
 * CLI runs the sample's full set in a child JVM that traces every call site it links, and no call
 * site of our code may link
 *
 * <ul>
 *   <li>{@code ObjectMethods.bootstrap}: a record's generated {@code equals}, {@code hashCode} or
 *       {@code toString}, whose first use costs over 50 ms in a fresh JVM and about 10 ms per
 *       further record type (docs/benchmarks.md); hash requirements by their fields instead;
 *   <li>{@code StringConcatFactory}: string concatenation compiled without {@code
 *       -XDstringConcat=inline} (the parent pom sets it for every module);
 *   <li>{@code LambdaMetafactory}, from the engine or the metadata module: each lambda or method
 *       reference spins a class with ASM the first time it runs, about 0.4 ms each, and a few
 *       hundred of them made ASM hot enough for the JIT to compile it on the second core (see
 *       docs/benchmarks.md); the engine uses loops and small named or anonymous classes instead.
 *       The front ends (the CLI and its picocli) may use them.
 * </ul>
 */
class ColdPathLinkageTest {

  @TempDir Path dir;

  @Test
  void firstGenerateInAFreshJvm_linksNoRecordMethodsNoIndyConcatenationAndNoEngineLambdas() throws Exception {
    Map<String, String> config = SamplePom.executions().get("full-set");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Djava.lang.invoke.MethodHandle.TRACE_METHOD_LINKAGE=true",
        "-cp", System.getProperty("java.class.path"), PrivilegesCli.class.getName(),
        "generate", "--output-directory", dir.resolve("out").toString()));
    command.addAll(SamplePom.options(config, Set.of("outputDirectory", "lockFile")));
    command.addAll(List.of("--chart-version", SamplePom.version(), SamplePom.jar().toString()));
    Path log = dir.resolve("linkage.log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the child JVM finished").isTrue();
    List<String> lines = Files.readAllLines(log);
    assertThat(process.exitValue()).as(String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size())))
        .isZero();
    assertThat(lines).as("the trace is on").anyMatch(l -> l.startsWith("linkCallSite dev.privileges."));

    List<String> ours = lines.stream().filter(l -> l.startsWith("linkCallSite dev.privileges.")).toList();
    assertThat(ours).as("call sites of ours that bootstrap a record's generated methods")
        .noneMatch(l -> l.contains("java.lang.runtime.ObjectMethods.bootstrap"));
    assertThat(ours).as("call sites of ours that concatenate strings through invokedynamic")
        .noneMatch(l -> l.contains("java.lang.invoke.StringConcatFactory"));
    assertThat(ours).as("call sites of the engine and the metadata module that link a lambda or method reference")
        .filteredOn(l -> l.startsWith("linkCallSite dev.privileges.engine.")
            || l.startsWith("linkCallSite dev.privileges.metadata."))
        .noneMatch(l -> l.contains("java.lang.invoke.LambdaMetafactory"));
    assertThat(ours).as("the trace shows lambdas (of the front end) at all")
        .anyMatch(l -> l.contains("java.lang.invoke.LambdaMetafactory"));
    assertThat(dir.resolve("out").resolve("daemonset.yaml")).exists();
  }
}
