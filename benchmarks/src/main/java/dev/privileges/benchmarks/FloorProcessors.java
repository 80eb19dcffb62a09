package dev.privileges.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * Processors that do no work of their own, to measure what javac's annotation processing costs
 * by itself on the same sources: the floor under any processor. With at least one processor,
 * javac scans every element for annotations in every round and enters every class again for
 * each new round; a processor that generates a source file causes one more round.
 */
final class FloorProcessors {

  private FloorProcessors() {}

  /** Claims the collector annotations and does nothing: the floor of any processor. */
  static class Empty extends AbstractProcessor {
    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("dev.privileges.annotations.*", "javax.annotation.processing.Generated");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      return true;
    }
  }

  /**
   * Like {@link Empty}, but writes one tiny source file in the first round, as a processor that
   * generates code (our registry) must: the floor of such a processor.
   */
  static final class OneSource extends Empty {
    private boolean written;

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!written) {
        written = true;
        try (Writer w = processingEnv.getFiler().createSourceFile("floor.Generated").openWriter()) {
          w.write("package floor;\n\npublic final class Generated {}\n");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return true;
    }
  }
}
