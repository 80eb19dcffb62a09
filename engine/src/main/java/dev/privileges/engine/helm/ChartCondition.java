package dev.privileges.engine.helm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A condition of the Helm chart over the collector toggles, written as a Go template expression.
 * The chart's decision template ({@code _decided.tpl}) stores each collector's toggle as {@code
 * $d.c<i>} and each named decision as {@code $d.<name>}; every other template reads only those.
 * Trivial parts are folded when built, so a grant that never depends on a toggle renders without
 * a condition.
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
    Set<ChartCondition> kept = new LinkedHashSet<>();
    for (ChartCondition c : parts) {
      if (c == TRUE) {
        return TRUE;
      }
      if (c instanceof Or or) {
        kept.addAll(or.parts());
      } else if (c != FALSE) {
        kept.add(c);
      }
    }
    return kept.isEmpty() ? FALSE : kept.size() == 1 ? kept.iterator().next() : new Or(List.copyOf(kept));
  }

  static ChartCondition or(ChartCondition... parts) {
    return or(List.of(parts));
  }

  static ChartCondition and(ChartCondition... parts) {
    Set<ChartCondition> kept = new LinkedHashSet<>();
    for (ChartCondition c : parts) {
      if (c == FALSE) {
        return FALSE;
      }
      if (c instanceof And and) {
        kept.addAll(and.parts());
      } else if (c != TRUE) {
        kept.add(c);
      }
    }
    return kept.isEmpty() ? TRUE : kept.size() == 1 ? kept.iterator().next() : new And(List.copyOf(kept));
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

  // equals and hashCode are written out in these records: conditions are deduplicated in hash
  // sets, and a record's generated methods cost tens of milliseconds to bootstrap on first use in
  // a fresh JVM (ColdPathLinkageTest in the cli module holds the cold path free of them).

  record Constant(boolean value) implements ChartCondition {
    @Override
    public String go() {
      return String.valueOf(value);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Constant c && c.value == value;
    }

    @Override
    public int hashCode() {
      return Boolean.hashCode(value);
    }
  }

  record Leaf(String expression) implements ChartCondition {
    @Override
    public String go() {
      return expression;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Leaf l && l.expression.equals(expression);
    }

    @Override
    public int hashCode() {
      return expression.hashCode();
    }
  }

  record Or(List<ChartCondition> parts) implements ChartCondition {
    @Override
    public String go() {
      return call("or", parts);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Or or && or.parts.equals(parts);
    }

    @Override
    public int hashCode() {
      return 31 * parts.hashCode() + 1;
    }
  }

  record And(List<ChartCondition> parts) implements ChartCondition {
    @Override
    public String go() {
      return call("and", parts);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof And and && and.parts.equals(parts);
    }

    @Override
    public int hashCode() {
      return 31 * parts.hashCode() + 2;
    }
  }

  record Not(ChartCondition inner) implements ChartCondition {
    @Override
    public String go() {
      return "(not " + inner.go() + ")";
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Not n && n.inner.equals(inner);
    }

    @Override
    public int hashCode() {
      return 31 * inner.hashCode() + 3;
    }
  }

  private static String call(String function, List<ChartCondition> parts) {
    List<String> args = new ArrayList<>();
    parts.forEach(p -> args.add(p.go()));
    return "(" + function + " " + String.join(" ", args) + ")";
  }
}
