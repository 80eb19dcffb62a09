package dev.privileges.processor;

import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * Reads the attributes of an annotation mirror (defaults included). Mirrors rather than
 * reflective proxies, because errors must point at the exact {@link AnnotationValue}.
 */
final class AnnotationValues {

  private final AnnotationMirror mirror;
  private final Map<? extends ExecutableElement, ? extends AnnotationValue> values;

  AnnotationValues(Elements elements, AnnotationMirror mirror) {
    this.mirror = mirror;
    this.values = elements.getElementValuesWithDefaults(mirror);
  }

  AnnotationMirror mirror() {
    return mirror;
  }

  /** The value of attribute {@code name}, for error placement. */
  AnnotationValue value(String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : values.entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(name)) {
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
