package dev.privileges.processor;

import dev.privileges.metadata.Violation;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * The one place that reports problems to javac. Every error points at the element, the
 * annotation mirror and, where known, the offending value, so IDEs underline the declaration.
 */
final class Reporter {

  private final Messager messager;
  private boolean errorsReported;

  Reporter(Messager messager) {
    this.messager = messager;
  }

  void error(Violation violation, Element element, AnnotationMirror mirror, AnnotationValue value) {
    errorsReported = true;
    if (mirror == null) {
      messager.printMessage(Diagnostic.Kind.ERROR, violation.toString(), element);
    } else if (value == null) {
      messager.printMessage(Diagnostic.Kind.ERROR, violation.toString(), element, mirror);
    } else {
      messager.printMessage(Diagnostic.Kind.ERROR, violation.toString(), element, mirror, value);
    }
  }

  /** An internal failure: one error with its cause, never an exception thrown into javac. */
  void internalError(Throwable cause) {
    errorsReported = true;
    messager.printMessage(
        Diagnostic.Kind.ERROR,
        "[InternalError] privileges-processor failed: " + cause
            + ". This is a bug in privileges-processor, not in your code; please report it with"
            + " this message.");
  }

  boolean errorsReported() {
    return errorsReported;
  }
}
