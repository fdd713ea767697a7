package dev.kinit.processor;

import com.google.devtools.ksp.processing.SymbolProcessorProvider;
import com.tschuchort.compiletesting.JvmCompilationResult;
import com.tschuchort.compiletesting.KotlinCompilation;
import com.tschuchort.compiletesting.Ksp2Kt;
import com.tschuchort.compiletesting.KspKt;
import com.tschuchort.compiletesting.SourceFile;
import dev.kinit.processor.ksp.KaimingInitSymbolProcessorProvider;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import kotlin.sequences.SequencesKt;
import org.jetbrains.kotlin.kapt.base.KaptFlag;

/**
 * The two ways the processor reads Kotlin sources, compiled in process (kctfork) as a Maven or
 * Gradle build runs them: kapt, which hands javac's processor Java stubs of the Kotlin classes
 * (with {@code mapDiagnosticLocations}, as the samples' build), and KSP2, which hands the KSP front
 * end Kotlin's own model. Both then compile the sources with the generated initializers.
 */
enum KotlinProcessing {
  KAPT {
    @Override
    void configure(KotlinCompilation compilation) {
      compilation.setAnnotationProcessors(
          List.of(new LocalClassChecker(), new KaimingInitProcessor()));
      compilation.setKaptFlags(Set.of(KaptFlag.MAP_DIAGNOSTIC_LOCATIONS));
    }

    @Override
    List<File> generated(JvmCompilationResult result) {
      return result.getSourcesGeneratedByAnnotationProcessor();
    }
  },
  KSP {
    @Override
    void configure(KotlinCompilation compilation) {
      useKsp(compilation, new KaimingInitSymbolProcessorProvider());
    }

    @Override
    List<File> generated(JvmCompilationResult result) {
      return SequencesKt.toList(KspKt.getSourcesGeneratedBySymbolProcessor(result));
    }
  };

  abstract void configure(KotlinCompilation compilation);

  private static void useKsp(KotlinCompilation compilation, SymbolProcessorProvider provider) {
    Ksp2Kt.useKsp2(compilation);
    KspKt.setSymbolProcessorProviders(compilation, new ArrayList<>(List.of(provider)));
  }

  /** Compiles {@code sources} through KSP with {@code provider} in place of the processor's. */
  static Result compileWithKsp(SymbolProcessorProvider provider, String... namesAndTexts) {
    return KSP.compile(List.of(), compilation -> useKsp(compilation, provider), namesAndTexts);
  }

  abstract List<File> generated(JvmCompilationResult result);

  /** Compiles {@code sources} ({@code name.kt} or {@code name.java}, then its text) so. */
  Result compile(String... namesAndTexts) {
    return compile(List.of(), namesAndTexts);
  }

  /** Compiles {@code sources} with {@code classPath} before the test's class path. */
  Result compile(List<File> classPath, String... namesAndTexts) {
    return compile(classPath, this::configure, namesAndTexts);
  }

  private Result compile(
      List<File> classPath, Consumer<KotlinCompilation> configure, String... namesAndTexts) {
    KotlinCompilation compilation = new KotlinCompilation();
    compilation.setClasspaths(classPath);
    SourceFile[] sources = new SourceFile[namesAndTexts.length / 2];
    for (int i = 0; i < sources.length; i++) {
      String name = namesAndTexts[2 * i];
      String text = namesAndTexts[2 * i + 1];
      sources[i] =
          name.endsWith(".kt")
              ? SourceFile.Companion.kotlin(name, text, false)
              : SourceFile.Companion.java(name, text, false);
    }
    compilation.setSources(List.of(sources));
    configure.accept(compilation);
    compilation.setInheritClassPath(true);
    compilation.setMessageOutputStream(OutputStream.nullOutputStream());
    JvmCompilationResult result = compilation.compile();
    Map<String, String> generated = new TreeMap<>();
    for (File file : generated(result)) {
      try {
        generated.put(file.getName(), Files.readString(file.toPath()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new Result(this, result, generated);
  }

  /**
   * A compilation's outcome.
   *
   * @param generated the generated sources, by file name: {@code LinearInitializer.java}
   */
  record Result(
      KotlinProcessing processing, JvmCompilationResult result, Map<String, String> generated) {

    boolean succeeded() {
      return result.getExitCode() == KotlinCompilation.ExitCode.OK;
    }

    String messages() {
      return result.getMessages();
    }

    ClassLoader classLoader() {
      return result.getClassLoader();
    }

    /** The generated source of {@code simpleName}, which must exist. */
    String generated(String simpleName) {
      String source = generated.get(simpleName + ".java");
      if (source == null) {
        throw new AssertionError(
            processing
                + " generated no "
                + simpleName
                + " but "
                + generated.keySet()
                + ":\n"
                + messages());
      }
      return source;
    }

    /** Whether a diagnostic {@code text} was printed at {@code fileAndLine} ({@code Bad.kt:5}). */
    boolean printed(String fileAndLine, String text) {
      return Pattern.compile(Pattern.quote(fileAndLine) + "[:\\s].*" + Pattern.quote(text))
          .matcher(messages())
          .find();
    }

    /**
     * Whether an error (else a warning) {@code text} was printed at {@code fileAndLine}: kapt's
     * {@code e: …/Bad.kt:5: error: text}, KSP's {@code e: [ksp] …/Bad.kt:5: text}.
     */
    boolean printed(String fileAndLine, String text, boolean error) {
      Pattern line =
          Pattern.compile(
              (error ? "e: " : "w: ")
                  + ".*[/ ]"
                  + Pattern.quote(fileAndLine)
                  + ":.*"
                  + Pattern.quote(text)
                  + ".*");
      return messages().lines().anyMatch(printed -> line.matcher(printed).matches());
    }

    /** The kinit diagnostics printed, each its text from the tag on, in the order printed. */
    List<String> diagnostics() {
      List<String> found = new ArrayList<>();
      for (String line : messages().lines().toList()) {
        int tag = line.indexOf("[kinit.");
        if (tag >= 0 && (line.startsWith("e: ") || line.startsWith("w: "))) {
          found.add(line.substring(tag));
        }
      }
      return found;
    }
  }
}
