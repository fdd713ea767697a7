package dev.kinit.benchmarks;

import dev.kinit.FloatTensor;
import dev.kinit.block.BlockSampler;
import java.util.Arrays;
import java.util.Locale;

/**
 * Whether this machine runs one thread at a steady speed: the same {@code normal} fill of 262,144
 * floats (1 MB, in the cache: no memory traffic), made over and over on one thread, its rate
 * printed every 250 ms. The compiler is done with it within the first seconds (run with {@code
 * -XX:+PrintCompilation} to see that nothing is compiled later), so a rate that changes afterwards
 * is the host's doing: on a shared virtual machine, another tenant or the hypervisor. Run it before
 * trusting a ratio of two timings, and alongside a benchmark to see what the host did meanwhile.
 *
 * <pre>
 *   java -cp benchmarks/target/benchmarks.jar dev.kinit.benchmarks.HostSteadiness [seconds]
 * </pre>
 */
public final class HostSteadiness {

  private static final long TICK_NANOS = 250_000_000L;

  private HostSteadiness() {}

  /**
   * Prints one line per 250 ms (seconds since the start, M values/s), then the lowest, median and
   * highest rates after the first two seconds (the compiler's).
   *
   * @param args the number of seconds to run, 30 if none
   */
  public static void main(String[] args) {
    int ticks = 4 * (args.length > 0 ? Integer.parseInt(args[0]) : 30);
    float[] data = new float[1 << 18];
    FloatTensor tensor = FloatTensor.of("data", data);
    BlockSampler random = BlockSampler.sequential(42);
    double[] rates = new double[ticks];
    long start = System.nanoTime();
    for (int tick = 0; tick < ticks; tick++) {
      long from = System.nanoTime();
      long values = 0;
      long now;
      do {
        random.normal(tensor, 0, 1);
        values += data.length;
        now = System.nanoTime();
      } while (now - from < TICK_NANOS);
      rates[tick] = values * 1e3 / (now - from);
      System.out.printf(
          Locale.ROOT, "%7.2f s %8.1f M values/s%n", (from - start) / 1e9, rates[tick]);
    }
    double[] steady = Arrays.copyOfRange(rates, Math.min(8, ticks - 1), ticks);
    Arrays.sort(steady);
    System.out.printf(
        Locale.ROOT,
        "after 2 s: lowest %.1f, median %.1f, highest %.1f M values/s (lowest/highest %.2f)%n",
        steady[0],
        steady[steady.length / 2],
        steady[steady.length - 1],
        steady[0] / steady[steady.length - 1]);
  }
}
