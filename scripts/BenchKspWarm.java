import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Runs kapt or KSP2 several times in one JVM, as a build daemon does (Kotlin's daemon runs kapt,
 * Gradle's daemon KSP2), and prints each run's wall and CPU time; scripts/bench_ksp.sh starts it
 * with the same arguments its cold runs take. Each run reads the sources anew and loads the
 * processor in a class loader of its own, as each tool's command line does; what stays warm is the
 * tool's own code, loaded and compiled by the JIT. The tools are called through reflection, so this
 * file compiles without them.
 *
 * <p>Usage: {@code java -cp TOOL_CLASSPATH BenchKspWarm.java kapt|ksp RUNS OUT ARGS...};
 * {@code @OUT@} in ARGS is replaced with the run's own output directory, OUT/1, OUT/2, ...
 */
public final class BenchKspWarm {

  /** KspGradleLogger.LOGGING_LEVEL_WARN, the level KSPJvmMain logs at by default. */
  private static final int WARN = 3;

  public static void main(String[] args) throws Exception {
    String tool = args[0];
    int runs = Integer.parseInt(args[1]);
    String out = args[2];
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (int run = 1; run <= runs; run++) {
      String directory = out + "/" + run;
      new File(directory).mkdirs();
      List<String> toolArgs = new ArrayList<>();
      for (int i = 3; i < args.length; i++) {
        toolArgs.add(args[i].replace("@OUT@", directory));
      }
      System.gc(); // the garbage of the run before is not this run's
      long wall = System.nanoTime();
      long cpu = os.getProcessCpuTime();
      String result =
          tool.equals("kapt")
              ? kapt(toolArgs.toArray(String[]::new))
              : ksp(toolArgs.toArray(String[]::new));
      long wallMs = (System.nanoTime() - wall) / 1_000_000;
      long cpuMs = (os.getProcessCpuTime() - cpu) / 1_000_000;
      if (!result.equals("OK")) {
        System.err.println(tool + " run " + run + " failed: " + result);
        System.exit(1);
      }
      System.out.println(wallMs + " " + cpuMs);
    }
    System.exit(0); // KSP leaves threads running that are no daemons
  }

  /** What {@code K2JVMCompiler}'s command line runs. */
  private static String kapt(String[] args) throws Exception {
    Class<?> compiler = Class.forName("org.jetbrains.kotlin.cli.jvm.K2JVMCompiler");
    Method exec = compiler.getMethod("exec", java.io.PrintStream.class, String[].class);
    return String.valueOf(exec.invoke(compiler.getConstructor().newInstance(), System.err, args));
  }

  /** What {@code KSPJvmMain} runs, without its {@code exitProcess}. */
  private static String ksp(String[] args) throws Exception {
    Object parsed =
        Class.forName("com.google.devtools.ksp.processing.KspJvmArgParserKt")
            .getMethod("kspJvmArgParser", String[].class)
            .invoke(null, (Object) args);
    Object config = parsed.getClass().getMethod("getFirst").invoke(parsed);
    List<?> processorPath = (List<?>) parsed.getClass().getMethod("getSecond").invoke(parsed);
    List<URL> urls = new ArrayList<>();
    for (Object path : processorPath) {
      urls.add(new File((String) path).toURI().toURL());
    }
    Class<?> providerType =
        Class.forName("com.google.devtools.ksp.processing.SymbolProcessorProvider");
    try (URLClassLoader processors = new URLClassLoader(urls.toArray(URL[]::new))) {
      List<Object> providers = new ArrayList<>();
      ServiceLoader.load(providerType, processors).forEach(providers::add);
      Class<?> loggerType = Class.forName("com.google.devtools.ksp.processing.KspGradleLogger");
      Object logger = loggerType.getConstructor(int.class).newInstance(WARN);
      Class<?> processing = Class.forName("com.google.devtools.ksp.impl.KotlinSymbolProcessing");
      Object instance =
          processing
              .getConstructor(
                  Class.forName("com.google.devtools.ksp.processing.KSPConfig"),
                  List.class,
                  Class.forName("com.google.devtools.ksp.processing.KSPLogger"))
              .newInstance(config, providers, logger);
      Object exitCode = processing.getMethod("execute").invoke(instance);
      return String.valueOf(exitCode);
    }
  }
}
