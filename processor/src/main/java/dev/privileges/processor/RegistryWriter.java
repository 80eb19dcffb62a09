package dev.privileges.processor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.privileges.annotations.runtime.CollectorDescriptor;
import dev.privileges.annotations.runtime.CollectorRegistry;
import dev.privileges.annotations.runtime.RequirementDescriptor;
import dev.privileges.metadata.CollectorMetadata;
import dev.privileges.metadata.MetadataCodec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

  /** The source of the registry class {@code qualifiedName} for {@code collectors}. */
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

    // An array, not List.of(collector0(), ...): a call with thousands of arguments would make
    // javac infer its type argument over all of them.
    CodeBlock.Builder all = CodeBlock.builder().add("{").indent();
    int i = 0;
    List<MethodSpec> factories = new ArrayList<>();
    for (Iterator<CollectorMetadata> it = collectors.iterator(); it.hasNext(); i++) {
      CollectorMetadata c = it.next();
      String method = "collector" + i;
      all.add("\n$N()$L", method, it.hasNext() ? "," : "");
      factories.add(MethodSpec.methodBuilder(method)
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .returns(descriptor)
          .addComment("collector $S", c.name())
          .addStatement("return $L", descriptorOf(c, descriptor))
          .build());
    }
    all.unindent().add("\n}");
    type.addField(FieldSpec.builder(
            ArrayTypeName.of(descriptor), "ALL", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer(all.build())
        .build());
    type.addField(FieldSpec.builder(
            ParameterizedTypeName.get(LIST, descriptor), "COLLECTORS",
            Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$T.of(ALL)", LIST)
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
    type.addMethods(factories);
    return JavaFile.builder(self.packageName(), type.build())
        .indent("  ")
        .skipJavaLangImports(true)
        .build();
  }

  private static CodeBlock descriptorOf(CollectorMetadata c, ClassName descriptor) {
    JsonNode tree;
    try {
      tree = JSON.readTree(MetadataCodec.write(c));
    } catch (IOException e) {
      throw new IllegalStateException("cannot re-read the metadata of " + c.name(), e);
    }
    CodeBlock.Builder requirements = CodeBlock.builder().indent();
    boolean first = true;
    for (Map.Entry<String, JsonNode> field : tree.properties()) {
      if (!field.getValue().isArray()) {
        continue;
      }
      for (JsonNode entry : field.getValue()) {
        requirements.add(first ? "\n" : ",\n");
        requirements.add(requirementOf(field.getKey(), entry));
        first = false;
      }
    }
    requirements.unindent();
    return CodeBlock.builder()
        .add("$T.of(\n", descriptor)
        .indent().indent()
        .add("$S,\n$S,\n$S,\n$S,\n$S", c.name(), c.feature(), c.description(), c.source(),
            c.noPrivilegesReason())
        .add(first ? "" : ",")
        .add(requirements.build())
        .unindent().unindent()
        .add(")")
        .build();
  }

  private static CodeBlock requirementOf(String kind, JsonNode entry) {
    CodeBlock.Builder call = CodeBlock.builder()
        .add("$T.of(\n", RequirementDescriptor.class)
        .indent().indent()
        .add("$S,\n$S,\n$S", kind, entry.path("reason").asText(), entry.path("declaredBy").asText());
    for (Map.Entry<String, JsonNode> field : entry.properties()) {
      if (field.getKey().equals("reason") || field.getKey().equals("declaredBy")) {
        continue;
      }
      call.add(",\n$S, $S", field.getKey(), text(field.getValue()));
    }
    return call.unindent().unindent().add(")").build();
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
