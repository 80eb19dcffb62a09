package dev.privileges.processor;

import com.google.auto.service.AutoService;
import dev.privileges.annotations.Collector;
import dev.privileges.metadata.CollectorMetadata;
import dev.privileges.metadata.CollectorValidator;
import dev.privileges.metadata.DeclarationRules;
import dev.privileges.metadata.Finding;
import dev.privileges.metadata.Violation;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Checks collector declarations and writes one metadata file per collector into the jar.
 *
 * <p>Only the lifecycle lives here: each round validates what it sees and assembles its
 * collectors; the files are written once, when processing is over. It claims only its own
 * annotations and never throws into javac.
 */
@AutoService(Processor.class)
public final class CollectorProcessor extends AbstractProcessor {

  private Elements elements;
  private Reporter reporter;
  private DeclarationReader reader;
  private MetadataStore store;

  /** Collectors of this compilation, by name. */
  private final Map<String, CollectorMetadata> collectors = new TreeMap<>();
  private final Map<String, Element> collectorElements = new TreeMap<>();
  /** Every supertype of a collector of this compilation (qualified names). */
  private final Set<String> collectorSupertypes = new TreeSet<>();
  /** Concrete, non-collector types that carry requirement annotations (qualified names). */
  private final Set<String> declaringTypes = new TreeSet<>();

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    elements = env.getElementUtils();
    reporter = new Reporter(env.getMessager());
    reader = new DeclarationReader(elements);
    store = new MetadataStore(env.getFiler());
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    Set<String> types = new TreeSet<>(DeclarationReader.REQUIREMENT_ANNOTATIONS);
    types.add(Collector.class.getCanonicalName());
    return types;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    try {
      for (TypeElement annotation : annotations) {
        if (DeclarationReader.REQUIREMENT_ANNOTATIONS.contains(annotation.getQualifiedName().toString())) {
          for (Element element : round.getElementsAnnotatedWith(annotation)) {
            checkDeclarations((TypeElement) element);
          }
        }
      }
      for (Element element : round.getElementsAnnotatedWith(Collector.class)) {
        assembleCollector((TypeElement) element);
      }
      if (round.processingOver()) {
        finish();
      }
    } catch (Exception | LinkageError e) {
      reporter.internalError(e);
    }
    // Claim our own annotations (and only them: they are what getSupportedAnnotationTypes lists).
    // Unclaimed, javac's -Xlint:processing warns on every collector, which breaks -Werror builds.
    return true;
  }

  /** Checks the requirement annotations written on one type, reporting each broken rule. */
  private final Set<String> checkedTypes = new TreeSet<>();

  private void checkDeclarations(TypeElement type) {
    String name = type.getQualifiedName().toString();
    if (!checkedTypes.add(name)) {
      return;
    }
    reader.read(type, new Declarations(), reporter);
    boolean concreteClass = type.getKind() == ElementKind.CLASS
        && !type.getModifiers().contains(Modifier.ABSTRACT);
    if (concreteClass && type.getAnnotation(Collector.class) == null) {
      declaringTypes.add(name);
    }
  }

  private void assembleCollector(TypeElement type) {
    AnnotationMirror mirror = mirrorOf(type, Collector.class.getCanonicalName());
    AnnotationValues a = new AnnotationValues(elements, mirror);
    String name = a.string("name");
    if (!checkShape(type, mirror)
        | !report(DeclarationRules.collectorName(name), type, a, "name")
        | !report(DeclarationRules.feature(a.string("feature")), type, a, "feature")) {
      return;
    }
    if (collectors.containsKey(name)) {
      reporter.error(new Violation("DuplicateCollectorName",
          "collector name '" + name + "' is already used by " + collectors.get(name).source()
              + ": each collector needs its own name"), type, mirror, a.value("name"));
      return;
    }
    Declarations d = new Declarations();
    for (TypeElement t : hierarchy(type)) {
      reader.read(t, d, null);
      if (t != type) {
        collectorSupertypes.add(t.getQualifiedName().toString());
      }
    }
    CollectorMetadata metadata = new CollectorMetadata(
        CollectorMetadata.FORMAT_VERSION, name, a.string("feature"), a.string("description"),
        elements.getBinaryName(type).toString(), d.noPrivilegesReason, d.privileges,
        d.capabilities, d.hostPaths, d.ports, d.writablePaths, d.kubernetesApi, d.confinement);
    List<Finding> findings = CollectorValidator.validateConsistency(metadata);
    for (Finding finding : findings) {
      reporter.error(finding.violation(), type, mirror, null);
    }
    if (findings.isEmpty()) {
      collectors.put(name, metadata);
      collectorElements.put(name, type);
    }
  }

  /** {@code @Collector} goes on a public, concrete class. */
  private boolean checkShape(TypeElement type, AnnotationMirror mirror) {
    String problem = null;
    if (type.getKind() != ElementKind.CLASS) {
      problem = "is a " + type.getKind().toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    } else if (type.getModifiers().contains(Modifier.ABSTRACT)) {
      problem = "is abstract";
    } else if (!type.getModifiers().contains(Modifier.PUBLIC)) {
      problem = "is not public";
    }
    if (problem == null) {
      return true;
    }
    reporter.error(new Violation("CollectorNotConcrete",
        "@Collector on " + type.getQualifiedName() + ", which " + problem + ": put @Collector on"
            + " the public, concrete class the agent instantiates; declare shared requirements on"
            + " a supertype without @Collector"), type, mirror, null);
    return false;
  }

  private void finish() throws java.io.IOException {
    for (String name : declaringTypes) {
      if (!collectorSupertypes.contains(name)) {
        TypeElement type = elements.getTypeElement(name);
        AnnotationMirror first = reader.requirementMirrors(type).get(0);
        reporter.error(new Violation("RequirementOutsideCollector",
            "@" + first.getAnnotationType().asElement().getSimpleName() + " on " + name
                + ", which is neither a @Collector nor a supertype of one: add @Collector to the"
                + " class, or move the declaration to the collector that needs it"),
            type, first, null);
      }
    }
    if (!reporter.errorsReported()) {
      store.write(collectors, collectorElements);
    }
  }

  private boolean report(Optional<Violation> v, TypeElement type, AnnotationValues a, String attr) {
    v.ifPresent(violation -> reporter.error(violation, type, a.mirror(), a.value(attr)));
    return v.isEmpty();
  }

  /** The type, its superclasses and all its interfaces, each once, in a stable order. */
  private Set<TypeElement> hierarchy(TypeElement type) {
    Set<TypeElement> out = new LinkedHashSet<>();
    Deque<TypeElement> queue = new ArrayDeque<>(List.of(type));
    while (!queue.isEmpty()) {
      TypeElement t = queue.removeFirst();
      if (!out.add(t)) {
        continue;
      }
      supertype(t.getSuperclass()).ifPresent(queue::addLast);
      for (TypeMirror i : t.getInterfaces()) {
        supertype(i).ifPresent(queue::addLast);
      }
    }
    return out;
  }

  private static Optional<TypeElement> supertype(TypeMirror mirror) {
    if (mirror.getKind() != TypeKind.DECLARED) {
      return Optional.empty();
    }
    TypeElement element = (TypeElement) ((DeclaredType) mirror).asElement();
    return element.getQualifiedName().contentEquals("java.lang.Object")
        ? Optional.empty()
        : Optional.of(element);
  }

  private static AnnotationMirror mirrorOf(TypeElement type, String annotation) {
    Map<String, AnnotationMirror> byName = new LinkedHashMap<>();
    for (AnnotationMirror m : type.getAnnotationMirrors()) {
      byName.put(DeclarationReader.annotationName(m), m);
    }
    return byName.get(annotation);
  }
}
