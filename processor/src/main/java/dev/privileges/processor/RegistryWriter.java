package dev.privileges.processor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.privileges.annotations.runtime.CollectorDescriptor;
import dev.privileges.annotations.runtime.CollectorRegistry;
import dev.privileges.annotations.runtime.RegistryData;
import dev.privileges.annotations.runtime.RequirementDescriptor;
import dev.privileges.metadata.CollectorMetadata;
import dev.privileges.metadata.MetadataCodec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.annotation.processing.Generated;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * Generates the typed registry of a module's collectors: a {@link CollectorRegistry}
 * implementation whose descriptors hold exactly what the metadata files hold, and its {@code
 * META-INF/services} entry. The source is deterministic: collectors sorted by name, requirements
 * in metadata order, attributes sorted, {@code @Generated} without a date.
 */
final class RegistryWriter {

  /** The simple name of the generated class when no option names it. */
  static final String DEFAULT_SIMPLE_NAME = "CollectorPrivilegesRegistry";

  /** The ServiceLoader registration file. */
  static final String SERVICE_FILE = "META-INF/services/" + CollectorRegistry.class.getName();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ClassName LIST = ClassName.get(List.class);

  /**
   * String literals per generated method: each costs about 8 bytes of bytecode, and a method
   * holds at most 64 KB.
   */
  static final int PIECES_PER_METHOD = 1000;

  /** Chars per string literal; see {@link #chunks}. */
  static final int MAX_PIECE_CHARS = 16_000;

  private RegistryWriter() {}

  /**
   * The default registry class: {@link #DEFAULT_SIMPLE_NAME} in the longest package that holds
   * every collector class, or empty if they share no package.
   */
  static Optional<String> defaultClassName(Collection<String> packages) {
    List<String> common = null;
    for (String pkg : packages) {
      List<String> segments = pkg.isEmpty() ? List.of() : List.of(pkg.split("\\."));
      if (common == null) {
        common = segments;
      } else {
        int n = 0;
        while (n < common.size() && n < segments.size() && common.get(n).equals(segments.get(n))) {
          n++;
        }
        common = common.subList(0, n);
      }
    }
    return common == null || common.isEmpty()
        ? Optional.empty()
        : Optional.of(String.join(".", common) + "." + DEFAULT_SIMPLE_NAME);
  }

  /**
   * The source of the registry class {@code qualifiedName} for {@code collectors}. Each
   * collector is one string literal in the text form of {@link RegistryData} (one line per
   * requirement), in methods of at most {@link #PIECES_PER_METHOD} literals each.
   */
  static JavaFile generate(
      String qualifiedName, Collection<CollectorMetadata> collectors, Collection<Element> origins) {
    ClassName self = ClassName.bestGuess(qualifiedName);
    ClassName descriptor = ClassName.get(CollectorDescriptor.class);
    TypeSpec.Builder type = TypeSpec.classBuilder(self)
        .addJavadoc("The collectors of this module and their requirements, as written in\n"
            + "{@code META-INF/dev.privileges/collectors/}. Load it with {@link $T}.\n",
            java.util.ServiceLoader.class)
        .addAnnotation(AnnotationSpec.builder(Generated.class)
            .addMember("value", "$S", CollectorProcessor.class.getName())
            .build())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(CollectorRegistry.class);
    origins.forEach(type::addOriginatingElement);

    List<MethodSpec> parts = new ArrayList<>();
    CodeBlock.Builder pieces = null;
    int inPart = 0;
    for (CollectorMetadata c : collectors) {
      List<String> chunks = chunks(RegistryData.encode(descriptorOf(c)));
      if (pieces == null || inPart + chunks.size() > PIECES_PER_METHOD) {
        if (pieces != null) {
          parts.add(part(parts.size(), pieces));
        }
        pieces = CodeBlock.builder();
        inPart = 0;
      }
      pieces.add("// $L\n", c.name());
      for (String chunk : chunks) {
        pieces.add("$S,\n", chunk);
      }
      inPart += chunks.size();
    }
    if (pieces != null) {
      parts.add(part(parts.size(), pieces));
    }
    CodeBlock calls = parts.stream()
        .map(m -> CodeBlock.of("$N()", m))
        .collect(CodeBlock.joining(", "));
    type.addField(FieldSpec.builder(
            ParameterizedTypeName.get(LIST, descriptor), "COLLECTORS",
            Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$T.decode($L)", RegistryData.class, calls)
        .build());
    type.addMethod(MethodSpec.constructorBuilder()
        .addJavadoc("Creates the registry; {@link java.util.ServiceLoader} calls this.\n")
        .addModifiers(Modifier.PUBLIC)
        .build());
    type.addMethod(MethodSpec.methodBuilder("collectors")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(LIST, descriptor))
        .addStatement("return COLLECTORS")
        .build());
    type.addMethods(parts);
    return JavaFile.builder(self.packageName(), type.build())
        .indent("  ")
        .skipJavaLangImports(true)
        .build();
  }

  private static MethodSpec part(int index, CodeBlock.Builder pieces) {
    return MethodSpec.methodBuilder("part" + index)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(String[].class)
        .addCode("return new String[] {\n$>$L$<};\n", pieces.build())
        .build();
  }

  /**
   * {@code text} cut into pieces of at most {@link #MAX_PIECE_CHARS} chars, never inside a
   * surrogate pair: a class-file string constant holds at most 65,535 bytes of modified UTF-8,
   * which is 3 bytes per char at most.
   */
  static List<String> chunks(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    while (text.length() - start > MAX_PIECE_CHARS) {
      int end = start + MAX_PIECE_CHARS;
      if (Character.isHighSurrogate(text.charAt(end - 1))) {
        end--;
      }
      out.add(text.substring(start, end));
      start = end;
    }
    out.add(text.substring(start));
    return out;
  }

  /** The descriptor of a collector: every array of its metadata file, entry by entry. */
  static CollectorDescriptor descriptorOf(CollectorMetadata c) {
    JsonNode tree;
    try {
      tree = JSON.readTree(MetadataCodec.write(c));
    } catch (IOException e) {
      throw new IllegalStateException("cannot re-read the metadata of " + c.name(), e);
    }
    List<RequirementDescriptor> requirements = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : tree.properties()) {
      if (!field.getValue().isArray()) {
        continue;
      }
      for (JsonNode entry : field.getValue()) {
        Map<String, String> attributes = new TreeMap<>();
        for (Map.Entry<String, JsonNode> a : entry.properties()) {
          if (!a.getKey().equals("reason") && !a.getKey().equals("declaredBy")) {
            attributes.put(a.getKey(), text(a.getValue()));
          }
        }
        requirements.add(new RequirementDescriptor(field.getKey(), attributes,
            entry.path("reason").asText(), entry.path("declaredBy").asText()));
      }
    }
    return new CollectorDescriptor(c.name(), c.feature(), c.description(), c.source(),
        c.noPrivilegesReason(), requirements);
  }

  /** A scalar as its text; an array as its elements joined with {@code ,}. */
  private static String text(JsonNode value) {
    if (!value.isArray()) {
      return value.asText();
    }
    List<String> parts = new ArrayList<>();
    value.forEach(v -> parts.add(v.asText()));
    return String.join(",", parts);
  }
}
