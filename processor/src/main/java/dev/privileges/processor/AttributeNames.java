package dev.privileges.processor;

import java.util.HashMap;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.Name;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Annotation attribute and type names as the compiler's own {@link Name}s and strings, looked up
 * once per processor run. Why: javac's {@code Name.contentEquals} and {@code toString} build a new
 * String from the name's bytes on every call, and finding one attribute of a mirror by comparing
 * every attribute's name that way was the largest allocation of the processor (about a fifth of
 * it on 2,000 collectors, see {@code docs/benchmarks.md}). {@link Name#equals} compares names of one
 * compiler without copying them.
 */
final class AttributeNames {

  private final Elements elements;
  private final Map<String, Name> names = new HashMap<>();
  private final Map<Element, String> qualifiedNames = new HashMap<>();

  AttributeNames(Elements elements) {
    this.elements = elements;
  }

  Elements elements() {
    return elements;
  }

  /** The compiler's name for {@code attribute}. */
  Name name(String attribute) {
    Name name = names.get(attribute);
    if (name == null) {
      name = elements.getName(attribute);
      names.put(attribute, name);
    }
    return name;
  }

  /** The qualified name of an annotation type, made into a String once per type. */
  String qualifiedName(TypeElement annotationType) {
    String name = qualifiedNames.get(annotationType);
    if (name == null) {
      name = annotationType.getQualifiedName().toString();
      qualifiedNames.put(annotationType, name);
    }
    return name;
  }
}
