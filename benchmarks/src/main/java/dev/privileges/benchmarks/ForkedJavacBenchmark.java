package dev.privileges.benchmarks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.auto.common.MoreElements;
import com.google.auto.service.AutoService;
import com.google.auto.service.processor.AutoServiceProcessor;
import com.google.common.collect.ImmutableSet;
import com.palantir.javapoet.ClassName;
import dev.privileges.annotations.Collector;
import dev.privileges.annotations.runtime.RegistryData;
import dev.privileges.metadata.CollectorMetadata;
import dev.privileges.processor.CollectorProcessor;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a build pays: the JDK's {@code javac} launcher, one fresh process per run, on many small
 * classes that carry both our annotations and {@code @AutoService} (the generated collectors
 * without extra methods). Each run is measured by {@code /usr/bin/time}: user plus system CPU
 * time of the whole process (compiler, JIT and GC threads) and its peak resident memory. Every
 * processor gets its own processor path, as {@code annotationProcessorPaths} gives it, so its
 * class loading counts. Variants alternate, each round starting one variant later; the report
 * gives medians and minima, and per-round ratios to plain javac.
 */
final class ForkedJavacBenchmark {

  /** One way of running javac. */
  enum Variant {
    PLAIN("(a) `-proc:none`"),
    OURS("(b) privileges-processor"),
    OURS_REGISTRY_CLASS("(b'') privileges-processor, `-Aprivileges.registryClass`"),
    OURS_BEFORE("(b0) privileges-processor before this change"),
    AUTO_SERVICE("(c) AutoService 1.1.1");

    final String label;

    Variant(String label) {
      this.label = label;
    }
  }

  record VariantResult(Variant variant, Stats.Summary cpu, Stats.Summary rssMb, double cpuRatio) {}

  record Result(int classes, int warmups, int repetitions, List<VariantResult> variants) {

    VariantResult of(Variant v) {
      return variants.stream().filter(r -> r.variant() == v).findFirst().orElse(null);
    }
  }

  private final int classes;
  private final int warmups;
  private final int repetitions;
  private final long seed;
  /** The processor path of the processor before this change, or null to leave (b0) out. */
  private final String beforePath;

  /** Whether to run (b''), the opt-in registry class. */
  private final boolean withRegistryClass;

  ForkedJavacBenchmark(int classes, int warmups, int repetitions, long seed, String beforePath,
      boolean withRegistryClass) {
    this.withRegistryClass = withRegistryClass;
    this.classes = classes;
    this.warmups = warmups;
    this.repetitions = repetitions;
    this.seed = seed;
    this.beforePath = beforePath;
  }

  Result run(Path work) throws IOException, InterruptedException {
    List<BundleGenerator.Generated> generated = new BundleGenerator(seed).generate(classes);
    List<Path> sources = SourceEmitter.write(generated, work.resolve("src"), 0);
    Path sourceList = work.resolve("sources.txt");
    List<String> quoted = new ArrayList<>();
    for (Path p : sources) {
      quoted.add(p.toString());
    }
    Files.write(sourceList, quoted, StandardCharsets.UTF_8);
    List<Variant> variants = new ArrayList<>(List.of(Variant.values()));
    if (beforePath == null) {
      variants.remove(Variant.OURS_BEFORE);
    }
    if (!withRegistryClass) {
      variants.remove(Variant.OURS_REGISTRY_CLASS);
    }
    Log.info("forked javac: %d small classes, %d warm-up and %d measured rounds of %d variants",
        classes, warmups, repetitions, variants.size());
    Map<Variant, List<Double>> cpu = new EnumMap<>(Variant.class);
    Map<Variant, List<Double>> rss = new EnumMap<>(Variant.class);
    Map<Variant, List<Double>> ratios = new EnumMap<>(Variant.class);
    for (Variant v : variants) {
      cpu.put(v, new ArrayList<>());
      rss.put(v, new ArrayList<>());
      ratios.put(v, new ArrayList<>());
    }
    for (int round = 0; round < warmups + repetitions; round++) {
      Map<Variant, double[]> times = new EnumMap<>(Variant.class);
      // Each round starts one variant later: in a fixed order each variant always followed the
      // same one, so whatever the order does (the page cache, the machine's state) fell on the
      // same variant in every round.
      List<Variant> order = new ArrayList<>(variants);
      java.util.Collections.rotate(order, -round);
      for (Variant v : order) {
        Path out = work.resolve("out-" + v.name().toLowerCase(Locale.ROOT));
        Stats.deleteRecursively(out);
        Files.createDirectories(out);
        times.put(v, compile(v, sourceList, out, work));
        if (round == 0) {
          verify(v, out);
        }
      }
      boolean measured = round >= warmups;
      double plain = times.get(Variant.PLAIN)[0];
      StringBuilder line = new StringBuilder();
      for (Variant v : variants) {
        double[] t = times.get(v);
        line.append(String.format(Locale.ROOT, "  %s %5.0f ms %4.0f MB (%.3f)",
            v.label.substring(1, v.label.indexOf(')')), t[0], t[1], t[0] / plain));
        if (measured) {
          cpu.get(v).add(t[0]);
          rss.get(v).add(t[1]);
          ratios.get(v).add(t[0] / plain);
        }
      }
      Log.info("  %s %2d CPU:%s", measured ? "run   " : "warmup", measured ? round - warmups + 1 : round + 1, line);
    }
    List<VariantResult> results = new ArrayList<>();
    for (Variant v : variants) {
      results.add(new VariantResult(v, Stats.summary(cpu.get(v)), Stats.summary(rss.get(v)),
          Stats.median(ratios.get(v))));
    }
    return new Result(classes, warmups, repetitions, results);
  }

