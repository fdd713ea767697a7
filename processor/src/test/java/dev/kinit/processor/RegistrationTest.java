package dev.kinit.processor;

import static dev.kinit.processor.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How build tools find the processors. */
class RegistrationTest {

  @Test
  void javacFindsBothProcessors() throws IOException {
    assertEquals(
        Set.of(LocalClassChecker.class.getName(), KaimingInitProcessor.class.getName()),
        Set.copyOf(lines("META-INF/services/javax.annotation.processing.Processor")));
  }

  /**
   * Whichever order a build tool loads them in, an annotation in a local class is reported once:
   * alone in a compilation (javac then counts no kinit annotation as present), and beside a valid
   * layer, whose annotation the main processor claims.
   */
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void localClassesAreCheckedOnceInEitherOrder(boolean checkerFirst) {
    JavaFileObject local =
        source(
            "layers.Local",
            "package layers;",
            "import dev.kinit.KaimingInit;",
            "class Local {",
            "  void build() {",
            "    class Hidden { @KaimingInit float[][] weight = new float[2][2]; }",
            "  }",
            "}");
    JavaFileObject valid =
        source(
            "layers.Valid",
            "package layers;",
            "import dev.kinit.KaimingInit;",
            "class Valid { @KaimingInit float[][] weight = new float[2][2]; }");
    for (List<JavaFileObject> sources : List.of(List.of(local), List.of(local, valid))) {
      Processor checker = new LocalClassChecker();
      Processor main = new KaimingInitProcessor();
      Compilation compilation =
          Compiler.javac()
              .withProcessors(checkerFirst ? List.of(checker, main) : List.of(main, checker))
              .withOptions("-Xlint:all")
              .compile(sources);
      assertEquals(
          1,
          compilation.errors().stream()
              .filter(e -> e.getMessage(null).startsWith("[kinit.unreachable-class] field weight"))
              .count(),
          () -> compilation.diagnostics().toString());
      assertEquals(1, compilation.errors().size(), () -> compilation.diagnostics().toString());
    }
  }

  @Test
  void bothProcessorsAreIsolatingForGradle() throws IOException {
    assertEquals(
        List.of(
            LocalClassChecker.class.getName() + ",isolating",
            KaimingInitProcessor.class.getName() + ",isolating"),
        lines("META-INF/gradle/incremental.annotation.processors"));
  }

  private static List<String> lines(String resource) throws IOException {
    try (InputStream in =
        KaimingInitProcessor.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new AssertionError("missing " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .toList();
    }
  }
}
