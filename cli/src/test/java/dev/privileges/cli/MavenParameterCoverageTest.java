package dev.privileges.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import picocli.CommandLine;

/**
 * Every parameter of the Maven goals has the CLI option of the same name, read from the plugin's
 * own descriptor ({@code META-INF/maven/plugin.xml}), so a new Maven parameter without an option
 * fails here.
 */
class MavenParameterCoverageTest {

  /** Parameters that only mean something to Maven: publishing artifacts into the repository. */
  private static final Map<String, String> MAVEN_ONLY = Map.of(
      "attach", "the CLI writes files; there is no project to attach them to",
      "classifier", "classifiers name attached Maven artifacts");

  @ParameterizedTest(name = "{0}")
  @CsvSource({"generate", "check", "lock"})
  void everyMavenParameter_hasAnOption(String goal) throws Exception {
    CommandLine command = new CommandLine(new PrivilegesCli()).getSubcommands().get(goal);
    List<String> missing = new ArrayList<>();
    for (String parameter : editableParameters(goal)) {
      if (!MAVEN_ONLY.containsKey(parameter) && command.getCommandSpec().findOption("--" + SamplePom.kebab(parameter)) == null) {
        missing.add(parameter + " (--" + SamplePom.kebab(parameter) + ")");
      }
    }
    assertThat(missing).as("Maven parameters of %s without a CLI option", goal).isEmpty();
  }

  private static List<String> editableParameters(String goal) throws Exception {
    try (InputStream in = MavenParameterCoverageTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
      assertThat(in).as("the plugin descriptor on the test class path").isNotNull();
      var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
      NodeList mojos = doc.getElementsByTagName("mojo");
      for (int i = 0; i < mojos.getLength(); i++) {
        Element mojo = (Element) mojos.item(i);
        if (mojo.getElementsByTagName("goal").item(0).getTextContent().equals(goal)) {
          List<String> out = new ArrayList<>();
          NodeList parameters = ((Element) mojo.getElementsByTagName("parameters").item(0)).getElementsByTagName("parameter");
          for (int j = 0; j < parameters.getLength(); j++) {
            Element p = (Element) parameters.item(j);
            if (p.getElementsByTagName("editable").item(0).getTextContent().equals("true")) {
              out.add(p.getElementsByTagName("name").item(0).getTextContent());
            }
          }
          assertThat(out).isNotEmpty();
          return out;
        }
      }
    }
    throw new AssertionError("goal " + goal + " is not in the plugin descriptor");
  }

}