  /** Runs javac once; returns {CPU ms, peak RSS MB}. */
  private double[] compile(Variant v, Path sourceList, Path out, Path work)
      throws IOException, InterruptedException {
    Path javac = Path.of(System.getProperty("java.home"), "bin", "javac");
    Path timing = work.resolve("time.txt");
    List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-f", "%U %S %M", "-o",
        timing.toString(), javac.toString(), "--release", "17", "-encoding", "UTF-8",
        "-classpath", location(Collector.class) + File.pathSeparator + location(AutoService.class),
        "-d", out.toString(), "-implicit:none", "-Xlint:none"));
    switch (v) {
      case PLAIN -> command.add("-proc:none");
      case OURS, OURS_REGISTRY_CLASS -> {
        command.addAll(List.of("-processorpath", oursPath(), "-processor", CollectorProcessor.class.getName()));
        if (v == Variant.OURS_REGISTRY_CLASS) {
          command.add("-Aprivileges.registryClass=" + BundleGenerator.PACKAGE + ".CollectorPrivilegesRegistry");
        }
      }
      case OURS_BEFORE -> command.addAll(List.of("-processorpath", beforePath, "-processor",
          CollectorProcessor.class.getName()));
      case AUTO_SERVICE -> command.addAll(List.of("-processorpath", autoServicePath(), "-processor",
          AutoServiceProcessor.class.getName()));
    }
    command.add("@" + sourceList);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("javac (" + v + ") failed:\n" + output.lines().limit(20)
          .reduce("", (a, b) -> a + b + "\n"));
    }
    String[] fields = Files.readString(timing).trim().split("\\s+");
    double cpuMs = (Double.parseDouble(fields[fields.length - 3]) + Double.parseDouble(fields[fields.length - 2])) * 1000;
    double rssMb = Double.parseDouble(fields[fields.length - 1]) / 1024;
    return new double[] {cpuMs, rssMb};
  }

  private void verify(Variant v, Path out) {
    boolean registry = Files.isRegularFile(out.resolve(RegistryData.RESOURCE));
    boolean services = Files.isRegularFile(out.resolve("META-INF/services/" + BundleGenerator.SERVICE_INTERFACE));
    boolean ok = switch (v) {
      case PLAIN -> !registry && !services;
      case OURS, OURS_REGISTRY_CLASS -> registry;
      case OURS_BEFORE -> Files.isDirectory(out.resolve("META-INF/dev.privileges/collectors"));
      case AUTO_SERVICE -> services;
    };
    if (!ok) {
      throw new IllegalStateException(v + " did not produce what it should in " + out);
    }
  }

  /** Our processor's path, as annotationProcessorPaths gives it: the processor and its dependencies. */
  private static String oursPath() {
    return path(CollectorProcessor.class, Collector.class, CollectorMetadata.class, ObjectMapper.class,
        JsonFactory.class, JsonInclude.class, ClassName.class);
  }

  private static String autoServicePath() {
    return path(AutoServiceProcessor.class, AutoService.class, MoreElements.class, ImmutableSet.class);
  }

  private static String path(Class<?>... types) {
    Set<String> jars = new LinkedHashSet<>();
    for (Class<?> t : types) {
      jars.add(location(t));
    }
    return String.join(File.pathSeparator, jars);
  }

  static String location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
