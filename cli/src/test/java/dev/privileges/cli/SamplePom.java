package dev.privileges.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The sample's plugin configuration ({@code sample-collector/pom.xml}), turned into the CLI's
 * options: each element becomes the option of the same name ({@code <baseTemplate>} is
 * {@code --base-template}), so the parity test cannot drift from the pom.
 */
final class SamplePom {

  static final Path SAMPLE = Path.of("..", "sample-collector");
  private static final Set<String> FILES = Set.of("baseTemplate", "lockFile", "outputDirectory");

  /** Per execution id, its effective configuration (plugin level, then execution level). */
  static Map<String, Map<String, String>> executions() throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    var doc = factory.newDocumentBuilder().parse(SAMPLE.resolve("pom.xml").toFile());
    Element plugin = null;
    var plugins = doc.getElementsByTagName("plugin");
    for (int i = 0; i < plugins.getLength(); i++) {
      Element p = (Element) plugins.item(i);
      if (text(child(p, "artifactId")).equals("privileges-maven-plugin") && p.getParentNode().getParentNode().getNodeName().equals("build")) {
        plugin = p;
      }
    }
    Map<String, String> shared = configuration(child(plugin, "configuration"));
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (Element execution : children(child(plugin, "executions"))) {
      Map<String, String> config = new LinkedHashMap<>(shared);
      config.putAll(configuration(child(execution, "configuration")));
      out.put(text(child(execution, "id")), config);
    }
    return out;
  }

  /** The sample's own version, Maven's default chart version. */
  static String version() throws Exception {
    var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(SAMPLE.resolve("pom.xml").toFile());
    Element project = doc.getDocumentElement();
    Element own = child(project, "version");
    return text(own == null ? child(child(project, "parent"), "version") : own);
  }

  /** The options for {@code config}, less the ones in {@code leaveOut}; files resolved in the sample. */
  static List<String> options(Map<String, String> config, Set<String> leaveOut) {
    List<String> args = new ArrayList<>();
    config.forEach((name, value) -> {
      if (!leaveOut.contains(name)) {
        String v = value.replace("${project.basedir}/", "");
        args.add("--" + kebab(name));
        args.add(FILES.contains(name) ? SAMPLE.resolve(v).toString() : v);
      }
    });
    return args;
  }

  static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  private static Map<String, String> configuration(Element config) {
    Map<String, String> out = new LinkedHashMap<>();
    if (config != null) {
      for (Element e : children(config)) {
        List<Element> items = children(e);
        out.put(e.getTagName(), items.isEmpty() ? text(e)
            : String.join(",", items.stream().map(SamplePom::text).toList()));
      }
    }
    return out;
  }

  private static Element child(Element parent, String name) {
    return children(parent).stream().filter(e -> e.getTagName().equals(name)).findFirst().orElse(null);
  }

  private static List<Element> children(Element parent) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent == null ? null : parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        out.add(e);
      }
    }
    return out;
  }

  private static String text(Element e) {
    return e == null ? "" : e.getTextContent().trim();
  }

  /** The sample's jar (or classes folder) from the test class path. */
  static Path jar() {
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path p = Path.of(entry);
      if (p.toString().replace('\\', '/').contains("sample-collector") && Files.exists(p)) {
        return p;
      }
    }
    throw new AssertionError("sample-collector is not on the test class path");
  }

  private SamplePom() {}
}
