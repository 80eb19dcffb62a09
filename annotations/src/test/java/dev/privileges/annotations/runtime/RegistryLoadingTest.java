package dev.privileges.annotations.runtime;

import static dev.privileges.annotations.runtime.RegistryFolders.loader;
import static dev.privileges.annotations.runtime.RegistryFolders.resourceUrl;
import static dev.privileges.annotations.runtime.RegistryFolders.withProvider;
import static dev.privileges.annotations.runtime.RegistryFolders.withRegistry;
import static dev.privileges.annotations.runtime.SampleDescriptors.hostProcesses;
import static dev.privileges.annotations.runtime.SampleDescriptors.self;
import static dev.privileges.annotations.runtime.SampleDescriptors.statsd;
import static dev.privileges.annotations.runtime.SampleDescriptors.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading the registry from every source a class loader sees, and the errors that name the source. */
class RegistryLoadingTest {

  @TempDir Path dir;

  /** A generated registry class, as the processor writes it when asked to. */
  public static final class GeneratedStatsdRegistry implements CollectorRegistry {
    @Override
    public List<CollectorDescriptor> collectors() {
      return List.of(statsd());
    }
  }

  /** A generated registry of another build whose statsd differs from the resource's. */
  public static final class OtherStatsdRegistry implements CollectorRegistry {
    @Override
    public List<CollectorDescriptor> collectors() {
      return List.of(CollectorDescriptor.of("statsd", "Other", "", "dev.other.Statsd", "Needs nothing."));
    }
  }

  private static Registry load(Path... folders) throws IOException {
    try (URLClassLoader loader = loader(folders)) {
      return Registry.load(loader);
    }
  }

  @Test
  void load_readsResourcesOfEveryModule_sortedByName() throws IOException {
    Registry registry = load(
        withRegistry(dir, "a", text(statsd(), self())),
        withRegistry(dir, "b", text(hostProcesses())));

    assertThat(registry.names()).containsExactly("host_processes", "self", "statsd");
    assertThat(registry.collector("self").orElseThrow().noPrivilegesReason())
        .contains("Reads the agent's own statistics.");
    assertThat(registry.collector("nosuch")).isEmpty();
  }

  @Test
  void load_readsServiceLoaderProviders_andResources() throws IOException {
    Registry registry = load(
        withRegistry(dir, "a", text(self())),
        withProvider(dir, "b", GeneratedStatsdRegistry.class));

    assertThat(registry.names()).containsExactly("self", "statsd");
    assertThat(registry.collector("statsd").orElseThrow().requirements(PortRequirement.class))
        .extracting(PortRequirement::number).containsExactly(8125);
  }

  @Test
  void load_sameCollectorInTwoPlacesWithSameContent_countsOnce() throws IOException {
    Registry registry = load(
        withRegistry(dir, "a", text(statsd())),
        withRegistry(dir, "b", text(statsd())),
        withProvider(dir, "c", GeneratedStatsdRegistry.class));

    assertThat(registry.collectors()).hasSize(1);
  }

  @Test
  void load_sameNameWithDifferentContent_failsNamingBothPlaces() {
    Path a = withRegistry(dir, "a", text(statsd()));
    Path b = withProvider(dir, "b", OtherStatsdRegistry.class);

    assertThatThrownBy(() -> load(a, b))
        .isInstanceOf(RegistryException.class)
        .hasMessage("collector 'statsd' is registered twice with different content: in " + resourceUrl(a)
            + " and in class " + OtherStatsdRegistry.class.getName() + " ("
            + OtherStatsdRegistry.class.getProtectionDomain().getCodeSource().getLocation()
            + "). Keep one of the two modules on the class path, or rename one of the collectors.");
  }

  @Test
  void load_malformedText_failsNamingTheResource() {
    Path broken = withRegistry(dir, "broken", "privileges\tno collector line before me\tdev.X\n");

    assertThatThrownBy(() -> load(withRegistry(dir, "good", text(self())), broken))
        .isInstanceOf(RegistryException.class)
        .hasMessage("malformed collector registry " + resourceUrl(broken)
            + ": requirement line out of place: [privileges, no collector line before me, dev.X]."
            + " Rebuild that module with the privileges processor of the same version as this agent.");
  }

  @Test
  void load_unknownEnumValue_failsNamingResourceCollectorAndValue() {
    Path typo = withRegistry(dir, "typo", text(CollectorDescriptor.of("pid", "F", "", "dev.X", "",
        RequirementDescriptor.of("privileges", "Reads.", "dev.X", "privilege", "HOST_PIDD"))));

    assertThatThrownBy(() -> load(typo))
        .isInstanceOf(RegistryException.class)
        .hasMessageStartingWith("malformed collector registry " + resourceUrl(typo)
            + ": collector 'pid': privileges requirement with invalid privilege 'HOST_PIDD'.");
  }

  @Test
  void load_unknownCapability_failsNamingIt() {
    Path typo = withRegistry(dir, "typo", text(CollectorDescriptor.of("pid", "F", "", "dev.X", "",
        RequirementDescriptor.of("capabilities", "Reads.", "dev.X", "capability", "SYS_PTRAC"))));

    assertThatThrownBy(() -> load(typo))
        .hasMessageContaining("collector 'pid': capabilities requirement with invalid capability 'SYS_PTRAC'");
  }

  @Test
  void load_unknownKind_failsNamingIt() {
    Path future = withRegistry(dir, "future", text(CollectorDescriptor.of("pid", "F", "", "dev.X", "",
        RequirementDescriptor.of("gpus", "Counts.", "dev.X", "count", "1"))));

    assertThatThrownBy(() -> load(future))
        .hasMessageContaining(resourceUrl(future) + ": collector 'pid': unknown requirement kind 'gpus'");
  }

  @Test
  void load_notUtf8_failsNamingTheResource() throws IOException {
    Path folder = withRegistry(dir, "latin1", "");
    java.nio.file.Files.write(folder.resolve(RegistryData.RESOURCE), new byte[] {'c', (byte) 0xe9, '\n'});

    assertThatThrownBy(() -> load(folder))
        .hasMessageStartingWith("malformed collector registry " + resourceUrl(folder) + ": not UTF-8.");
  }

  @Test
  void load_nothingOnTheClassPath_isEmpty() throws IOException {
    assertThat(load().collectors()).isEmpty();
  }
}
