package dev.privileges.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.privileges.processor.Compilers.source;

import com.google.testing.compile.Compilation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;

/** A bug inside the processor becomes one compile error with its cause, not a javac crash. */
class InternalErrorTest {

  /** Runs {@link CollectorProcessor} with a Filer that fails the way a bug would. */
  static final class BrokenFilerProcessor extends AbstractProcessor {
    private final CollectorProcessor delegate = new CollectorProcessor();

    @Override
    public synchronized void init(ProcessingEnvironment env) {
      super.init(env);
      Filer broken = (Filer) Proxy.newProxyInstance(getClass().getClassLoader(),
          new Class<?>[] {Filer.class}, (proxy, method, args) -> {
            if (method.getName().startsWith("create")) {
              throw new IllegalStateException("simulated bug in " + method.getName());
            }
            try {
              return method.invoke(env.getFiler(), args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
      delegate.init((ProcessingEnvironment) Proxy.newProxyInstance(getClass().getClassLoader(),
          new Class<?>[] {ProcessingEnvironment.class}, (proxy, method, args) -> method.getName()
              .equals("getFiler") ? broken : method.invoke(env, args)));
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return delegate.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return delegate.getSupportedSourceVersion();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      return delegate.process(annotations, round);
    }
  }

  @Test
  void exceptionInsideTheProcessor_becomesOneErrorWithItsCause() {
    Compilation c = javac().withProcessors(new BrokenFilerProcessor()).compile(source("Cpu",
        "@Collector(name = \"cpu\", feature = \"Host Basic Metrics\")",
        "@RequiresNoPrivileges(reason = \"Reads cgroup files.\")",
        "public class Cpu {}"));
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[InternalError] privileges-processor failed:"
        + " java.lang.IllegalStateException: simulated bug in createResource");
    assertThat(c).hadErrorCount(1);
  }
}
