package dev.kinit.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README works when copied: each of its examples (see {@link Readme}) is written into an empty
 * directory, built with the commands the README gives and run, and must print what the README says
 * it prints; the files the README shows as generated must be what the build generated.
 *
 * <p>The builds are separate Maven processes, offline, with a local repository of their own under
 * {@code target/readme/repository} that starts with only this build's published artifacts (staged
 * in {@code target/repository}); everything else (Maven plugins, the Kotlin compiler) comes from
 * the user's local repository, used read-only as a {@code file://} mirror. No kinit artifact from
 * an earlier build or from {@code ~/.m2} can stand in for the ones just built: the mirror stands
 * for Maven Central, which serves no snapshots. The pom of this module fetches the plugins the
 * examples use beyond the reactor's own, so that they are in the user's repository.
 */
class ReadmeTest {

  private static final Path README = Path.of(System.getProperty("kinit.readme"));
  private static final Path STAGING = Path.of(System.getProperty("kinit.staging"));
  private static final Path WORK = Path.of(System.getProperty("kinit.work"));
  private static final Path REPOSITORY = WORK.resolve("repository");
  private static final long TIMEOUT_MINUTES = 5;

  private static Readme readme;

  @BeforeAll
  static void prepare() throws IOException {
    readme = Readme.read(README);
    deleteRecursively(WORK);
    copyRecursively(STAGING, REPOSITORY);
    Files.writeString(
        WORK.resolve("settings.xml"),
        String.join(
            "\n",
            "<settings>",
            "  <mirrors>",
            "    <mirror>",
            "      <id>user-repository</id>",
            "      <mirrorOf>*</mirrorOf>",
            "      <url>" + Path.of(System.getProperty("user.repository")).toUri() + "</url>",
            "    </mirror>",
            "  </mirrors>",
            "</settings>",
            ""));
  }

  @Test
  void hasAJavaAKotlinAndAKspExample() {
    assertEquals(List.of("java", "kotlin", "ksp"), List.copyOf(readme.examples().keySet()));
    for (Readme.Example example : readme.examples().values()) {
      assertTrue(example.files().containsKey("pom.xml"), example.name() + " has no pom.xml");
    }
  }

  /** The version the README tells users to depend on is the one this build makes. */
  @Test
  void dependsOnThisVersion() {
    String version = System.getProperty("kinit.version");
    for (Readme.Example example : readme.examples().values()) {
      String pom = example.files().get("pom.xml");
      assertTrue(
          pom.contains("<kinit.version>" + version + "</kinit.version>"),
          example.name() + "/pom.xml does not set kinit.version to " + version);
    }
  }

  @Test
  void javaExampleBuildsRunsAndPrintsWhatTheReadmeSays() throws Exception {
    check(readme.examples().get("java"));
  }

  @Test
  void kotlinExampleBuildsRunsAndPrintsWhatTheReadmeSays() throws Exception {
    check(readme.examples().get("kotlin"));
  }

  /** KSP through its command line in a java process that the build starts (exec-maven-plugin). */
  @Test
  void kspExampleBuildsRunsAndPrintsWhatTheReadmeSays() throws Exception {
    check(readme.examples().get("ksp"));
  }

  private static void check(Readme.Example example) throws IOException, InterruptedException {
    Path project = WORK.resolve(example.name());
    for (var file : example.files().entrySet()) {
      Path path = project.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue());
    }
    for (Readme.Run run : example.runs()) {
      List<String> printed = mvn(project, run.command());
      assertEquals(
          run.printed(),
          printed,
          "`" + run.command() + "` in " + example.name() + " printed other lines than the README");
    }
    for (var file : example.generated().entrySet()) {
      Path path = project.resolve(file.getKey());
      assertTrue(Files.isRegularFile(path), example.name() + " did not generate " + file.getKey());
      String written = Files.readString(path, StandardCharsets.UTF_8);
      assertEquals(
          file.getValue(),
          written,
          example.name()
              + "/"
              + file.getKey()
              + " is not what the README shows, from line "
              + firstDifference(file.getValue(), written));
    }
  }

  /** The number (from 1) of the first line where {@code a} and {@code b} differ. */
  private static int firstDifference(String a, String b) {
    List<String> x = a.lines().toList();
    List<String> y = b.lines().toList();
    int line = 0;
    while (line < x.size() && line < y.size() && x.get(line).equals(y.get(line))) {
      line++;
    }
    return line + 1;
  }

  /**
   * Runs {@code command}, a README line starting with {@code mvn}, in {@code project} with the
   * options that keep it offline and on its own repository; returns its standard output.
   */
  private static List<String> mvn(Path project, String command)
      throws IOException, InterruptedException {
    List<String> words = Arrays.asList(command.strip().split("\\s+"));
    assertEquals("mvn", words.get(0), "a README command must start with mvn: " + command);
    String maven = System.getProperty("maven.home");
    List<String> line = new ArrayList<>();
    line.add(Path.of(maven, "bin", "mvn").toString());
    line.addAll(
        List.of(
            "-B",
            "-o",
            "-Daether.offline.protocols=file",
            "-s",
            WORK.resolve("settings.xml").toString(),
            "-Dmaven.repo.local=" + REPOSITORY));
    line.addAll(words.subList(1, words.size()));
    Path out = project.resolve("mvn.out");
    Path err = project.resolve("mvn.err");
    ProcessBuilder builder =
        new ProcessBuilder(line)
            .directory(project.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().remove("MAVEN_ARGS");
    Process process = builder.start();
    if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      fail("`" + command + "` in " + project + " did not finish in " + TIMEOUT_MINUTES + " min");
    }
    // What a terminal shows: Maven 3.8 writes colour resets even in batch mode.
    List<String> printed =
        new ArrayList<>(
            Files.readString(out, StandardCharsets.UTF_8)
                .replaceAll("\\u001B\\[[0-9;]*m", "")
                .lines()
                .toList());
    while (!printed.isEmpty() && printed.get(printed.size() - 1).isBlank()) {
      printed.remove(printed.size() - 1);
    }
    if (process.exitValue() != 0) {
      fail(
          "`"
              + String.join(" ", line)
              + "` in "
              + project
              + " exited with "
              + process.exitValue()
              + ":\n"
              + String.join("\n", printed)
              + "\n"
              + Files.readString(err, StandardCharsets.UTF_8));
    }
    return printed;
  }

  private static void copyRecursively(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path source : paths.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              path -> {
                try {
                  Files.delete(path);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
