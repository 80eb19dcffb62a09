package dev.privileges.processor;

import dev.privileges.metadata.CollectorMetadata;
import dev.privileges.metadata.MetadataCodec;
import dev.privileges.metadata.MetadataLocations;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/** Owns the {@code META-INF/} paths of the metadata and all Filer I/O for it. */
final class MetadataStore {

  private final Filer filer;

  MetadataStore(Filer filer) {
    this.filer = filer;
  }

  /**
   * Writes one file per collector, each exactly once per compilation.
   *
   * @param collectors metadata by collector name
   * @param origins the collector class of each name, so build tools can track the output
   */
  void write(Map<String, CollectorMetadata> collectors, Map<String, Element> origins)
      throws IOException {
    for (Map.Entry<String, CollectorMetadata> entry : collectors.entrySet()) {
      Element origin = origins.get(entry.getKey());
      FileObject file = origin == null
          ? filer.createResource(
              StandardLocation.CLASS_OUTPUT, "", MetadataLocations.resourceFor(entry.getKey()))
          : filer.createResource(
              StandardLocation.CLASS_OUTPUT, "", MetadataLocations.resourceFor(entry.getKey()), origin);
      try (OutputStream out = file.openOutputStream()) {
        out.write(MetadataCodec.write(entry.getValue()).getBytes(StandardCharsets.UTF_8));
      }
    }
  }
}
