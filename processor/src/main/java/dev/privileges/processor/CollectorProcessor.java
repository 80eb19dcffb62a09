package dev.privileges.processor;

import com.google.auto.service.AutoService;
import dev.privileges.annotations.Collector;
import dev.privileges.metadata.CollectorMetadata;
import dev.privileges.metadata.CollectorValidator;
import dev.privileges.metadata.DeclarationRules;
import dev.privileges.metadata.Finding;
import dev.privileges.metadata.Violation;
import java.util.ArrayDeque;
import java.util.Collection;
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
import javax.lang.model.element.Name;
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
  private AttributeNames attributeNames;
  private Reporter reporter;
  private DeclarationReader reader;
  private MetadataStore store;
  private ProcessorOptions options;
  private javax.annotation.processing.Filer filer;

  /** Collectors of this compilation, by name. */
  private final Map<String, CollectorMetadata> collectors = new TreeMap<>();
  private final Map<String, Element> collectorElements = new TreeMap<>();
  /** Collector classes assembled in this compilation (binary names), re-read or carried over. */
  private final Set<String> assembledClasses = new TreeSet<>();
  /** The index of the previous compilation into the same output folder: name to source. */
  private Map<String, String> previousIndex;
  /** Whether the opt-in registry class was written (in the first round). */
  private boolean registryWritten;
  private LocalCollectorClasses localClasses;
  /** Every supertype of a collector of this compilation (qualified names). */
  private final Set<String> collectorSupertypes = new TreeSet<>();
  /** Concrete, non-collector types that carry requirement annotations (qualified names). */
  private final Set<String> declaringTypes = new TreeSet<>();

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    elements = env.getElementUtils();
    reporter = new Reporter(env);
    attributeNames = new AttributeNames(elements);
    reader = new DeclarationReader(attributeNames);
    store = new MetadataStore(env.getFiler());
    options = new ProcessorOptions(env.getOptions());
    filer = env.getFiler();
    localClasses = new LocalCollectorClasses(env, reporter);
  }

  @Override
  public Set<String> getSupportedOptions() {
    return ProcessorOptions.ALL;
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
      if (previousIndex == null) {
        previousIndex = store.previousIndex();
      }
      AnnotatedTypes found = new AnnotatedTypes();
      if (!annotations.isEmpty()) {
        found.scan(round.getRootElements());
      }
      for (TypeElement type : found.declaring) {
        checkDeclarations(type);
      }
      int before = collectors.size();
      for (TypeElement type : found.collectors) {
        assembleCollector(type);
      }
      localClasses.check(round.getRootElements(), found.collectors);
      boolean registryClass = options.registryEnabled() && options.registryClass().isPresent();
      if (registryClass && !round.processingOver() && !registryWritten) {
        // A source must be generated before the last round (javac warns otherwise); the first
        // round holds every hand-written collector and every collector of the module's sources.
        completeCollectors();
        writeRegistryClass(options.registryClass().get());
        registryWritten = true;
      } else if (registryClass && collectors.size() > before && registryWritten) {
        reporter.error(new Violation("CollectorInLaterRound", "a collector generated by another"
            + " processor after the first round cannot be added to the registry class: write it"
            + " by hand, or leave out -A" + ProcessorOptions.REGISTRY_CLASS + " (the registry"
            + " resource covers every round)").toString());
      }
      if (round.processingOver()) {
        if (!registryWritten) {
          completeCollectors();
        }
        finish();
      }
    } catch (java.io.IOException e) {
      reporter.writeFailed(e);
    } catch (Exception | LinkageError e) {
      reporter.internalError(e);
    }
    // Claim our own annotations, and only them (javac hands a processor only the annotations its
    // getSupportedAnnotationTypes lists, and a claim covers just those). Returning false, as
    // AutoService does, leaves them unclaimed, and javac's -Xlint:processing then warns on every
    // compilation ("No processor claimed any of these annotations"), which breaks -Werror builds.
    return true;
  }

  /**
   * The types of one round that carry our annotations, found in one walk over the round's types
   * and their member types.
   *
   * <p>Why not {@code getElementsAnnotatedWith}: javac answers each call with a walk over every
   * element of every root (methods and parameters included), once per annotation type; with
   * fourteen annotation types that was fifteen walks. Our annotations only go on types, so
   * walking the types alone finds them all.
   */
  private static final class AnnotatedTypes {
    /** Types with requirement annotations, in source order. */
    final List<TypeElement> declaring = new java.util.ArrayList<>();
    /** Types with {@code @Collector}, in source order. */
    final List<TypeElement> collectors = new java.util.ArrayList<>();

    void scan(Collection<? extends Element> elements) {
      for (Element e : elements) {
        if (e instanceof TypeElement type) {
          visit(type);
        }
      }
    }

    private void visit(TypeElement type) {
      boolean declares = false;
      for (AnnotationMirror m : type.getAnnotationMirrors()) {
        Name name = ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName();
        if (name.contentEquals(COLLECTOR)) {
          collectors.add(type);
        } else if (!declares && name.length() > PACKAGE_PREFIX.length()
            && name.subSequence(0, PACKAGE_PREFIX.length()).toString().equals(PACKAGE_PREFIX)
            && DeclarationReader.REQUIREMENT_ANNOTATIONS.contains(name.toString())) {
          declares = true;
          declaring.add(type);
        }
      }
      for (Element member : type.getEnclosedElements()) {
        if (member instanceof TypeElement nested) {
          visit(nested);
        }
      }
    }
  }

  private static final String COLLECTOR = Collector.class.getCanonicalName();
  private static final String PACKAGE_PREFIX = Collector.class.getPackageName() + ".";

  /**
   * Collectors written by the previous compilation whose class was not compiled this time (a
   * partial, IDE-style compilation) but still exists with the same name: they are read again
   * from their class file so their metadata and registry entry survive. Files of collectors that
   * are gone are deleted.
   */
  private void carryOverPrevious() {
    for (Map.Entry<String, String> entry : previousIndex.entrySet()) {
      String name = entry.getKey();
      String source = entry.getValue();
      if (source.startsWith("file:") || assembledClasses.contains(source)) {
        continue; // hand-written (read again below), or recompiled now
      }
      TypeElement type = elements.getTypeElement(source.replace('$', '.'));
      Collector annotation = type == null ? null : type.getAnnotation(Collector.class);
      if (annotation == null || !annotation.name().equals(name)) {
        continue; // gone, or renamed (and then recompiled)
      }
      CollectorMetadata taker = collectors.get(name);
      if (taker != null) {
        // A recompiled collector took the name of one that was not recompiled: a full build
        // fails here too, so the partial one must not silently replace it.
        Element element = collectorElements.get(name);
        AnnotationMirror mirror = mirrorOf((TypeElement) element, Collector.class.getCanonicalName());
        reporter.error(new Violation("DuplicateCollectorName",
            "collector name '" + name + "' is already used by " + source
                + ": each collector needs its own name"),
            element, mirror, new AnnotationValues(attributeNames, mirror).value("name"));
        collectors.remove(name);
        collectorElements.remove(name);
        continue;
      }
      assembleCollector(type);
    }
  }

  /** Adds what the sources of this round do not hold: carried-over and hand-written collectors. */
  private void completeCollectors() throws java.io.IOException {
    carryOverPrevious();
    readHandWritten();
  }

  private void readHandWritten() throws java.io.IOException {
    Optional<String> dir = options.handWrittenDir();
    if (dir.isEmpty()) {
      return;
    }
    java.nio.file.Path folder = java.nio.file.Path.of(dir.get());
    if (!java.nio.file.Files.isDirectory(folder)) {
      reporter.error(new Violation("HandWrittenDirMissing", "-A" + ProcessorOptions.HAND_WRITTEN_DIR
          + "=" + dir.get() + " is not a folder: create it, or fix the path (relative paths are"
          + " resolved against the working directory of javac; under Maven use"
          + " ${project.basedir}/src/main/privileges)").toString());
      return;
    }
    for (HandWrittenMetadata.Result result : HandWrittenMetadata.readFolder(folder)) {
      for (String error : result.errors()) {
        reporter.error(error);
      }
      CollectorMetadata c = result.metadata();
      if (c == null) {
        continue;
      }
      if (collectors.containsKey(c.name())) {
        reporter.error(new Violation("DuplicateCollectorName", result.file() + ": name: collector"
            + " name '" + c.name() + "' is already used by " + collectors.get(c.name()).source()
            + ": each collector needs its own name; rename one of them").toString());
        continue;
      }
      collectors.put(c.name(), c);
    }
  }

  /** The opt-in registry class and its ServiceLoader entry; JavaPoet is loaded only here. */
  private void writeRegistryClass(String className) throws java.io.IOException {
    if (!SourceVersion.isName(className) || !className.contains(".")) {
      reporter.error(new Violation("InvalidRegistryClass", "-A" + ProcessorOptions.REGISTRY_CLASS
          + "=" + className + " is not a qualified Java class name: use a name such as"
          + " com.example.agent.CollectorPrivilegesRegistry").toString());
      return;
    }
    if (collectors.isEmpty() || reporter.errorsReported()) {
      return;
    }
    RegistryWriter.generate(className, collectors.values(), collectorElements.values())
        .writeTo(filer);
    store.writeResource(MetadataStore.SERVICE_FILE, className + "\n", collectorElements.values());
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
    if (concreteClass && mirrorOf(type, COLLECTOR) == null) { // no annotation proxy needed
      declaringTypes.add(name);
    }
  }

  private void assembleCollector(TypeElement type) {
    AnnotationMirror mirror = mirrorOf(type, Collector.class.getCanonicalName());
    AnnotationValues a = new AnnotationValues(attributeNames, mirror);
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
    assembledClasses.add(elements.getBinaryName(type).toString());
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
      if (finding.violation().code().equals("NoDeclaration") && d.rejected) {
        continue; // its declarations broke rules, which were reported where they are written
      }
      Declarations.Origin origin = originOf(finding.field(), metadata, d);
      if (origin != null && origin.type().equals(type)) {
        reporter.error(finding.violation(), type, origin.mirror(), null);
      } else {
        reporter.error(finding.violation(), type, mirror, null);
      }
    }
    if (findings.isEmpty()) {
      collectors.put(name, metadata);
      collectorElements.put(name, type);
    }
  }

  /**
   * {@code @Collector} goes on a public, concrete class the agent can instantiate by name: top
   * level or static, and reachable (every enclosing class public).
   */
  private boolean checkShape(TypeElement type, AnnotationMirror mirror) {
    String problem = null;
    String fix = "put @Collector on the public, concrete class the agent instantiates; declare"
        + " shared requirements on a supertype without @Collector";
    if (type.getKind() != ElementKind.CLASS) {
      problem = "is a " + type.getKind().toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    } else if (type.getModifiers().contains(Modifier.ABSTRACT)) {
      problem = "is abstract";
    } else if (!type.getModifiers().contains(Modifier.PUBLIC)) {
      problem = "is not public";
    } else if (type.getNestingKind() == javax.lang.model.element.NestingKind.MEMBER
        && !type.getModifiers().contains(Modifier.STATIC)) {
      problem = "is an inner class (it needs an instance of "
          + ((TypeElement) type.getEnclosingElement()).getQualifiedName() + " to exist)";
      fix = "declare it static, or move it to its own file";
    } else {
      for (Element e = type.getEnclosingElement(); e instanceof TypeElement outer;
          e = e.getEnclosingElement()) {
        if (!outer.getModifiers().contains(Modifier.PUBLIC)) {
          problem = "is nested in " + outer.getQualifiedName() + ", which is not public, so the"
              + " agent cannot reach it";
          fix = "make " + outer.getSimpleName() + " public, or move the collector to its own file";
          break;
        }
      }
    }
    if (problem == null) {
      return true;
    }
    reporter.error(new Violation("CollectorNotConcrete",
        "@Collector on " + type.getQualifiedName() + ", which " + problem + ": " + fix),
        type, mirror, null);
    return false;
  }

  /** The annotation behind a consistency finding's field ({@code hostPaths[2].env}), or null. */
  private static Declarations.Origin originOf(String field, CollectorMetadata c, Declarations d) {
    if (field.equals("noPrivilegesReason")) {
      return d.noPrivilegesOrigin;
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\w+)\\[(\\d+)\\].*").matcher(field);
    if (!m.matches()) {
      return null;
    }
    int i = Integer.parseInt(m.group(2));
    List<?> list = switch (m.group(1)) {
      case "privileges" -> c.privileges();
      case "capabilities" -> c.capabilities();
      case "hostPaths" -> c.hostPaths();
      case "ports" -> c.ports();
      case "writablePaths" -> c.writablePaths();
      case "kubernetesApi" -> c.kubernetesApi();
      case "confinement" -> c.confinement();
      default -> List.of();
    };
    return i < list.size() ? d.origins.get(list.get(i)) : null;
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
    if (reporter.errorsReported()) {
      return; // leave the previous output alone: the compilation fails anyway
    }
    for (Map.Entry<String, String> old : previousIndex.entrySet()) {
      if (!collectors.containsKey(old.getKey()) && !store.delete(old.getKey())) {
        reporter.warning("[StaleMetadata] cannot delete the metadata of collector '"
            + old.getKey() + "', which no longer exists (" + old.getValue() + "): run a clean"
            + " build");
      }
    }
    store.write(collectors, collectorElements, !previousIndex.isEmpty());
    if (options.registryEnabled()) {
      store.writeRegistry(RegistryText.of(collectors.values()), collectorElements.values());
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
