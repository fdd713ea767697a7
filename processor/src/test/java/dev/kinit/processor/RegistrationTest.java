package dev.kinit.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How build tools find the processors. */
class RegistrationTest {

  @Test
  void hiddenFieldCheckerIsLoadedBeforeTheProcessorThatClaimsTheAnnotation() throws IOException {
    // javac asks processors in this order; the checker must see each round before the claim.
    assertEquals(
        List.of(HiddenFieldChecker.class.getName(), KaimingInitProcessor.class.getName()),
        lines("META-INF/services/javax.annotation.processing.Processor"));
  }

  @Test
  void bothProcessorsAreIsolatingForGradle() throws IOException {
    assertEquals(
        List.of(
            HiddenFieldChecker.class.getName() + ",isolating",
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
