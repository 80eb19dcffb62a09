package dev.privileges.engine;

import dev.privileges.engine.grant.Resolver;
import dev.privileges.engine.statement.StatementRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


/** The statement's wording can be replaced: intro and closing text, or a whole Mustache template. */
class StatementTemplateTest {

  @TempDir
  Path dir;

  private static String render(GenerationOptions options) {
    return new StatementRenderer().render(new Resolver().resolve(DataKitLikeBundles.ebpfAndHostProcesses(), options));
  }

  @Test
  void introAndClosing_replaceTheDefaultParagraphs() {
    String md = render(DataKitLikeBundles.STATEMENT_OPTIONS.toBuilder()
        .statementIntro("Our agent, *our* words.").statementClosing("Questions? Ask the platform team.").build());

    assertThat(md).startsWith("# Node Agent Security Statement\n\nOur agent, *our* words.\n\n")
        .endsWith("## Before you deploy {#before-you-deploy}\n\nQuestions? Ask the platform team.\n")
        .doesNotContain("runs one pod on every node");
  }

  @Test
  void userTemplate_seesTheModelAndEscapesPlainValues() throws IOException {
    Path template = dir.resolve("statement.mustache");
    Files.writeString(template, "# {{product}} privileges\r\n\r\n{{#podLevel}}\r\n"
        + "## {{{fieldMd}}} {#{{anchor}}}\r\n\r\n{{#needs}}\r\n- {{feature}}: {{reason}}\r\n{{/needs}}\r\n\r\n{{/podLevel}}\r\n");

    String md = render(DataKitLikeBundles.STATEMENT_OPTIONS.toBuilder().productName("Agent_X").statementTemplate(template.toString()).build());

    assertThat(md).isEqualTo("# Agent\\_X privileges\n\n"
        + "## `hostPID: true` {#host-pid}\n\n"
        + "- eBPF Monitoring: ebpf-net needs HOST\\_PID.\n- Host Process Metrics: host\\_processes needs HOST\\_PID.\n\n"
        + "## `hostNetwork: true` {#host-network}\n\n"
        + "- eBPF Monitoring: ebpf-net needs HOST\\_NETWORK.\n");
  }

  @Test
  void missingTemplate_namesTheParameterAndTheFix() {
    String missing = dir.resolve("nope.mustache").toString();

    assertThatThrownBy(() -> render(DataKitLikeBundles.STATEMENT_OPTIONS.toBuilder().statementTemplate(missing).build()))
        .isInstanceOf(EngineException.class)
        .hasMessage("statementTemplate '" + missing + "' is not a readable file: point it at a Mustache"
            + " template (start from the default, see docs/security-statement.md), or remove the parameter"
            + " to use the default template");
  }

  @Test
  void brokenTemplate_namesTheParameterAndTheFix() throws IOException {
    Path template = dir.resolve("broken.mustache");
    Files.writeString(template, "# {{product}}\n{{#podLevel}}\nnever closed\n");

    assertThatThrownBy(() -> render(DataKitLikeBundles.STATEMENT_OPTIONS.toBuilder().statementTemplate(template.toString()).build()))
        .isInstanceOf(EngineException.class)
        .hasMessageStartingWith("statementTemplate '" + template + "' is not a valid Mustache template (")
        .hasMessageEndingWith("): fix the template, or remove the parameter to use the default one");
  }
}
