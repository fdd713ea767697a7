package dev.kinit.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The checked-in kapt stubs ({@link KaptStubs}) are those kapt writes today for their Kotlin
 * inputs, character for character: a new Kotlin version that changes the stubs or their metadata
 * fails here, and {@code -Dkinit.updateKaptStubs=true} rewrites them (review the diff). Tagged
 * {@code kotlin}: it runs kapt.
 */
@Tag("kotlin")
class KaptStubsTest {

  private static final boolean UPDATE = Boolean.getBoolean("kinit.updateKaptStubs");
  private static final Path CHECKED_IN = Path.of("src/test/resources/kapt-stubs");

  @ParameterizedTest(name = "{0}")
  @FieldSource("dev.kinit.processor.KaptStubs#INPUTS")
  void checkedInStubsAreKaptsStubs(String input) throws IOException {
    Map<String, String> generated = generated(input);
    if (UPDATE) {
      Path directory = CHECKED_IN.resolve(input);
      if (Files.exists(directory)) {
        try (Stream<Path> old = Files.walk(directory)) {
          for (Path file : old.filter(Files::isRegularFile).toList()) {
            Files.delete(file);
          }
        }
      }
      for (Map.Entry<String, String> stub : generated.entrySet()) {
        Path file = directory.resolve(stub.getKey());
        Files.createDirectories(file.getParent());
        Files.writeString(file, stub.getValue());
      }
      return;
    }
    Map<String, String> checkedIn = KaptStubs.checkedIn(input);
    assertEquals(generated.keySet(), checkedIn.keySet(), "the stub files");
    generated.forEach(
        (path, text) ->
            assertEquals(sameOnEveryJdk(text), sameOnEveryJdk(checkedIn.get(path)), path));
  }

  /**
   * The stub with {@code \'} written {@code '}: kapt prints a string constant through the JDK's own
   * printer, which escapes a single quote on JDK 25 and not on JDK 17 (in {@code d1}); the string
   * is the same.
   */
  private static String sameOnEveryJdk(String stub) {
    return stub.replace("\\'", "'");
  }

  /**
   * The Java stubs kapt wrote for {@code input}, by path under its stub directory. Its {@code
   * .kapt_metadata} files (which map stub positions to Kotlin lines) are left out: binary, and not
   * the same from one run to the next.
   */
  private static Map<String, String> generated(String input) throws IOException {
    Map<String, String> stubs = new TreeMap<>();
    for (File file :
        KotlinInputs.compile(KotlinProcessing.KAPT, input).result().getGeneratedStubFiles()) {
      Path path = file.toPath();
      if (path.getFileName().toString().endsWith(".java")) {
        stubs.put(underStubs(path), Files.readString(path));
      }
    }
    return stubs;
  }

  /** {@code layers/Mangled.java} of {@code …/kapt/stubs/layers/Mangled.java}. */
  private static String underStubs(Path path) {
    for (int i = path.getNameCount() - 2; i > 0; i--) {
      if (path.getName(i).toString().equals("stubs")
          && path.getName(i - 1).toString().equals("kapt")) {
        return path.subpath(i + 1, path.getNameCount()).toString().replace('\\', '/');
      }
    }
    throw new AssertionError("not a kapt stub: " + path);
  }
}
