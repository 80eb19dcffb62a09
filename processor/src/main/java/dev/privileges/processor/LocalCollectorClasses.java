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
  private static final String PACKAGE_DOT = PACKAGE + ".";
  private static final String PACKAGE_STAR = PACKAGE + ".*";

  private final Trees trees;
  private final Reporter reporter;

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
    // Local to the round: a field would keep every compilation unit's tree reachable until javac
    // closes the processors, long after javac is done with them.
    Set<CompilationUnitTree> scanned = new HashSet<>();
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
    CharSequence text = content(unit);
    if (text == null) {
      return Integer.MAX_VALUE; // cannot tell: walk the tree
    }
    int count = 0;
    for (int at = indexOf(text, "Collector", 0); at >= 0; at = indexOf(text, "Collector", at + 1)) {
      int end = at + "Collector".length();
      int qualified = at - PACKAGE.length() - 2; // where "@dev.privileges.annotations." would start
      boolean annotation = at > 0 && (text.charAt(at - 1) == '@'
          || qualified >= 0 && text.charAt(qualified) == '@' && regionMatches(text, qualified + 1, PACKAGE_DOT));
      boolean whole = end == text.length() || !Character.isJavaIdentifierPart(text.charAt(end));
      if (annotation && whole) {
        count++;
      }
    }
    return count;
  }

  /**
   * Whether the unit imports {@code @Collector} or its package, or spells it fully. Names are
   * compared on the trees' own identifiers: printing a tree to a string, once per import of every
   * unit, cost more than the rest of the check.
   */
  private static boolean mayNameCollector(CompilationUnitTree unit) {
    for (ImportTree i : unit.getImports()) {
      Tree name = i.getQualifiedIdentifier();
      if (!i.isStatic() && (spells(name, QUALIFIED) || spells(name, PACKAGE_STAR))) {
        return true;
      }
    }
    return unit.getPackageName() != null && spells(unit.getPackageName(), PACKAGE)
        || unit.getSourceFile().getName().endsWith(".java") && fullySpelled(unit);
  }

  /** Whether {@code tree}, an identifier or a chain of member selections, reads {@code dotted}. */
  static boolean spells(Tree tree, String dotted) {
    Tree t = tree;
    int end = dotted.length();
    while (t instanceof MemberSelectTree select) {
      int dot = dotted.lastIndexOf('.', end - 1);
      if (dot < 0 || !select.getIdentifier().contentEquals(dotted.substring(dot + 1, end))) {
        return false;
      }
      end = dot;
      t = select.getExpression();
    }
    return t instanceof IdentifierTree id && dotted.lastIndexOf('.', end - 1) < 0
        && id.getName().contentEquals(dotted.substring(0, end));
  }

  /** Cheap text test for {@code @dev.privileges.annotations.Collector} without an import. */
  private static boolean fullySpelled(CompilationUnitTree unit) {
    CharSequence text = content(unit);
    return text != null && indexOf(text, QUALIFIED, 0) >= 0;
  }

  /** The unit's source text as javac holds it (no copy), or null when it cannot be read. */
  private static CharSequence content(CompilationUnitTree unit) {
    try {
      return unit.getSourceFile().getCharContent(true);
    } catch (java.io.IOException e) {
      return null;
    }
  }

  private static int indexOf(CharSequence text, String word, int from) {
    char first = word.charAt(0);
    for (int i = from, last = text.length() - word.length(); i <= last; i++) {
      if (text.charAt(i) == first && regionMatches(text, i, word)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean regionMatches(CharSequence text, int at, String word) {
    if (at < 0 || at + word.length() > text.length()) {
      return false;
    }
    for (int k = 0; k < word.length(); k++) {
      if (text.charAt(at + k) != word.charAt(k)) {
        return false;
      }
    }
    return true;
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
    return type instanceof MemberSelectTree && spells(type, QUALIFIED);
  }
}
