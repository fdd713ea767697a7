package dev.kinit.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Kotlin test inputs, one fixture for kapt and KSP alike: each a directory of {@code
 * src/test/resources/kotlin/} holding {@code .kt} (and {@code .java}) files, compiled together.
 */
final class KotlinInputs {

  private KotlinInputs() {}

  private static Path root() {
    try {
      return Path.of(KotlinInputs.class.getResource("/kotlin").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every input's name, in order. */
  static List<String> names() {
    try (Stream<Path> inputs = Files.list(root())) {
      return inputs
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The input's files as {@code name, text, name, text…}, in the order of their names. */
  static String[] sources(String input) {
    List<String> namesAndTexts = new ArrayList<>();
    try (Stream<Path> files = Files.list(root().resolve(input))) {
      for (Path file : files.sorted().toList()) {
        namesAndTexts.add(file.getFileName().toString());
        namesAndTexts.add(Files.readString(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (namesAndTexts.isEmpty()) {
      throw new IllegalArgumentException("no Kotlin input " + input);
    }
    return namesAndTexts.toArray(String[]::new);
  }

  private static final Map<String, KotlinProcessing.Result> COMPILED = new HashMap<>();

  /**
   * The input compiled with {@code processing}, once per test run: the tests only read a
   * compilation's outcome, and each takes seconds.
   */
  static synchronized KotlinProcessing.Result compile(KotlinProcessing processing, String input) {
    return COMPILED.computeIfAbsent(
        processing + "/" + input, key -> processing.compile(sources(input)));
  }
}
