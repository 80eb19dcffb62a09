package dev.privileges.processor;

import dev.privileges.annotations.runtime.CollectorDescriptor;
import dev.privileges.annotations.runtime.RegistryData;
import dev.privileges.annotations.runtime.RequirementDescriptor;
import dev.privileges.metadata.CollectorMetadata;
import dev.privileges.metadata.MetadataWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The registry of a module in the text form of {@link RegistryData}: what the processor writes
 * to {@link RegistryData#RESOURCE}, and what the opt-in registry class carries. Each requirement
 * holds exactly the fields of its metadata entry, so the resource, the class and the JSON agree.
 */
final class RegistryText {

  private RegistryText() {}

  /** The text of {@code collectors}, in their order (the caller sorts them by name). */
  static String of(Collection<CollectorMetadata> collectors) {
    // Sized for a few hundred characters a collector, so that the text of a large module is not
    // copied again at every doubling.
    StringBuilder out = new StringBuilder(Math.max(16, collectors.size() * 512));
    for (CollectorMetadata c : collectors) {
      out.append(RegistryData.encode(descriptorOf(c)));
    }
    return out.toString();
  }

  /**
   * The descriptor of a collector: every entry of its metadata's arrays, with {@code reason} and
   * {@code declaredBy} apart and the other fields as sorted attributes (a list joined with
   * {@code ,}).
   */
  static CollectorDescriptor descriptorOf(CollectorMetadata c) {
    List<MetadataWriter.Entry> entries = MetadataWriter.requirements(c);
    List<RequirementDescriptor> requirements = new ArrayList<>(entries.size());
    for (MetadataWriter.Entry entry : entries) {
      Map<String, String> attributes = new TreeMap<>();
      String reason = "";
      String declaredBy = "";
      for (MetadataWriter.Field f : entry.fields()) {
        switch (f.key()) {
          case "reason" -> reason = text(f.value());
          case "declaredBy" -> declaredBy = text(f.value());
          default -> attributes.put(f.key(), text(f.value()));
        }
      }
      requirements.add(new RequirementDescriptor(entry.array(), attributes, reason, declaredBy));
    }
    return new CollectorDescriptor(c.name(), c.feature(), c.description(), c.source(),
        c.noPrivilegesReason(), requirements);
  }

  /** A value as text: a list's elements joined with {@code ,}, an enum by its name. */
  private static String text(Object value) {
    if (value instanceof List<?> list) {
      List<String> parts = new ArrayList<>(list.size());
      for (Object item : list) {
        parts.add(String.valueOf(item));
      }
      return String.join(",", parts);
    }
    return value instanceof Enum<?> e ? e.name() : String.valueOf(value);
  }
}
