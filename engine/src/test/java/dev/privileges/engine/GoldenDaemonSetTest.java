package dev.privileges.engine;

import dev.privileges.engine.bundle.Bundle;
import dev.privileges.engine.grant.Resolver;
import dev.privileges.engine.kubernetes.DaemonSetRenderer;
import dev.privileges.metadata.KernelVersion;
import dev.privileges.testing.Golden;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;


/** The whole rendered object set of characteristic bundles, against reviewed golden files. */
class GoldenDaemonSetTest {

  private static final Golden GOLDEN = Golden.in(Path.of("src/test/resources/golden"));

  private static GenerationOptions.Builder options() {
    return GenerationOptions.builder().name("datakit").namespace("datakit")
        .image("pubrepo.guance.com/datakit/datakit:1.0.0");
  }

  private static String render(Bundle bundle, GenerationOptions options) {
    String yaml = new DaemonSetRenderer().render(new Resolver().resolve(bundle, options));
    assertThat(KubernetesSchema.violations(yaml)).isEmpty();
    return yaml;
  }

  private static String render(List<String> enabled, GenerationOptions.Builder options) {
    return render(DataKitLikeBundles.all(), options.enabledCollectors(enabled).build());
  }

  @Test
  void nothingNeeded_matchesGolden() {
    GOLDEN.assertMatches("nothing-needed.yaml", render(List.of("dk"), options()));
  }

  @Test
  void hostMetricsOnly_matchesGolden() {
    GOLDEN.assertMatches("host-metrics.yaml", render(DataKitLikeBundles.HOST_METRICS, options()));
  }

  @Test
  void receiversOnly_withHostPorts_matchesGolden() {
    GOLDEN.assertMatches("receivers-hostport.yaml", render(DataKitLikeBundles.RECEIVERS, options()));
  }

  @Test
  void receiversOnly_withNodeLocalService_matchesGolden() {
    GOLDEN.assertMatches("receivers-service.yaml", render(DataKitLikeBundles.RECEIVERS,
        options().portExposure(PortExposure.SERVICE).namespaceObject(true)));
  }

  @Test
  void ebpfOnKernel58_matchesGolden() {
    GOLDEN.assertMatches("ebpf-kernel-5.8.yaml",
        render(List.of("ebpf-net"), options().oldestKernel(KernelVersion.parse("5.8"))));
  }

  @Test
  void ebpfOnKernel419_matchesGolden() {
    GOLDEN.assertMatches("ebpf-kernel-4.19.yaml",
        render(List.of("ebpf-net"), options().oldestKernel(KernelVersion.parse("4.19"))));
  }

  @Test
  void wholeDataKitLikeBundle_matchesGolden() {
    GOLDEN.assertMatches("sample-all.yaml", render(List.of(), options().namespaceObject(true)));
  }
}
