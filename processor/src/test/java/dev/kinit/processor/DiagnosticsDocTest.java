package dev.kinit.processor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.kinit.processor.rules.Message;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code docs/diagnostics.md} cannot fall behind the processor: every {@link Message} has a
 * section, and each section's example, compiled with the processor, prints exactly the lines the
 * section shows.
 *
 * <p>A section starts with {@code ## `[kinit.tag]`}; its {@code java} blocks whose first line is
 * {@code // path/Name.java} are the example's files (or {@code kotlin} blocks starting {@code //
 * path/Name.kt}, compiled with kapt and again with KSP, each of which must print the lines shown),
 * and its {@code text} block lists diagnostics as javac prints them ({@code path:line: error:
 * message}).
 */
class DiagnosticsDocTest {

  private static final Path DOC = Path.of("../docs/diagnostics.md");
  private static final Pattern HEADING = Pattern.compile("^## `(\\[kinit\\.[a-z-]+\\])`");
  private static final Pattern FILE = Pattern.compile("^// (\\S+)\\.(java|kt)$");
  private static final Pattern KAPT_ERROR =
      Pattern.compile("(?m)^e: \\S*?([^/\\s]+/[^/\\s]+\\.kt):(\\d+): error: (.*)$");
  private static final Pattern KSP_ERROR =
      Pattern.compile("(?m)^e: \\[ksp\\] \\S*?([^/\\s]+/[^/\\s]+\\.kt):(\\d+): (.*)$");
  private static final Pattern PRINTED =
      Pattern.compile("^\\S+\\.(java|kt):\\d+: (error|warning): .*");

  /**
   * One section of the document: its example files (Java, or Kotlin compiled through kapt: path and
   * text) and the diagnostics it shows.
   */
  record Section(
      String tag, List<JavaFileObject> files, List<String> kotlin, List<String> printed) {
    @Override
    public String toString() {
      return tag;
    }
  }

  @Test
  void everyMessageHasASection() throws IOException {
    List<String> tags = sections().stream().map(Section::tag).toList();
    for (Message message : Message.values()) {
      assertTrue(tags.contains(message.tag()), message.tag() + " has no section in " + DOC);
    }
    List<String> known = Arrays.stream(Message.values()).map(Message::tag).toList();
    for (String tag : tags) {
      assertTrue(known.contains(tag), "section " + tag + " documents no message of Message");
    }
  }

  @ParameterizedTest
  @MethodSource("javaExamples")
  void exampleGivesTheDiagnosticsItShows(Section section) {
    assertPrinted(section, javac(section));
  }

  /**
   * Tagged: kapt and KSP run kotlinc in process, seconds per example (left out of mutation
   * testing).
   */
  @Tag("kotlin")
  @ParameterizedTest
  @MethodSource("kotlinExamples")
  void kotlinExampleGivesTheDiagnosticsItShows(Section section) {
    assertPrinted(section, kotlin(section, KotlinProcessing.KAPT, KAPT_ERROR));
    assertPrinted(section, kotlin(section, KotlinProcessing.KSP, KSP_ERROR));
  }

  private static void assertPrinted(Section section, List<String> actual) {
    assertTrue(
        actual.stream().anyMatch(line -> line.contains(": " + section.tag() + " ")),
        section.tag() + " not reported by its example; got " + actual);
    for (String line : section.printed()) {
      assertTrue(actual.contains(line), "documented:\n" + line + "\nprinted:\n" + actual);
    }
  }

  private static List<String> javac(Section section) {
    Compilation compilation = Compilations.compile(section.files().toArray(JavaFileObject[]::new));
    return compilation.diagnostics().stream()
        .filter(d -> d.getSource() != null)
        .map(DiagnosticsDocTest::printed)
        .toList();
  }

  /**
   * The errors kapt or KSP prints ({@code error} matches them), as {@code path/Name.kt:line: error:
   * message}.
   */
  private static List<String> kotlin(Section section, KotlinProcessing processing, Pattern errors) {
    String messages = processing.compile(section.kotlin().toArray(String[]::new)).messages();
    List<String> printed = new ArrayList<>();
    Matcher error = errors.matcher(messages);
    while (error.find()) {
      printed.add(error.group(1) + ":" + error.group(2) + ": error: " + error.group(3));
    }
    return printed;
  }

  /**
   * Sections with a Java example (all but the Kotlin ones and the internal error, which no valid
   * input gives).
   */
  static Stream<Section> javaExamples() throws IOException {
    return sections().stream()
        .filter(section -> section.kotlin().isEmpty() && !section.files().isEmpty());
  }

  static Stream<Section> kotlinExamples() throws IOException {
    return sections().stream().filter(section -> !section.kotlin().isEmpty());
  }

  private static String printed(Diagnostic<? extends JavaFileObject> diagnostic) {
    String kind = diagnostic.getKind() == Diagnostic.Kind.ERROR ? "error" : "warning";
    return diagnostic.getSource().getName()
        + ":"
        + diagnostic.getLineNumber()
        + ": "
        + kind
        + ": "
        + diagnostic.getMessage(Locale.ROOT).lines().findFirst().orElse("");
  }

  private static List<Section> sections() throws IOException {
    List<String> lines = Files.readAllLines(DOC, StandardCharsets.UTF_8);
    Map<String, List<List<String>>> blocks = new LinkedHashMap<>();
    String tag = null;
    List<String> block = null;
    for (String line : lines) {
      Matcher heading = HEADING.matcher(line);
      if (block == null && heading.find()) {
        tag = heading.group(1);
        blocks.put(tag, new ArrayList<>());
      } else if (block == null && line.startsWith("```") && tag != null) {
        block = new ArrayList<>();
      } else if (block != null && line.startsWith("```")) {
        blocks.get(tag).add(block);
        block = null;
      } else if (block != null) {
        block.add(line);
      } else if (line.startsWith("## ")) {
        tag = null; // a section that documents no message
      }
    }
    List<Section> sections = new ArrayList<>();
    blocks.forEach(
        (name, contents) -> {
          List<JavaFileObject> files = new ArrayList<>();
          List<String> kotlin = new ArrayList<>();
          List<String> printed = new ArrayList<>();
          for (List<String> content : contents) {
            Matcher file = content.isEmpty() ? null : FILE.matcher(content.get(0));
            if (file != null && file.find() && file.group(2).equals("kt")) {
              kotlin.add(file.group(1) + ".kt");
              kotlin.add(String.join("\n", content) + "\n");
            } else if (file != null && file.matches()) {
              // The path comment stays: line numbers are those a reader counts in the block.
              files.add(JavaFileObjects.forSourceLines(file.group(1).replace('/', '.'), content));
            } else {
              content.stream()
                  .filter(line -> PRINTED.matcher(line).matches())
                  .forEach(printed::add);
            }
          }
          sections.add(new Section(name, files, kotlin, printed));
        });
    return sections;
  }
}
