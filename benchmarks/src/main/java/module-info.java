/**
 * kinit's benchmarks: JMH benchmarks of the fills ({@code FillBenchmark}) and a measurement of the
 * processor's compile time ({@code CompileTime}); whole networks from the samples ({@code
 * Gpt2NetworkBenchmark}), as a module that reads kinit's runtime as a user's module would. Run from
 * the shaded {@code benchmarks.jar}, on the class path.
 */
// JMH's jar names no module: it is the automatic module jmh.core, named after the file.
@SuppressWarnings("requires-automatic")
module dev.kinit.benchmarks {
  requires dev.kinit;
  requires dev.kinit.samples;
  requires jmh.core;
  // CompileTime runs javac in this JVM and measures its thread's CPU time.
  requires java.compiler;
  requires java.management;
}
