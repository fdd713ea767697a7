package dev.kinit.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/** Compiles test sources with the processor, as a user's build would, with every lint enabled. */
final class Compilations {
  private Compilations() {}

  /** Compiles with both processors, in the order javac loads them from META-INF/services. */
  static Compilation compile(JavaFileObject... sources) {
    return Compiler.javac()
        .withProcessors(new LocalClassChecker(), new KaimingInitProcessor())
        .withOptions("-Xlint:all")
        .compile(sources);
  }

  /** Compiles sources under {@code src/test/resources/}, e.g. {@code "good/Linear.java"}. */
  static Compilation compileResources(String... paths) {
    return compile(
        Arrays.stream(paths).map(JavaFileObjects::forResource).toArray(JavaFileObject[]::new));
  }

  /** A source file for the class {@code qualifiedName} (e.g. {@code "layers.Bad"}). */
  static JavaFileObject source(String qualifiedName, String... lines) {
    return JavaFileObjects.forSourceLines(qualifiedName, lines);
  }

  /** The text of every warning, from javac or the processor. */
  static List<String> warnings(Compilation compilation) {
    return compilation.diagnostics().stream()
        .filter(
            d ->
                d.getKind() == Diagnostic.Kind.WARNING
                    || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING)
        .map(d -> d.getMessage(null))
        .toList();
  }

  static String generatedSource(Compilation compilation, String qualifiedName) {
    JavaFileObject file =
        compilation
            .generatedSourceFile(qualifiedName)
            .orElseThrow(
                () ->
                    new AssertionError(
                        "no generated source "
                            + qualifiedName
                            + " in "
                            + compilation.generatedSourceFiles()));
    try {
      return file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The test's class path after a directory holding {@code library}'s class files, as a build sees
   * a library jar: its classes, not its sources.
   */
  static List<File> classPathWith(Compilation library, Path directory) throws IOException {
    for (Map.Entry<String, byte[]> entry : new CompiledClasses(library).bytes().entrySet()) {
      Path file = directory.resolve(entry.getKey().replace('.', '/') + ".class");
      Files.createDirectories(file.getParent());
      Files.write(file, entry.getValue());
    }
    List<File> classPath = new ArrayList<>();
    classPath.add(directory.toFile());
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      classPath.add(new File(entry));
    }
    return classPath;
  }
}
