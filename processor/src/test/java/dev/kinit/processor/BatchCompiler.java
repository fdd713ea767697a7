package dev.kinit.processor;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles many sources in one javac run with both processors and {@code -Xlint:all}, as {@link
 * Compilations#compile} does, but keeps what compile-testing hides and costs less per run:
 *
 * <ul>
 *   <li>the generated sources of a failed compilation, to check that an invalid layer got none;
 *   <li>every class is attributed even when another file has errors ({@code
 *       -XDshould-stop.ifError=FLOW}), so each source's errors and a generated file that does not
 *       compile are reported whatever else is in the batch;
 *   <li>one file manager for all runs, so the platform classes are indexed once.
 * </ul>
 */
final class BatchCompiler implements AutoCloseable {

  /** What one run gave. */
  record Result(
      boolean success,
      List<Diagnostic<? extends JavaFileObject>> diagnostics,
      Map<String, String> generatedSources,
      Map<String, byte[]> classes) {}

  private static final List<String> OPTIONS =
      List.of(
          "-Xlint:all",
          "-XDshould-stop.ifError=FLOW",
          "-Xmaxerrs",
          "100000",
          "-Xmaxwarns",
          "100000");

  private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
  private final StandardJavaFileManager platform =
      javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);

  /**
   * Compiles {@code sources}. A processor that throws makes javac throw, and so this method: the
   * caller sees it as a crash.
   */
  Result compile(List<? extends JavaFileObject> sources) {
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    InMemoryOutput output = new InMemoryOutput(platform);
    JavaCompiler.CompilationTask task =
        javac.getTask(null, output, diagnostics, OPTIONS, null, sources);
    task.setProcessors(List.of(new LocalClassChecker(), new KaimingInitProcessor()));
    task.setLocale(Locale.ROOT);
    boolean success = task.call();
    return new Result(
        success,
        List.copyOf(diagnostics.getDiagnostics()),
        contents(output.sources, OutputFile::text),
        contents(output.classes, file -> file.bytes.toByteArray()));
  }

  private static <T> Map<String, T> contents(
      Map<String, OutputFile> files, Function<OutputFile, T> content) {
    Map<String, T> contents = new LinkedHashMap<>();
    files.forEach((name, file) -> contents.put(name, content.apply(file)));
    return contents;
  }

  @Override
  public void close() throws IOException {
    platform.close();
  }

  /** Keeps every generated source and class file in memory, by binary name. */
  private static final class InMemoryOutput
      extends ForwardingJavaFileManager<StandardJavaFileManager> {
    final Map<String, OutputFile> sources = new LinkedHashMap<>();
    final Map<String, OutputFile> classes = new LinkedHashMap<>();

    InMemoryOutput(StandardJavaFileManager platform) {
      super(platform);
    }

    @Override
    public JavaFileObject getJavaFileForOutput(
        Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
      OutputFile file =
          new OutputFile(
              URI.create(
                  "mem:///"
                      + location.getName()
                      + "/"
                      + className.replace('.', '/')
                      + kind.extension),
              kind);
      (kind == JavaFileObject.Kind.SOURCE ? sources : classes).put(className, file);
      return file;
    }

    @Override
    public FileObject getFileForOutput(
        Location location, String packageName, String relativeName, FileObject sibling) {
      throw new UnsupportedOperationException(
          "the processors write no resources: " + packageName + "/" + relativeName);
    }

    @Override
    public boolean isSameFile(FileObject a, FileObject b) {
      return a instanceof OutputFile || b instanceof OutputFile
          ? a.toUri().equals(b.toUri())
          : super.isSameFile(a, b);
    }
  }

  /** A generated source or class file. */
  static final class OutputFile extends SimpleJavaFileObject {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    OutputFile(URI uri, Kind kind) {
      super(uri, kind);
    }

    String text() {
      return bytes.toString(StandardCharsets.UTF_8);
    }

    @Override
    public OutputStream openOutputStream() {
      bytes.reset();
      return bytes;
    }

    @Override
    public Writer openWriter() {
      return new OutputStreamWriter(openOutputStream(), StandardCharsets.UTF_8);
    }

    @Override
    public InputStream openInputStream() {
      return new ByteArrayInputStream(bytes.toByteArray());
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text();
    }
  }
}
