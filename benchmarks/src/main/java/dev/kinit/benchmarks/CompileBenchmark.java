package dev.kinit.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Compile time of a source tree of {@value #CLASSES} layer classes with {@value #FIELDS_PER_CLASS}
 * {@code @KaimingInit} fields each (1,000 fields), by javac in this JVM (as Maven runs it):
 *
 * <ul>
 *   <li>{@code plain}: javac alone ({@code -proc:none});
 *   <li>{@code processor}: javac with the kinit processor, which generates the 200 initializers and
 *       compiles them too;
 *   <li>{@code pregenerated}: javac alone on the layers and the initializers the processor wrote
 *       (once, before the trial): what compiling the generated code costs, without the processing.
 * </ul>
 *
 * <p>One compilation per iteration; the first iterations warm javac up, as in a
 * build that compiles several modules. The fields mix the annotation's forms (nested and flat,
 * float and double, both modes and distributions, leaky ReLU slopes); each class also has a small
 * forward pass, as a hand-written layer does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 8)
@Measurement(iterations = 12)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CompileBenchmark {

  static final int CLASSES = 200;
  static final int FIELDS_PER_CLASS = 5;
  private static final int PACKAGES = 10;

  /** {@code plain}, {@code processor} or {@code pregenerated}: see the class comment. */
  @Param({"plain", "processor", "pregenerated"})
  public String javac;

  private Path root;
  private List<File> sources;
  private List<File> initializers;
  private Path classes;
  private Path generated;

  @Setup(Level.Trial)
  public void writeSourceTree() throws IOException {
    root = Files.createTempDirectory("kinit-compile-benchmark");
    sources = new ArrayList<>();
    for (int n = 0; n < CLASSES; n++) {
      String pkg = "layers.p" + n % PACKAGES;
      Path file = root.resolve("src").resolve(pkg.replace('.', '/')).resolve("Layer" + n + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, layerSource(pkg, n));
      sources.add(file.toFile());
    }
    Path written = Files.createDirectories(root.resolve("initializers"));
    run(List.of("-proc:only", "-processorpath", classpath(),
        "-processor", "dev.kinit.processor.KaimingInitProcessor", "-s", written.toString()), sources);
    try (Stream<Path> files = Files.walk(written)) {
      initializers = files.filter(Files::isRegularFile).map(Path::toFile).toList();
    }
    if (initializers.size() != CLASSES) {
      throw new IllegalStateException("expected " + CLASSES + " initializers, got " + initializers.size());
    }
  }

  @Setup(Level.Iteration)
  public void cleanOutput() throws IOException {
    classes = fresh(root.resolve("classes"));
    generated = fresh(root.resolve("generated"));
  }

  @TearDown(Level.Trial)
  public void deleteSourceTree() throws IOException {
    delete(root);
  }

  @Benchmark
  public boolean compile() throws IOException {
    List<String> options = new ArrayList<>(List.of("-d", classes.toString()));
    List<File> files = sources;
    switch (javac) {
      case "plain" -> options.add("-proc:none");
      case "processor" -> options.addAll(List.of("-processorpath", classpath(),
          "-processor", "dev.kinit.processor.KaimingInitProcessor", "-s", generated.toString()));
      case "pregenerated" -> {
        options.add("-proc:none");
        files = new ArrayList<>(sources);
        files.addAll(initializers);
      }
      default -> throw new IllegalArgumentException(
          "javac: " + javac + "; expected plain, processor or pregenerated");
    }
    return run(options, files);
  }

  /** The benchmark jar: kinit's runtime and processor, and their dependencies. */
  private static String classpath() {
    return System.getProperty("java.class.path");
  }

  private static boolean run(List<String> options, List<File> files) throws IOException {
    List<String> all = new ArrayList<>(List.of("--release", "17", "-classpath", classpath()));
    all.addAll(options);
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager manager = compiler.getStandardFileManager(diagnostics, null, null)) {
      boolean ok = compiler.getTask(null, manager, diagnostics, all, null,
          manager.getJavaFileObjectsFromFiles(files)).call();
      if (!ok) {
        throw new IllegalStateException("compilation failed: " + diagnostics.getDiagnostics());
      }
      return ok;
    }
  }

  /** Layer {@code n}: five annotated weights of varied forms and a forward pass. */
  static String layerSource(String pkg, int n) {
    int in = 16 + n % 7 * 8;
    int out = 8 + n % 5 * 4;
    return """
        package %1$s;

        import static dev.kinit.Distribution.UNIFORM;
        import static dev.kinit.FanMode.FAN_OUT;
        import static dev.kinit.Nonlinearity.LEAKY_RELU;
        import static dev.kinit.Nonlinearity.RELU;
        import static dev.kinit.Nonlinearity.TANH;

        import dev.kinit.KaimingInit;

        /** Generated layer %2$d of the compile-time benchmark. */
        public class Layer%2$d {
          @KaimingInit(nonlinearity = RELU)
          final float[][] weight = new float[%4$d][%3$d];

          @KaimingInit(mode = FAN_OUT, nonlinearity = RELU)
          final float[][][][] conv = new float[%4$d][4][3][3];

          @KaimingInit(nonlinearity = LEAKY_RELU, a = 0.%2$d, distribution = UNIFORM)
          final double[][] gate = new double[%4$d][%3$d];

          @KaimingInit(shape = {%4$d, %3$d})
          final float[] flat = new float[%4$d * %3$d];

          @KaimingInit(nonlinearity = TANH, distribution = UNIFORM)
          final float[][][] temporal = new float[%4$d][2][5];

          /** y = relu(weight · x). */
          public float[] forward(float[] x) {
            float[] y = new float[weight.length];
            for (int o = 0; o < weight.length; o++) {
              float sum = 0;
              for (int i = 0; i < x.length; i++) {
                sum += weight[o][i] * x[i];
              }
              y[o] = Math.max(0, sum);
            }
            return y;
          }
        }
        """.formatted(pkg, n, in, out);
  }

  private static Path fresh(Path directory) throws IOException {
    delete(directory);
    return Files.createDirectories(directory);
  }

  private static void delete(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.delete(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
