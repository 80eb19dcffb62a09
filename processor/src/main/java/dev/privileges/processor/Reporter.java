package dev.privileges.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.privileges.metadata.Violation;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.tools.Diagnostic;

/**
 * The one place that reports problems to javac. Every error points at the element, the
 * annotation mirror and, where known, the offending value, so IDEs underline the declaration.
 *
 * <p>javac cannot place a message on one of several repeated annotations (their mirrors live in
 * a container javac synthesized, which has no source position), so for those the reporter finds
 * the annotation in the source tree itself, when the compiler is javac.
 */
final class Reporter {

  private final Messager messager;
  private final Trees trees;
  private boolean errorsReported;

  Reporter(ProcessingEnvironment env) {
    this.messager = env.getMessager();
    this.trees = treesOf(env);
  }

  private static Trees treesOf(ProcessingEnvironment env) {
    try {
      return Trees.instance(env);
    } catch (IllegalArgumentException | LinkageError e) {
      return null; // not javac: messages go on the element and mirror only
    }
  }

  void error(Violation violation, Element element, AnnotationMirror mirror, AnnotationValue value) {
    error(violation, element, mirror, value, null);
  }

  /**
   * Reports {@code violation} on {@code element}, its annotation {@code mirror} and the {@code
   * value} of {@code attribute} (both optional).
   */
  void error(Violation violation, Element element, AnnotationMirror mirror, AnnotationValue value,
      String attribute) {
    errorsReported = true;
    String message = violation.toString();
    if (mirror != null && !element.getAnnotationMirrors().contains(mirror)
        && printOnRepeated(message, element, mirror, attribute)) {
      return;
    }
    if (mirror == null) {
      messager.printMessage(Diagnostic.Kind.ERROR, message, element);
    } else if (value == null) {
      messager.printMessage(Diagnostic.Kind.ERROR, message, element, mirror);
    } else {
      messager.printMessage(Diagnostic.Kind.ERROR, message, element, mirror, value);
    }
  }

  /** Places a message on a repeated annotation through the source tree; false if it cannot. */
  private boolean printOnRepeated(String message, Element element, AnnotationMirror mirror,
      String attribute) {
    if (trees == null) {
      return false;
    }
    int ordinal = ordinalInContainer(element, mirror);
    TreePath path = trees.getPath(element);
    if (ordinal < 0 || path == null || !(path.getLeaf() instanceof ClassTree type)) {
      return false;
    }
    String simpleName = mirror.getAnnotationType().asElement().getSimpleName().toString();
    int seen = 0;
    for (AnnotationTree annotation : type.getModifiers().getAnnotations()) {
      String written = annotation.getAnnotationType().toString();
      if (written.equals(simpleName) || written.endsWith("." + simpleName)) {
        if (seen++ == ordinal) {
          trees.printMessage(Diagnostic.Kind.ERROR, message, attributeTree(annotation, attribute),
              path.getCompilationUnit());
          return true;
        }
      }
    }
    return false;
  }

  /** The position of {@code mirror} among the repeated annotations of its kind, or -1. */
  private static int ordinalInContainer(Element element, AnnotationMirror mirror) {
    for (AnnotationMirror container : element.getAnnotationMirrors()) {
      for (var entry : container.getElementValues().entrySet()) {
        ExecutableElement key = entry.getKey();
        if (key.getSimpleName().contentEquals("value") && entry.getValue().getValue() instanceof List<?> items) {
          for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof AnnotationValue v && v.getValue() == mirror) {
              return i;
            }
          }
        }
      }
    }
    return -1;
  }

  /** The {@code attribute = ...} part of {@code annotation}, or the annotation itself. */
  private static Tree attributeTree(AnnotationTree annotation, String attribute) {
    if (attribute == null) {
      return annotation;
    }
    for (ExpressionTree argument : annotation.getArguments()) {
      if (argument instanceof AssignmentTree assignment
          && assignment.getVariable() instanceof IdentifierTree name
          && name.getName().contentEquals(attribute)) {
        return assignment;
      }
    }
    return annotation;
  }

  /** Reports on a node of a source tree, for what javac shows no element of (a local class). */
  void error(Violation violation, com.sun.source.tree.Tree tree,
      com.sun.source.tree.CompilationUnitTree unit) {
    errorsReported = true;
    trees.printMessage(Diagnostic.Kind.ERROR, violation.toString(), tree, unit);
  }

  /** An error that belongs to no element, such as one in a hand-written file. */
  void error(String message) {
    errorsReported = true;
    messager.printMessage(Diagnostic.Kind.ERROR, message);
  }

  void warning(String message) {
    messager.printMessage(Diagnostic.Kind.WARNING, message);
  }

  /** The output folder refused a file: not a bug, so say what failed and how to go on. */
  void writeFailed(java.io.IOException cause) {
    error("[WriteFailed] privileges-processor cannot write its output: " + cause
        + ". Check that the output folder is writable, then build again (after a clean, if the"
        + " message names a file that already exists).");
  }

  /** An internal failure: one error with its cause, never an exception thrown into javac. */
  void internalError(Throwable cause) {
    error("[InternalError] privileges-processor failed: " + cause
        + ". This is a bug in privileges-processor, not in your code; please report it with"
        + " this message.");
  }

  boolean errorsReported() {
    return errorsReported;
  }
}
