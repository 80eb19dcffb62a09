package dev.privileges.engine.helm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A condition of the Helm chart over the collector toggles, written as a Go template expression.
 * The chart's decision template ({@code _decided.tpl}) stores each collector's toggle as {@code
 * $d.c<i>} and each named decision as {@code $d.<name>}; every other template reads only those.
 * Trivial parts are folded when built, so a grant that never depends on a toggle renders without
 * a condition.
 *
 * <p>Loops, not lambdas: conditions are built in the first {@code generate} of every fresh JVM,
 * where each lambda costs a class spun at run time.
 */
sealed interface ChartCondition {

  ChartCondition TRUE = new Constant(true);
  ChartCondition FALSE = new Constant(false);

  /** The Go template expression, parenthesised when it is a call. */
  String go();

  /** Collector number {@code index} (sorted by name) is enabled. */
  static ChartCondition collector(int index) {
    return new Leaf("$d.c" + index);
  }

  /** A decision stored under {@code name} in the decided values. */
  static ChartCondition decided(String name) {
    return new Leaf("$d." + name);
  }

  /** A value that is set (non-empty), e.g. {@code .Values.priorityClassName}. */
  static ChartCondition value(String expression) {
    return new Leaf(expression);
  }

  static ChartCondition of(boolean value) {
    return value ? TRUE : FALSE;
  }

  static ChartCondition or(List<ChartCondition> parts) {
    Distinct kept = new Distinct();
    for (ChartCondition c : parts) {
      if (c == TRUE) {
        return TRUE;
      }
      if (c instanceof Or or) {
        for (ChartCondition p : or.parts()) {
          kept.add(p);
        }
      } else if (c != FALSE) {
        kept.add(c);
      }
    }
    return kept.isEmpty() ? FALSE : kept.size() == 1 ? kept.first() : new Or(kept.list());
  }

  static ChartCondition or(ChartCondition... parts) {
    return or(List.of(parts));
  }

  static ChartCondition and(ChartCondition... parts) {
    Distinct kept = new Distinct();
    for (ChartCondition c : parts) {
      if (c == FALSE) {
        return FALSE;
      }
      if (c instanceof And and) {
        for (ChartCondition p : and.parts()) {
          kept.add(p);
        }
      } else if (c != TRUE) {
        kept.add(c);
      }
    }
    return kept.isEmpty() ? TRUE : kept.size() == 1 ? kept.first() : new And(kept.list());
  }

  static ChartCondition not(ChartCondition c) {
    if (c == TRUE) {
      return FALSE;
    }
    if (c == FALSE) {
      return TRUE;
    }
    return c instanceof Not n ? n.inner() : new Not(c);
  }

  record Constant(boolean value) implements ChartCondition {
    @Override
    public String go() {
      return String.valueOf(value);
    }
  }

  record Leaf(String expression) implements ChartCondition {
    @Override
    public String go() {
      return expression;
    }
  }

  record Or(List<ChartCondition> parts) implements ChartCondition {
    @Override
    public String go() {
      return call("or", parts);
    }
  }

  record And(List<ChartCondition> parts) implements ChartCondition {
    @Override
    public String go() {
      return call("and", parts);
    }
  }

  record Not(ChartCondition inner) implements ChartCondition {
    @Override
    public String go() {
      return "(not " + inner.go() + ")";
    }
  }

  /**
   * The parts of a call, each kept once, told apart by the expression they write: that is what
   * the chart shows, and it spares the records' generated {@code equals} and {@code hashCode},
   * whose first use costs tens of milliseconds in a fresh JVM (see ColdPathLinkageTest in the cli
   * module).
   */
  final class Distinct {
    private final Map<String, ChartCondition> byExpression = new LinkedHashMap<>();

    void add(ChartCondition c) {
      byExpression.putIfAbsent(c.go(), c);
    }

    boolean isEmpty() {
      return byExpression.isEmpty();
    }

    int size() {
      return byExpression.size();
    }

    ChartCondition first() {
      return byExpression.values().iterator().next();
    }

    List<ChartCondition> list() {
      return List.copyOf(byExpression.values());
    }
  }

  private static String call(String function, List<ChartCondition> parts) {
    List<String> args = new ArrayList<>();
    for (ChartCondition p : parts) {
      args.add(p.go());
    }
    return "(" + function + " " + String.join(" ", args) + ")";
  }
}
