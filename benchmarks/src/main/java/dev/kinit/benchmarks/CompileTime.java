package dev.kinit.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compile time of a source tree of 200 layer classes with five {@code @KaimingInit} fields each
 * (1,000 fields), by javac in this JVM (as Maven runs it), three ways:
 *
 * <ul>
 *   <li>{@code plain}: javac alone ({@code -proc:none});
 *   <li>{@code processor}: javac with the kinit processor jar on the processor path, as Maven's
 *       {@code annotationProcessorPaths} puts it: javac finds both of its processors, which check
 *       the fields and generate the 200 initializers, and compiles those too;
 *   <li>{@code pregenerated}: javac alone on the layers and the initializers the processor wrote
 *       once beforehand: what compiling the generated code costs, without the processing.
 * </ul>
 *
 * <p>The fields mix the annotation's forms (nested and flat, float and double, both modes and
 * distributions, leaky ReLU slopes); each class also has a small forward pass, as a hand-written
 * layer does. Not a JMH benchmark, because on a shared machine the three must be measured
 * interleaved: each round compiles all three, in an order that rotates, and records the wall time
 * and the CPU time of the compiling thread (javac compiles on the calling thread; CPU time is what
 * other processes on the machine disturb least). The first rounds warm javac up, as in a build that
 * compiles several modules; the medians of the others are reported.
 *
 * <pre>
 *   java -cp benchmarks/target/benchmarks.jar dev.kinit.benchmarks.CompileTime [warm-up rounds] [rounds] [json file]
 * </pre>
 */
public final class CompileTime {

  static final int CLASSES = 200;
  private static final int PACKAGES = 10;
  private static final String PROCESSOR = "dev.kinit.processor.KaimingInitProcessor";
  private static final List<String> VARIANTS = List.of("plain", "processor", "pregenerated");

  private final Path root;
  private final List<File> sources = new ArrayList<>();
  private final List<File> initializers;
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

  private CompileTime(Path root) throws IOException {
    this.root = root;
    for (int n = 0; n < CLASSES; n++) {
      String pkg = "layers.p" + n % PACKAGES;
      Path file = root.resolve("src").resolve(pkg.replace('.', '/')).resolve("Layer" + n + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, layerSource(pkg, n));
      sources.add(file.toFile());
    }
    Path written = Files.createDirectories(root.resolve("initializers"));
    compile(
        List.of(
            "-proc:only",
            "-processorpath",
            classpath(),
            "-processor",
            PROCESSOR,
            "-s",
            written.toString()),
        sources);
    try (Stream<Path> files = Files.walk(written)) {
      initializers = files.filter(Files::isRegularFile).map(Path::toFile).toList();
    }
    if (initializers.size() != CLASSES) {
      throw new IllegalStateException(
          "expected " + CLASSES + " initializers, the processor wrote " + initializers.size());
    }
  }

  public static void main(String[] args) throws IOException {
    int warmUp = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    Path root = Files.createTempDirectory("kinit-compile-time");
    try {
      new CompileTime(root).run(warmUp, rounds, args.length > 2 ? Path.of(args[2]) : null);
    } finally {
      delete(root);
    }
  }

  private void run(int warmUp, int rounds, Path json) throws IOException {
    Map<String, double[]> wall = new LinkedHashMap<>();
    Map<String, double[]> cpu = new LinkedHashMap<>();
    for (String variant : VARIANTS) {
      wall.put(variant, new double[rounds]);
      cpu.put(variant, new double[rounds]);
    }
    for (int round = 0; round < warmUp + rounds; round++) {
      for (int k = 0; k < VARIANTS.size(); k++) {
        String variant = VARIANTS.get((round + k) % VARIANTS.size());
        long cpuStart = threads.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        compile(variant);
        if (round >= warmUp) {
          wall.get(variant)[round - warmUp] = (System.nanoTime() - wallStart) / 1e6;
          cpu.get(variant)[round - warmUp] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
        }
      }
    }
    StringBuilder table =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%d classes, %d @KaimingInit fields; %d warm-up rounds, medians of %d%n"
                    + "%-13s %10s %10s %11s %11s%n",
                CLASSES,
                5 * CLASSES,
                warmUp,
                rounds,
                "javac",
                "wall ms",
                "cpu ms",
                "wall/plain",
                "cpu/plain"));
    StringBuilder results = new StringBuilder("[");
    double plainWall = median(wall.get("plain"));
    double plainCpu = median(cpu.get("plain"));
    for (String variant : VARIANTS) {
      double w = median(wall.get(variant));
      double c = median(cpu.get(variant));
      table.append(
          String.format(
              Locale.ROOT,
              "%-13s %10.0f %10.0f %+10.0f%% %+10.0f%%%n",
              variant,
              w,
              c,
              100 * (w / plainWall - 1),
              100 * (c / plainCpu - 1)));
      results.append(
          String.format(
              Locale.ROOT,
              "%s{\"javac\": \"%s\", \"wall_ms\": %.1f, \"cpu_ms\": %.1f}",
              results.length() > 1 ? ", " : "",
              variant,
              w,
              c));
    }
    System.out.print(table);
    if (json != null) {
      Files.writeString(json, results.append("]\n"));
    }
  }

  private void compile(String variant) throws IOException {
    Path classes = fresh(root.resolve("classes"));
    List<String> options = new ArrayList<>(List.of("-d", classes.toString()));
    List<File> files = sources;
    switch (variant) {
      case "plain" -> options.add("-proc:none");
      case "processor" ->
          options.addAll(
              List.of(
                  "-processorpath",
                  classpath(),
                  "-s",
                  fresh(root.resolve("generated")).toString()));
      case "pregenerated" -> {
        options.add("-proc:none");
        files = new ArrayList<>(sources);
        files.addAll(initializers);
      }
      default -> throw new IllegalArgumentException(variant);
    }
    compile(options, files);
  }

  /** The benchmark jar: kinit's runtime and processor, and their dependencies. */
  private static String classpath() {
    return System.getProperty("java.class.path");
  }

  private static void compile(List<String> options, List<File> files) throws IOException {
    List<String> all = new ArrayList<>(List.of("--release", "17", "-classpath", classpath()));
    all.addAll(options);
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager manager =
        compiler.getStandardFileManager(diagnostics, null, null)) {
      if (!compiler
          .getTask(
              null, manager, diagnostics, all, null, manager.getJavaFileObjectsFromFiles(files))
          .call()) {
        throw new IllegalStateException("compilation failed: " + diagnostics.getDiagnostics());
      }
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
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
        """
        .formatted(pkg, n, in, out);
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
