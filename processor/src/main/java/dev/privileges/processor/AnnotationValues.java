package dev.privileges.processor;

import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Name;
import javax.lang.model.element.VariableElement;

/**
 * Reads the attributes of an annotation mirror (defaults included). Mirrors rather than
 * reflective proxies, because errors must point at the exact {@link AnnotationValue}.
 */
final class AnnotationValues {

  private final AttributeNames names;
  private final AnnotationMirror mirror;
  private final Map<? extends ExecutableElement, ? extends AnnotationValue> values;

  AnnotationValues(AttributeNames names, AnnotationMirror mirror) {
    this.names = names;
    this.mirror = mirror;
    this.values = names.elements().getElementValuesWithDefaults(mirror);
  }

  AnnotationMirror mirror() {
    return mirror;
  }

  /** The value of attribute {@code name}, for error placement. */
  AnnotationValue value(String name) {
    Name wanted = names.name(name); // not contentEquals: see AttributeNames
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : values.entrySet()) {
      if (e.getKey().getSimpleName().equals(wanted)) {
        return e.getValue();
      }
    }
    throw new IllegalArgumentException("no attribute " + name + " on " + mirror);
  }

  String string(String name) {
    return (String) value(name).getValue();
  }

  int integer(String name) {
    return (Integer) value(name).getValue();
  }

  boolean bool(String name) {
    return (Boolean) value(name).getValue();
  }

  /** The constant name of an enum attribute. */
  String enumName(String name) {
    return ((VariableElement) value(name).getValue()).getSimpleName().toString();
  }

  /** The elements of an array attribute, as annotation values. */
  @SuppressWarnings("unchecked")
  List<? extends AnnotationValue> array(String name) {
    return (List<? extends AnnotationValue>) value(name).getValue();
  }

  List<String> strings(String name) {
    return array(name).stream().map(v -> (String) v.getValue()).toList();
  }

  List<String> enumNames(String name) {
    return array(name).stream()
        .map(v -> ((VariableElement) v.getValue()).getSimpleName().toString())
        .toList();
  }
}
