package dev.privileges.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.privileges.annotations.Privilege;
import dev.privileges.engine.TestBundles;
import dev.privileges.metadata.CollectorMetadata;
import dev.privileges.metadata.MetadataCodec;
import dev.privileges.metadata.MetadataLocations;
import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.project.MavenProject;
import org.apache.maven.reporting.MavenReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** privileges:report gives the site the statement as HTML, anchors and tables included. */
class StatementReportMojoTest {

  @TempDir
  Path dir;

  private ReportMojo mojo() throws Exception {
    Path classes = dir.resolve("classes");
    for (CollectorMetadata c : List.of(
        TestBundles.collector("host_processes").feature("Host Process Metrics").privilege(Privilege.HOST_PID).build(),
        TestBundles.collector("dk").feature("Agent <Self>").nothing().build())) {
      Path file = classes.resolve(MetadataLocations.resourceFor(c.name()));
      Files.createDirectories(file.getParent());
      Files.writeString(file, MetadataCodec.write(c));
      Path type = classes.resolve(c.source().replace('.', '/') + ".class"); // metadata of deleted classes is ignored
      Files.createDirectories(type.getParent());
      Files.write(type, new byte[0]);
    }
    ReportMojo mojo = new ReportMojo();
    set(mojo, "project", new MavenProject());
    set(mojo, "classesDirectory", classes.toFile());
    set(mojo, "reportOutputDirectory", dir.resolve("site").toFile());
    set(mojo, "name", "agent");
    set(mojo, "namespace", "monitoring");
    set(mojo, "image", "agent:1");
    set(mojo, "nonRootUid", 10001L);
    set(mojo, "enabledInputsEnv", "ENV_DEFAULT_ENABLED_INPUTS");
    set(mojo, "portExposure", "HOST_PORT");
    set(mojo, "oldestKernel", "5.8");
    set(mojo, "productName", "Agent");
    return mojo;
  }

  private static void set(Object target, String field, Object value) throws Exception {
    Field f;
    try {
      f = ReportMojo.class.getDeclaredField(field);
    } catch (NoSuchFieldException e) {
      f = AbstractPrivilegesMojo.class.getDeclaredField(field);
    }
    f.setAccessible(true);
    f.set(target, value);
  }

  @Test
  void siteReport_rendersTheStatementIntoTheSink() throws Exception {
    List<String> events = new ArrayList<>();
    Sink sink = (Sink) Proxy.newProxyInstance(Sink.class.getClassLoader(), new Class<?>[] {Sink.class},
        (proxy, method, args) -> {
          events.add(method.getName() + (args == null ? "" : ":" + args[0]));
          return null;
        });

    MavenReport report = mojo();
    report.generate(sink, Locale.ROOT);

    assertThat(report.getOutputName()).isEqualTo("privileges-statement");
    assertThat(events).startsWith("head", "title", "text:Security statement", "title_", "head_", "body");
    String html = events.stream().filter(e -> e.startsWith("rawText:")).findFirst().orElseThrow();
    assertThat(html)
        .contains("<h1>Agent Security Statement</h1>")
        .contains("<h2 id=\"privilege-details\">Privilege details</h2>")
        .contains("<h4 id=\"host-pid\"><code>hostPID: true</code></h4>")
        .contains("<a href=\"#host-pid\"><code>hostPID: true</code></a>")
        .contains("<table>")
        .contains("Agent &lt;Self&gt;")
        .doesNotContain("{#");
  }

  @Test
  void siteReport_embedsTheDiagramAndBreaksTableCellLines() throws Exception {
    String html = mojo().html();

    assertThat(html).contains("<span class=\"privileges-diagram\" style=\"display:block;max-width:100%\">"
            + "<svg style=\"max-width:100%;height:auto\" xmlns=\"http://www.w3.org/2000/svg\"")
        .contains("<text x=\"10\" y=\"")
        .doesNotContain("<img src=\"privileges-diagram.svg\"")
        .contains("<td align=\"left\">Set <code>hostPID: false</code><br />")
        .doesNotContain("&lt;br&gt;");
  }

  @Test
  void standalone_writesAPlainHtmlPageIntoTheSiteFolder() throws Exception {
    mojo().execute();

    File page = dir.resolve("site/privileges-statement.html").toFile();
    assertThat(Files.readString(page.toPath())).startsWith("<!DOCTYPE html>")
        .contains("<title>Security statement</title>", "<h1>Agent Security Statement</h1>");
  }
}
