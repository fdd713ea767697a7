package dev.kinit.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@link Readme} finds the examples, and that a damaged marker is an error, not a skip. */
class ReadmeMarkersTest {

  @TempDir Path directory;

  private Readme read(String... lines) throws IOException {
    Path readme = directory.resolve("README.md");
    Files.write(readme, List.of(lines));
    return Readme.read(readme);
  }

  @Test
  void collectsFilesAndRunsWithTheirOutput() throws IOException {
    Readme readme =
        read(
            "Intro mentioning `<!-- readme-test: file x/y -->` in prose.",
            "<!-- readme-test: file demo/src/A.java -->",
            "```java",
            "class A {}",
            "```",
            "<!-- readme-test: run demo -->",
            "```bash",
            "mvn -q compile",
            "```",
            "prints",
            "<!-- readme-test: output demo -->",
            "```text",
            "hello",
            "```",
            "<!-- readme-test: generated demo/target/B.java -->",
            "```java",
            "class B {}",
            "```");
    Readme.Example demo = readme.examples().get("demo");
    assertEquals(Map.of("src/A.java", "class A {}\n"), demo.files());
    assertEquals(List.of(new Readme.Run("mvn -q compile", List.of("hello"))), demo.runs());
    assertEquals(Map.of("target/B.java", "class B {}\n"), demo.generated());
  }

  @Test
  void markersOnConsecutiveLinesShareTheBlock() throws IOException {
    Readme readme =
        read(
            "<!-- readme-test: file one/Main.kt -->",
            "<!-- readme-test: file two/src/Main.kt -->",
            "```kotlin",
            "fun main() {}",
            "```",
            "<!-- readme-test: run one -->",
            "<!-- readme-test: run two -->",
            "```bash",
            "mvn -q compile",
            "```",
            "<!-- readme-test: output one -->",
            "<!-- readme-test: output two -->",
            "```text",
            "done",
            "```");
    assertEquals(Map.of("Main.kt", "fun main() {}\n"), readme.examples().get("one").files());
    assertEquals(Map.of("src/Main.kt", "fun main() {}\n"), readme.examples().get("two").files());
    assertEquals(
        List.of(new Readme.Run("mvn -q compile", List.of("done"))),
        readme.examples().get("two").runs());
  }

  private void assertRejected(String because, String... lines) {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> read(lines));
    assertTrue(e.getMessage().contains(because), e.getMessage());
  }

  @Test
  void aMarkerMustBeFollowedByAFencedBlock() {
    assertRejected(
        "is not followed by a fenced block",
        "<!-- readme-test: file demo/pom.xml -->",
        "",
        "```xml",
        "<project/>",
        "```");
  }

  @Test
  void aMisspelledMarkerIsAnError() {
    assertRejected(
        "malformed marker",
        "<!-- readme-test: files demo/pom.xml -->",
        "```xml",
        "<project/>",
        "```");
  }

  @Test
  void everyRunNeedsItsOutput() {
    assertRejected(
        "1 run blocks and 0 output blocks",
        "<!-- readme-test: file demo/pom.xml -->",
        "```xml",
        "<project/>",
        "```",
        "<!-- readme-test: run demo -->",
        "```bash",
        "mvn -q compile",
        "```");
  }

  @Test
  void aGeneratedFileOfAnExampleWithoutFilesIsAnError() {
    assertRejected(
        "example demo has no files",
        "<!-- readme-test: generated demo/target/B.java -->",
        "```java",
        "class B {}",
        "```");
  }

  @Test
  void aFileGivenTwiceIsAnError() {
    assertRejected(
        "demo/pom.xml is given twice",
        "<!-- readme-test: file demo/pom.xml -->",
        "```xml",
        "<project/>",
        "```",
        "<!-- readme-test: file demo/pom.xml -->",
        "```xml",
        "<project/>",
        "```");
  }
}
