package dev.privileges.metadata;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where each value of a metadata file is written, so that a rule broken after parsing can name
 * its line. Fields are named as the rules name them: {@code hostPaths[2].reason}.
 *
 * <p>The rules see the requirement arrays sorted (that is the canonical form), so an index in a
 * finding is not the index in the file; {@link #fileIndex} finds the file's entry that holds the
 * same values.
 */
public final class JsonLines {

  private static final JsonFactory FACTORY = new JsonFactory();

  /** Line of each value, by field path ({@code name}, {@code hostPaths[0]}, {@code hostPaths[0].path}). */
  private final Map<String, Integer> lines = new HashMap<>();
  /** The scalar values of each array entry in file order, by array name. */
  private final Map<String, List<Map<String, String>>> entries = new HashMap<>();

  private JsonLines() {}

  /** The lines of {@code json}; empty if it does not parse (the parser reports that itself). */
  public static JsonLines of(String json) {
    JsonLines out = new JsonLines();
    try (JsonParser p = FACTORY.createParser(json)) {
      List<String> path = new ArrayList<>();
      List<Integer> indexes = new ArrayList<>();
      String pendingKey = null;
      for (JsonToken t; (t = p.nextToken()) != null; ) {
        int line = p.currentTokenLocation().getLineNr();
        switch (t) {
          case FIELD_NAME -> pendingKey = p.currentName();
          case START_OBJECT, START_ARRAY -> {
            String here = out.enter(path, indexes, pendingKey, line);
            path.add(here);
            indexes.add(t == JsonToken.START_ARRAY ? 0 : -1);
            pendingKey = null;
            if (t == JsonToken.START_OBJECT && path.size() == 3) {
              out.entries.computeIfAbsent(path.get(1), k -> new ArrayList<>()).add(new TreeMap<>());
            }
          }
          case END_OBJECT, END_ARRAY -> {
            path.remove(path.size() - 1);
            indexes.remove(indexes.size() - 1);
            out.advance(indexes);
          }
          default -> {
            String here = out.enter(path, indexes, pendingKey, line);
            if (path.size() == 3 && pendingKey != null) {
              List<Map<String, String>> list = out.entries.get(path.get(1));
              list.get(list.size() - 1).merge(pendingKey, p.getText(), (a, b) -> a + "," + b);
            } else if (path.size() == 4) {
              // an element of a list inside an entry, such as verbs
              List<Map<String, String>> list = out.entries.get(path.get(1));
              String key = here.substring(here.lastIndexOf('.') + 1, here.lastIndexOf('['));
              list.get(list.size() - 1).merge(key, p.getText(), (a, b) -> a + "," + b);
            }
            pendingKey = null;
            out.advance(indexes);
          }
        }
      }
    } catch (IOException e) {
      // keep what was read
    }
    return out;
  }

  /** Records the line of the value at {@code key} (or the next array element) below {@code path}. */
  private String enter(List<String> path, List<Integer> indexes, String key, int line) {
    String parent = path.isEmpty() ? "" : path.get(path.size() - 1);
    String here;
    if (key != null) {
      here = parent.isEmpty() ? key : parent + "." + key;
    } else if (!indexes.isEmpty() && indexes.get(indexes.size() - 1) >= 0) {
      here = parent + "[" + indexes.get(indexes.size() - 1) + "]";
    } else {
      here = parent;
    }
    lines.putIfAbsent(here, line);
    return here;
  }

  private static void advance(List<Integer> indexes) {
    int last = indexes.size() - 1;
    if (last >= 0 && indexes.get(last) >= 0) {
      indexes.set(last, indexes.get(last) + 1);
    }
  }

  /**
   * The line of {@code field} (as a finding names it, indexes in the file's order), or of the
   * nearest enclosing value that is written; 0 if none is.
   */
  public int line(String field) {
    for (String f = field; !f.isEmpty(); f = parent(f)) {
      Integer line = lines.get(f);
      if (line != null) {
        return line;
      }
    }
    return 0;
  }

  private static String parent(String field) {
    int cut = Math.max(field.lastIndexOf('.'), field.lastIndexOf('['));
    return cut < 0 ? "" : field.substring(0, cut);
  }

  /**
   * The index in the file of the entry of {@code array} whose values best match {@code values}
   * (field to text, lists joined with {@code ,}), skipping indexes in {@code taken}; -1 if the
   * file has no such array.
   */
  public int fileIndex(String array, Map<String, String> values, java.util.Set<Integer> taken) {
    List<Map<String, String>> list = entries.getOrDefault(array, List.of());
    int best = -1;
    int bestScore = -1;
    for (int j = 0; j < list.size(); j++) {
      if (taken.contains(j)) {
        continue;
      }
      int score = 0;
      for (Map.Entry<String, String> v : values.entrySet()) {
        if (v.getValue().equals(list.get(j).get(v.getKey()))) {
          score++;
        }
      }
      if (score > bestScore) {
        best = j;
        bestScore = score;
      }
    }
    return best;
  }
}
