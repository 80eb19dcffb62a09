package dev.privileges.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The catalogue of error codes, the docs that list it, and the code that raises them agree. */
class ErrorCodeCatalogueTest {

  private static final Set<String> CATALOGUE =
      Arrays.stream(ErrorCode.values()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));

  @Test
  void docs_listExactlyTheCatalogue() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "error-codes.md"), StandardCharsets.UTF_8);
    Set<String> listed = new TreeSet<>();
    Matcher m = Pattern.compile("(?m)^\\| `([A-Za-z]+)` \\|").matcher(doc);
    while (m.find()) {
      listed.add(m.group(1));
    }
    assertThat(listed).isEqualTo(CATALOGUE);
  }

  /** A code spelled in the metadata or processor sources but missing here would be undocumented. */
  @Test
  void everyCodeRaised_isInTheCatalogue() throws IOException {
    Pattern raised = Pattern.compile("(?:new Violation\\(|fail\\(\\s*)\"([A-Z][A-Za-z]+)\"|\"\\[([A-Z][A-Za-z]+)\\]");
    Set<String> found = new TreeSet<>();
    for (Path root : new Path[] {Path.of("src", "main"), Path.of("..", "processor", "src", "main")}) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          Matcher m = raised.matcher(Files.readString(f, StandardCharsets.UTF_8));
          while (m.find()) {
            found.add(m.group(1) != null ? m.group(1) : m.group(2));
          }
        }
      }
    }
    assertThat(found).isNotEmpty();
    assertThat(CATALOGUE).containsAll(found);
  }
}
