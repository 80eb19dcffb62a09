package dev.privileges.engine.statement;

import dev.privileges.engine.statement.PrivilegeRisk.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The features-to-privileges picture as a static SVG: drawn at build time, so it shows on a
 * closed site, in a Maven site page or on GitHub without JavaScript or network, and byte for byte
 * the same on every run. Features sit on the left, granted items on the right, coloured by
 * severity; each feature's lines have their own colour so a reader can follow them. Text from
 * collectors is escaped for XML; long labels are shortened on screen and kept whole in a
 * {@code <title>} tooltip.
 *
 * <p>The size is chosen for a content column of about 800 px (what MkDocs Material and the Maven
 * site give a page in a 1280 px window), so 13 px text stays 13 px.
 */
public final class SvgDiagram {

  /**
   * One granted item as the diagram shows it.
   *
   * @param label the Kubernetes field and value
   * @param severity its risk
   * @param features the features that need it
   */
  public record Item(String label, Severity severity, List<String> features) {}

  static final int WIDTH = 800;
  private static final int ROW = 24;
  private static final int BOX = 18;
  private static final int TOP = 44;
  private static final int FEATURE_WIDTH = 220;
  private static final int ITEM_X = 470;
  private static final int FEATURE_CHARS = 28;
  private static final int ITEM_CHARS = 42;
  /** Line colours, one per feature in turn; dark enough on white, told apart by hue. */
  private static final List<String> PALETTE = List.of("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b",
      "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#ff7f0e", "#393b79", "#637939");

  private SvgDiagram() {}

  /** The SVG document; when nothing is granted, a picture that says so. */
  public static String render(List<Item> items) {
    if (items.isEmpty()) {
      return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + WIDTH + "\" height=\"40\" viewBox=\"0 0 "
          + WIDTH + " 40\" role=\"img\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"13\">\n"
          + "<title>Features and the privileges they need</title>\n"
          + "<text x=\"8\" y=\"24\">No feature needs a privilege: the DaemonSet grants none.</text>\n</svg>\n";
    }
    Map<String, Integer> features = new TreeMap<>();
    for (Item i : items) {
      for (String f : i.features()) {
        features.put(f, 0);
      }
    }
    int index = 0;
    for (Map.Entry<String, Integer> e : features.entrySet()) {
      e.setValue(index++);
    }
    int rows = Math.max(items.size(), features.size());
    int height = TOP + rows * ROW + 12;
    StringBuilder out = new StringBuilder(4096 + items.size() * 400);
    out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
        .append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
        .append("\" role=\"img\" aria-labelledby=\"diagram-title\" font-family=\"Helvetica, Arial, sans-serif\""
            + " font-size=\"13\">\n");
    out.append("<title id=\"diagram-title\">Features and the privileges they need</title>\n");
    out.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    legend(out);
    List<String> edges = new ArrayList<>();
    List<String> nodes = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      int y = TOP + i * ROW + (rows - items.size()) * ROW / 2;
      nodes.add(itemNode(item, y));
      for (String f : item.features()) {
        int fi = features.get(f);
        int fy = featureY(fi, features.size(), rows);
        edges.add(edge(fy + BOX / 2, y + BOX / 2, PALETTE.get(fi % PALETTE.size())));
      }
    }
    out.append("<g fill=\"none\" stroke-width=\"1.5\" stroke-opacity=\"0.7\">\n");
    for (String edge : edges) {
      out.append(edge);
    }
    out.append("</g>\n");
    for (Map.Entry<String, Integer> e : features.entrySet()) {
      int fi = e.getValue();
      out.append(featureNode(e.getKey(), featureY(fi, features.size(), rows), PALETTE.get(fi % PALETTE.size())));
    }
    for (String node : nodes) {
      out.append(node);
    }
    out.append("</svg>\n");
    return out.toString();
  }

  /** Features spread over the whole height, so their lines fan out instead of bunching. */
  private static int featureY(int index, int count, int rows) {
    int step = rows * ROW / count;
    return TOP + index * step + (step - ROW) / 2;
  }

  private static void legend(StringBuilder out) {
    out.append("<text x=\"8\" y=\"18\" font-weight=\"bold\">Feature</text>\n");
    out.append("<text x=\"").append(ITEM_X).append("\" y=\"18\" font-weight=\"bold\">Granted item (risk)</text>\n");
    int x = ITEM_X;
    for (Severity s : Severity.values()) {
      out.append("<rect x=\"").append(x).append("\" y=\"25\" width=\"12\" height=\"12\" rx=\"2\" fill=\"")
          .append(fill(s)).append("\" stroke=\"").append(stroke(s)).append("\"/>\n");
      out.append("<text x=\"").append(x + 16).append("\" y=\"35\" font-size=\"12\">").append(s.label())
          .append("</text>\n");
      x += 80;
    }
  }

  private static String featureNode(String feature, int y, String colour) {
    return "<g><title>" + xml(feature) + "</title><rect x=\"4\" y=\"" + y + "\" width=\"" + FEATURE_WIDTH
        + "\" height=\"" + BOX + "\" rx=\"4\" fill=\"#f4f6f8\" stroke=\"" + colour + "\"/><text x=\"10\" y=\""
        + (y + 13) + "\">" + xml(shorten(feature, FEATURE_CHARS)) + "</text></g>\n";
  }

  private static String itemNode(Item item, int y) {
    Severity s = item.severity();
    return "<g><title>" + xml(item.label()) + " (" + s.label() + " risk)</title><rect x=\"" + ITEM_X + "\" y=\""
        + y + "\" width=\"" + (WIDTH - ITEM_X - 4) + "\" height=\"" + BOX + "\" rx=\"4\" fill=\"" + fill(s)
        + "\" stroke=\"" + stroke(s) + "\"/><text x=\"" + (ITEM_X + 6) + "\" y=\"" + (y + 13)
        + "\" font-family=\"Menlo, Consolas, monospace\" font-size=\"12\">" + xml(shorten(item.label(), ITEM_CHARS))
        + "</text></g>\n";
  }

  private static String edge(int fromY, int toY, String colour) {
    int x1 = FEATURE_WIDTH + 4;
    int x2 = ITEM_X;
    int mid = (x1 + x2) / 2;
    return "<path d=\"M" + x1 + " " + fromY + " C" + mid + " " + fromY + " " + mid + " " + toY + " " + x2 + " "
        + toY + "\" stroke=\"" + colour + "\"/>\n";
  }

  private static String fill(Severity s) {
    return switch (s) {
      case HIGH -> "#fde0dd";
      case MEDIUM -> "#fff1c9";
      case LOW -> "#e3f2e6";
    };
  }

  private static String stroke(Severity s) {
    return switch (s) {
      case HIGH -> "#b42318";
      case MEDIUM -> "#a16207";
      case LOW -> "#2f7d4a";
    };
  }

  /** At most {@code max} characters (code points), the last one an ellipsis when cut; one line. */
  static String shorten(String text, int max) {
    String flat = text.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ').replace('\t', ' ');
    if (flat.codePointCount(0, flat.length()) <= max) {
      return flat;
    }
    return flat.substring(0, flat.offsetByCodePoints(0, max - 1)).stripTrailing() + "\u2026";
  }

  /** Text and attribute escaping for XML; characters XML 1.0 cannot carry become U+FFFD. */
  static String xml(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int at = 0; at < text.length(); ) {
      int cp = text.codePointAt(at);
      at += Character.charCount(cp);
      switch (cp) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          boolean allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
              || (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000;
          out.appendCodePoint(allowed ? cp : 0xFFFD);
        }
      }
    }
    return out.toString();
  }
}
