package dev.kinit.benchmarks;

import dev.kinit.FanMode;
import dev.kinit.FloatTensor;
import dev.kinit.InitPlan;
import dev.kinit.Kaiming;
import dev.kinit.Nonlinearity;
import dev.kinit.block.BlockSampler;
import dev.kinit.samples.models.Gpt2Small;
import dev.kinit.samples.models.Gpt2SmallInitializer;
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
 * Fills of {@link TorchGeneratorBenchmark} in interleaved rounds, for a machine shared with other
 * work, where JMH's one benchmark after the other meets different neighbours. Each round makes
 * every fill once, in an order that rotates; the first rounds warm the JIT up; the median and the
 * best of the others are reported.
 *
 * <ul>
 *   <li>default: the one-thread fills of 1M and 16M weights ({@link TorchGenerator#sequential}),
 *       timed by the CPU time of the filling thread, which the machine's load disturbs least (it
 *       stretches wall time, not the CPU time a fill takes); {@code scripts/bench_torch.py --clock
 *       cpu} measures PyTorch the same way;
 *   <li>{@code --gpt2}: the random fills of building and initialising GPT-2 small ({@link
 *       Gpt2SmallFills}), one thread, CPU time; {@code bench_torch.py --gpt2 --clock cpu};
 *   <li>{@code --gpt2-network}: GPT-2 small as {@link Gpt2NetworkBenchmark} makes it, constructed
 *       and initialised by its generated call, with {@link BlockSampler#sequential} and with {@link
 *       TorchGenerator#sequential}, one thread, CPU time of the calling thread (the collector's
 *       threads, which reclaim the previous networks, are not counted); {@code
 *       scripts/bench_gpt2.py --clock cpu};
 *   <li>{@code --all-cores}: the {@code normal_} fills of 1M and 16M weights on one thread and on
 *       all cores ({@link TorchGenerator#manualSeed(long)}), wall time, so that both meet the same
 *       neighbours.
 *   <li>{@code --gpt2-all-cores}: GPT-2 small initialised again by its generated call (one network
 *       made beforehand, as {@link Gpt2NetworkBenchmark}'s {@code reinit…}), with {@link
 *       BlockSampler#sequential} and with {@link BlockSampler#seeded(long)} (all cores), wall time;
 *       besides the medians, the median over rounds of each round's ratio of the two, which two
 *       calls made one right after the other give even when the neighbours change from round to
 *       round.
 *   <li>{@code --gpt2-all-cores-parts}: the parts of that call, each on one thread and on all cores
 *       ({@link #addGpt2Parts}), wall time, with each part's ratio.
 * </ul>
 *
 * <pre>
 *   java -Xmx3g -cp benchmarks/target/benchmarks.jar dev.kinit.benchmarks.TorchGeneratorRounds [--gpt2 | --gpt2-network | --gpt2-all-cores | --gpt2-all-cores-parts | --all-cores] [warm-up rounds] [rounds] [json file]
 * </pre>
 */
public final class TorchGeneratorRounds {

  private static final double GAIN = Nonlinearity.RELU.gain(0);
  private static final int[] SIDES = {1024, 4096};

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final TorchGenerator random = oneThread();
  private final TorchGenerator allCores = TorchGenerator.manualSeed(42);
  private final boolean wallTime;
  private final List<Fill> fills = new ArrayList<>();

  /** One fill of one weight, and the times it took, in nanoseconds. */
  private record Fill(String name, String layout, int size, Runnable run, List<Long> times) {}

  private TorchGeneratorRounds(String mode) {
    wallTime = mode.equals("--all-cores") || mode.startsWith("--gpt2-all-cores");
    if (mode.equals("--gpt2")) {
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
    if (mode.equals("--gpt2-network")) {
      int parameters = 124_439_808;
      fills.add(
          new Fill(
              "blockOneThread",
              "nested",
              parameters,
              () -> Gpt2SmallInitializer.initialize(new Gpt2Small(), BlockSampler.sequential(42)),
              new ArrayList<>()));
      fills.add(
          new Fill(
              "torchGenerator",
              "nested",
              parameters,
              () -> Gpt2SmallInitializer.initialize(new Gpt2Small(), oneThread()),
              new ArrayList<>()));
      fills.add(new Fill("construct", "nested", parameters, Gpt2Small::new, new ArrayList<>()));
      return;
    }
    if (mode.equals("--gpt2-all-cores")) {
      int parameters = 124_439_808;
      Gpt2Small made = new Gpt2Small();
      fills.add(
          new Fill(
              "reinitOneThread",
              "nested",
              parameters,
              () -> Gpt2SmallInitializer.initialize(made, BlockSampler.sequential(42)),
              new ArrayList<>()));
      fills.add(
          new Fill(
              "reinitAllCores",
              "nested",
              parameters,
              () -> Gpt2SmallInitializer.initialize(made, BlockSampler.seeded(42)),
              new ArrayList<>()));
      return;
    }
    if (mode.equals("--gpt2-all-cores-parts")) {
      addGpt2Parts();
      return;
    }
    for (int side : SIDES) {
      float[] flat = new float[side * side];
      float[][] nested = new float[side][side];
      Weight flatWeight = () -> FloatTensor.of("weight", flat, side, side);
      Weight nestedWeight = () -> FloatTensor.of("weight", nested);
      if (wallTime) {
        add("torchNormal", "flat", side, flatWeight, random, true);
        add("torchNormal", "nested", side, nestedWeight, random, true);
        add("torchNormalAllCores", "flat", side, flatWeight, allCores, true);
        add("torchNormalAllCores", "nested", side, nestedWeight, allCores, true);
      } else {
        for (boolean normal : new boolean[] {true, false}) {
          String name = normal ? "torchNormal" : "torchUniform";
          add(name, "flat", side, flatWeight, random, normal);
          add(name, "nested", side, nestedWeight, random, normal);
        }
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

  private void add(
      String name,
      String layout,
      int side,
      Weight weight,
      TorchGenerator generator,
      boolean normal) {
    Runnable run =
        normal
            ? () -> Kaiming.normal(weight.tensor(), FanMode.FAN_IN, GAIN, generator)
            : () -> Kaiming.uniform(weight.tensor(), FanMode.FAN_IN, GAIN, generator);
    fills.add(new Fill(name, layout, side * side, run, new ArrayList<>()));
  }

  private long now() {
    return wallTime ? System.nanoTime() : threads.getCurrentThreadCpuTime();
  }

  /**
   * Where {@code --gpt2-all-cores} loses against a single large fill, each part on one thread and
   * on all cores: one {@code normal} fill of as many elements as GPT-2 small has, in a flat array;
   * the 50 fills of its weight matrices' shapes ({@code wte}, {@code wpe}, four per block), nested,
   * one after the other; running a plan built beforehand; the same number of elements in one flat
   * array per core, each filled by its own sampler on its own plain thread ({@link #fillApart}:
   * what the host gives threads that share nothing); and building the network's plan, which views
   * and checks every parameter on the calling thread.
   */
  private void addGpt2Parts() {
    int parameters = 124_439_808;
    float[] flat = new float[parameters];
    List<FloatTensor> shapes = new ArrayList<>();
    shapes.add(FloatTensor.of(new float[50_257][768]));
    shapes.add(FloatTensor.of(new float[1_024][768]));
    for (int block = 0; block < 12; block++) {
      shapes.add(FloatTensor.of(new float[2_304][768]));
      shapes.add(FloatTensor.of(new float[768][768]));
      shapes.add(FloatTensor.of(new float[3_072][768]));
      shapes.add(FloatTensor.of(new float[768][3_072]));
    }
    int shapesSize = Math.toIntExact(shapes.stream().mapToLong(FloatTensor::size).sum());
    Gpt2Small made = new Gpt2Small();
    InitPlan plan = Gpt2SmallInitializer.plan(made);
    int cores = Runtime.getRuntime().availableProcessors();
    List<FloatTensor> pieces = new ArrayList<>();
    for (int i = 0; i < cores; i++) {
      pieces.add(FloatTensor.of(new float[parameters / cores]));
    }
    for (boolean allCores : new boolean[] {false, true}) {
      String threads = allCores ? "AllCores" : "OneThread";
      fills.add(
          new Fill(
              "flat" + threads,
              "flat",
              parameters,
              () -> sampler(allCores).normal(FloatTensor.of("flat", flat), 0, 0.02),
              new ArrayList<>()));
      fills.add(
          new Fill(
              "shapes" + threads,
              "nested",
              shapesSize,
              () -> {
                BlockSampler sampler = sampler(allCores);
                shapes.forEach(shape -> sampler.normal(shape, 0, 0.02));
              },
              new ArrayList<>()));
      fills.add(
          new Fill(
              "run" + threads,
              "nested",
              parameters,
              () -> plan.run(sampler(allCores)),
              new ArrayList<>()));
      fills.add(
          new Fill(
              "apart" + threads,
              "flat",
              parameters,
              () -> fillApart(pieces, allCores),
              new ArrayList<>()));
    }
    fills.add(
        new Fill(
            "plan",
            "nested",
            parameters,
            () -> Gpt2SmallInitializer.plan(made),
            new ArrayList<>()));
  }

  /**
   * The host's own scaling: one piece per core, each filled by its own {@link
   * BlockSampler#sequential} sampler, on the calling thread one after the other, or on as many
   * plain threads as there are cores at once, which share nothing but the machine.
   */
  private static void fillApart(List<FloatTensor> pieces, boolean allCores) {
    if (!allCores) {
      pieces.forEach(piece -> BlockSampler.sequential(42).normal(piece, 0, 0.02));
      return;
    }
    List<Thread> threads = new ArrayList<>();
    for (FloatTensor piece : pieces) {
      threads.add(new Thread(() -> BlockSampler.sequential(42).normal(piece, 0, 0.02)));
    }
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static BlockSampler sampler(boolean allCores) {
    return allCores ? BlockSampler.seeded(42) : BlockSampler.sequential(42);
  }

  private void round(int round, boolean record) {
    for (int k = 0; k < fills.size(); k++) {
      Fill fill = fills.get((k + round) % fills.size());
      long start = now();
      fill.run().run();
      long time = now() - start;
      if (record) {
        fill.times().add(time);
      }
    }
  }

  /**
   * The median, lowest and highest over rounds of fill {@code one}'s time over fill {@code all}'s.
   */
  private void printRatios(String label, int one, int all) {
    List<Long> oneTimes = fills.get(one).times();
    List<Long> allTimes = fills.get(all).times();
    double[] ratios = new double[oneTimes.size()];
    for (int r = 0; r < ratios.length; r++) {
      ratios[r] = (double) oneTimes.get(r) / allTimes.get(r);
    }
    Arrays.sort(ratios);
    System.out.printf(
        Locale.ROOT,
        "%sone thread / all cores, per round: median %.2fx, lowest %.2fx, highest %.2fx%n",
        label,
        ratios[ratios.length / 2],
        ratios[0],
        ratios[ratios.length - 1]);
  }

  public static void main(String[] args) {
    String mode = args.length > 0 && args[0].startsWith("--") ? args[0] : "";
    if (!mode.isEmpty()) {
      args = Arrays.copyOfRange(args, 1, args.length);
    }
    int warmUp = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    TorchGeneratorRounds benchmark = new TorchGeneratorRounds(mode);
    for (int r = 0; r < warmUp + rounds; r++) {
      benchmark.round(r, r >= warmUp);
    }
    String clock = benchmark.wallTime ? "wall" : "cpu";
    System.out.printf(
        Locale.ROOT,
        "%d warm-up rounds, medians and best of %d; %s time%n%-20s %-7s %9s %11s %11s %11s%n",
        warmUp,
        rounds,
        benchmark.wallTime ? "wall" : "thread CPU",
        "fill",
        "layout",
        "size",
        "median ms",
        "M values/s",
        "best M/s");
    StringJoiner json =
        new StringJoiner(",\n  ", "{\"clock\": \"" + clock + "\", \"results\": [\n  ", "\n]}\n");
    for (Fill fill : benchmark.fills) {
      long[] times = fill.times().stream().mapToLong(Long::longValue).sorted().toArray();
      double median = times[times.length / 2] / 1e6;
      double best = times[0] / 1e6;
      System.out.printf(
          Locale.ROOT,
          "%-20s %-7s %9d %11.2f %11.1f %11.1f%n",
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
    if (mode.equals("--gpt2-all-cores")) {
      benchmark.printRatios("", 0, 1);
    }
    if (mode.equals("--gpt2-all-cores-parts")) {
      for (int part = 0; part < 4; part++) {
        String name = benchmark.fills.get(part).name();
        benchmark.printRatios(name.replace("OneThread", ": "), part, part + 4);
      }
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
