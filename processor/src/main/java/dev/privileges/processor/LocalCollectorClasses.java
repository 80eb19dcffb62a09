package dev.privileges.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import dev.privileges.annotations.Collector;
import dev.privileges.metadata.Violation;
import java.util.HashSet;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Finds {@code @Collector} on local classes (declared inside a method or initializer), which
 * javac never shows a processor: without this check such a collector gets no metadata and
 * nobody is told.
 *
 * <p>Why a tree scan: a processor sees only members, so the source trees are the one place a
 * local class is visible during processing. To stay cheap, only compilation units that can
 * name our {@code @Collector} are scanned (they import it or its package, or spell it fully);
 * there the annotation's name is enough, since the trees are not attributed yet. Off javac (ECJ
 * has no {@link Trees}) the check is skipped; the plugin still finds the class file without
 * metadata.
 */
final class LocalCollectorClasses {

  private static final String PACKAGE = Collector.class.getPackageName();
  private static final String QUALIFIED = Collector.class.getCanonicalName();

  private final Trees trees;
  private final Reporter reporter;
  private final Set<CompilationUnitTree> scanned = new HashSet<>();

  LocalCollectorClasses(ProcessingEnvironment env, Reporter reporter) {
    this.trees = treesOf(env);
    this.reporter = reporter;
  }

  private static Trees treesOf(ProcessingEnvironment env) {
    try {
      return Trees.instance(env);
    } catch (IllegalArgumentException | LinkageError e) {
      return null; // not javac, or a wrapped environment
    }
  }

  /**
   * Reports every local class with {@code @Collector} in the units of {@code roots}; {@code
   * collectors} are the member and top-level collector types found there.
   */
  void check(Set<? extends Element> roots, java.util.List<TypeElement> collectors) {
    if (trees == null) {
      return;
    }
    java.util.Map<CompilationUnitTree, Integer> known = new java.util.HashMap<>();
    for (TypeElement c : collectors) {
      TreePath path = trees.getPath(c);
      if (path != null) {
        known.merge(path.getCompilationUnit(), 1, Integer::sum);
      }
    }
    for (Element root : roots) {
      if (!(root instanceof TypeElement)) {
        continue;
      }
      TreePath path = trees.getPath(root);
      if (path == null) {
        continue; // from a class file
      }
      CompilationUnitTree unit = path.getCompilationUnit();
      if (scanned.add(unit) && mayNameCollector(unit)
          && mentions(unit) > known.getOrDefault(unit, 0)) {
        new Scanner(unit).scan(unit, null);
      }
    }
  }

  /**
   * How often the unit's text writes {@code @Collector}: when no more often than it has member
   * and top-level collectors, there is no local one, and the tree walk is saved. (A mention in a
   * comment only costs the walk.)
   */
  private static int mentions(CompilationUnitTree unit) {
    String text;
    try {
      text = unit.getSourceFile().getCharContent(true).toString();
    } catch (java.io.IOException e) {
      return Integer.MAX_VALUE; // cannot tell: walk the tree
    }
    int count = 0;
    for (int at = text.indexOf("Collector"); at >= 0; at = text.indexOf("Collector", at + 1)) {
      int end = at + "Collector".length();
      int qualified = at - PACKAGE.length() - 2; // where "@dev.privileges.annotations." would start
      boolean annotation = at > 0 && (text.charAt(at - 1) == '@'
          || qualified >= 0 && text.startsWith("@" + PACKAGE + ".", qualified));
      boolean whole = end == text.length() || !Character.isJavaIdentifierPart(text.charAt(end));
      if (annotation && whole) {
        count++;
      }
    }
    return count;
  }

  /** Whether the unit imports {@code @Collector} or its package, or spells it fully. */
  private static boolean mayNameCollector(CompilationUnitTree unit) {
    for (ImportTree i : unit.getImports()) {
      String name = i.getQualifiedIdentifier().toString();
      if (!i.isStatic() && (name.equals(QUALIFIED) || name.equals(PACKAGE + ".*"))) {
        return true;
      }
    }
    return unit.getPackageName() != null && unit.getPackageName().toString().equals(PACKAGE)
        || unit.getSourceFile().getName().endsWith(".java") && fullySpelled(unit);
  }

  /** Cheap text test for {@code @dev.privileges.annotations.Collector} without an import. */
  private static boolean fullySpelled(CompilationUnitTree unit) {
    try {
      return unit.getSourceFile().getCharContent(true).toString().contains(QUALIFIED);
    } catch (java.io.IOException e) {
      return false;
    }
  }

  /** Walks method bodies (and initializers) for class declarations carrying {@code @Collector}. */
  private final class Scanner extends TreePathScanner<Void, Void> {
    private final CompilationUnitTree unit;
    /** How many method bodies or initializers enclose the current node. */
    private int bodies;

    Scanner(CompilationUnitTree unit) {
      this.unit = unit;
    }

    @Override
    public Void visitMethod(MethodTree method, Void unused) {
      bodies++;
      try {
        return super.visitMethod(method, unused);
      } finally {
        bodies--;
      }
    }

    @Override
    public Void visitClass(ClassTree type, Void unused) {
      if (bodies > 0) {
        for (AnnotationTree a : type.getModifiers().getAnnotations()) {
          if (namesCollector(a.getAnnotationType())) {
            reporter.error(new Violation("CollectorNotConcrete",
                "@Collector on the local class " + type.getSimpleName() + ", which the agent"
                    + " cannot instantiate and javac hides from annotation processors: move it"
                    + " out of the method, to a public top-level or static nested class"),
                a, unit);
          }
        }
      }
      // a class body's initializer blocks are bodies too; its fields and methods are walked as usual
      int outer = bodies;
      bodies = 0;
      try {
        for (Tree member : type.getMembers()) {
          boolean block = member.getKind() == Tree.Kind.BLOCK;
          if (block) {
            bodies++;
          }
          scan(member, unused);
          if (block) {
            bodies--;
          }
        }
        return null;
      } finally {
        bodies = outer;
      }
    }

    @Override
    public Void visitVariable(com.sun.source.tree.VariableTree variable, Void unused) {
      // a field initializer holds expressions only: anonymous classes, which carry no annotation
      return bodies > 0 ? super.visitVariable(variable, unused) : null;
    }
  }

  private static boolean namesCollector(Tree type) {
    if (type instanceof IdentifierTree id) {
      return id.getName().contentEquals("Collector");
    }
    return type instanceof MemberSelectTree select && select.toString().equals(QUALIFIED);
  }
}
