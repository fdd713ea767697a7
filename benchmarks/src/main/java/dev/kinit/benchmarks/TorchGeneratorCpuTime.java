package dev.kinit.benchmarks;

import dev.kinit.FanMode;
import dev.kinit.FloatTensor;
import dev.kinit.Kaiming;
import dev.kinit.Nonlinearity;
import dev.kinit.torch.CpuCapability;
import dev.kinit.torch.TorchGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The one-thread fills of {@link TorchGeneratorBenchmark} timed by the CPU time of the filling
 * thread, the measure that other processes on a shared machine disturb least (their load stretches
 * wall time, not the CPU time a fill takes). {@code scripts/bench_torch.py --clock cpu} measures
 * PyTorch the same way. Not JMH: each round fills every weight once, in an order that rotates; the
 * first rounds warm the JIT up; the median and the best of the others are reported. With {@code
 * --gpt2}, the one fill is the random fills of building and initialising GPT-2 small ({@link
 * Gpt2SmallFills}; {@code bench_torch.py --gpt2 --clock cpu} in PyTorch).
 *
 * <pre>
 *   java -Xmx2g -cp benchmarks/target/benchmarks.jar dev.kinit.benchmarks.TorchGeneratorCpuTime [--gpt2] [warm-up rounds] [rounds] [json file]
 * </pre>
 */
public final class TorchGeneratorCpuTime {

  private static final double GAIN = Nonlinearity.RELU.gain(0);
  private static final int[] SIDES = {1024, 4096};

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final TorchGenerator random = oneThread();
  private final List<Fill> fills = new ArrayList<>();

  /** One fill of one weight, and the CPU times it took, in nanoseconds. */
  private record Fill(String name, String layout, int size, Runnable run, List<Long> times) {}

  private TorchGeneratorCpuTime(boolean gpt2) {
    if (gpt2) {
      Gpt2SmallFills network = new Gpt2SmallFills();
      fills.add(
          new Fill(
              "gpt2Small",
              "nested",
              Math.toIntExact(network.parameters()),
              () -> network.initialize(random),
              new ArrayList<>()));
      return;
    }
    for (int side : SIDES) {
      float[] flat = new float[side * side];
      float[][] nested = new float[side][side];
      for (String distribution : new String[] {"normal", "uniform"}) {
        add(distribution, "flat", side, () -> FloatTensor.of("weight", flat, side, side));
        add(distribution, "nested", side, () -> FloatTensor.of("weight", nested));
      }
    }
  }

  /** The generator of the one-thread benchmarks: every fill on the calling thread. */
  private static TorchGenerator oneThread() {
    return TorchGenerator.sequential(42, CpuCapability.AVX2);
  }

  private interface Weight {
    FloatTensor tensor();
  }

  private void add(String distribution, String layout, int side, Weight weight) {
    Runnable run =
        distribution.equals("normal")
            ? () -> Kaiming.normal(weight.tensor(), FanMode.FAN_IN, GAIN, random)
            : () -> Kaiming.uniform(weight.tensor(), FanMode.FAN_IN, GAIN, random);
    String name =
        "torch" + Character.toUpperCase(distribution.charAt(0)) + distribution.substring(1);
    fills.add(new Fill(name, layout, side * side, run, new ArrayList<>()));
  }

  private void round(int round, boolean record) {
    for (int k = 0; k < fills.size(); k++) {
      Fill fill = fills.get((k + round) % fills.size());
      long start = threads.getCurrentThreadCpuTime();
      fill.run().run();
      long time = threads.getCurrentThreadCpuTime() - start;
      if (record) {
        fill.times().add(time);
      }
    }
  }

  public static void main(String[] args) {
    boolean gpt2 = args.length > 0 && args[0].equals("--gpt2");
    if (gpt2) {
      args = Arrays.copyOfRange(args, 1, args.length);
    }
    int warmUp = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    TorchGeneratorCpuTime benchmark = new TorchGeneratorCpuTime(gpt2);
    for (int r = 0; r < warmUp + rounds; r++) {
      benchmark.round(r, r >= warmUp);
    }
    System.out.printf(
        Locale.ROOT,
        "%d warm-up rounds, medians and best of %d; thread CPU time%n%-14s %-7s %9s %11s %11s %11s%n",
        warmUp,
        rounds,
        "fill",
        "layout",
        "size",
        "median ms",
        "M values/s",
        "best M/s");
    StringJoiner json =
        new StringJoiner(",\n  ", "{\"clock\": \"cpu\", \"results\": [\n  ", "\n]}\n");
    for (Fill fill : benchmark.fills) {
      long[] times = fill.times().stream().mapToLong(Long::longValue).sorted().toArray();
      double median = times[times.length / 2] / 1e6;
      double best = times[0] / 1e6;
      System.out.printf(
          Locale.ROOT,
          "%-14s %-7s %9d %11.2f %11.1f %11.1f%n",
          fill.name(),
          fill.layout(),
          fill.size(),
          median,
          fill.size() / median / 1e3,
          fill.size() / best / 1e3);
      json.add(
          String.format(
              Locale.ROOT,
              "{\"fill\": \"%s\", \"layout\": \"%s\", \"size\": %d, \"median_ms\": %.4f,"
                  + " \"best_ms\": %.4f, \"ms\": %s}",
              fill.name(),
              fill.layout(),
              fill.size(),
              median,
              best,
              Arrays.toString(Arrays.stream(times).mapToDouble(t -> t / 1e6).toArray())));
    }
    if (args.length > 2) {
      try {
        Files.writeString(Path.of(args[2]), json.toString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
