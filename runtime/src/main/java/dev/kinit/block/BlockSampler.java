package dev.kinit.block;

import dev.kinit.Init;
import dev.kinit.InitPlan;
import dev.kinit.Kaiming;
import dev.kinit.Sampling;
import dev.kinit.Tensor;
import dev.kinit.TensorSampler;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * A fast, seeded {@link TensorSampler} that fills large tensors on all cores with the same result
 * for any number of threads, and can fill any range of a tensor alone (a shard) with the values the
 * whole fill puts there. Pass it to {@link Kaiming} like any generator:
 *
 * <pre>{@code
 * BlockSampler random = BlockSampler.seeded(42);
 * double gain = Nonlinearity.RELU.gain(0);
 * Kaiming.normal(FloatTensor.of("w1", w1), FanMode.FAN_IN, gain, random);  // fill 0
 * Kaiming.normal(FloatTensor.of("w2", w2), FanMode.FAN_IN, gain, random);  // fill 1
 * }</pre>
 *
 * <h2>Streams</h2>
 *
 * <p>All randomness comes from SplitMix64, the algorithm of {@link java.util.SplittableRandom}
 * (Steele, Lea and Flood, OOPSLA 2014), arranged as a tree of {@code split()}s. With {@code root =
 * new SplittableRandom(seed)}:
 *
 * <ul>
 *   <li>the scalar methods of {@link RandomGenerator} ({@link #nextLong()}, …) draw from the first
 *       {@code root.split()}, apart from the fills;
 *   <li>fill number {@code n} (the {@code n}-th whole-tensor fill of a sampler, from 0: {@link
 *       #fills()}) draws from {@code fill = } the {@code (n+2)}-th {@code root.split()};
 *   <li>the fill cuts the tensor's row-major positions into blocks of {@link #BLOCK_SIZE}; block
 *       {@code b} (from 0) draws from the {@code (b+1)}-th {@code fill.split()}, from its first
 *       element on.
 * </ul>
 *
 * <p>So the value at a position depends only on the seed, the fill number and the position: not on
 * the number of threads, the order in which blocks are done, the shape, or whether the data is one
 * flat array or a nested one. Each fill of a sampler gets new values (the next fill number); the
 * same seed and the same sequence of fills give the same weights on every run and JVM (the rare
 * transcendental steps use {@link StrictMath}, or decisions that provably agree with it). A {@code
 * float} tensor takes two values from each 64-bit word and a {@code double} tensor one, so the two
 * element types get different values.
 *
 * <h2>Distributions</h2>
 *
 * <ul>
 *   <li>normal: the ziggurat method of Marsaglia and Tsang (J. Stat. Software 5(8), 2000) with
 *       Doornik's (2005) independent layer index, 256 layers; {@code float} elements start from 32
 *       random bits (8 of layer, 24 of fraction), {@code double} elements from 64;
 *   <li>uniform: {@code lower + (upper − lower)·u}, {@code u} from the top 24 bits of a 32-bit half
 *       ({@code float}) or the top 53 bits of a word ({@code double}), as {@code nextFloat()} and
 *       {@code nextDouble()} make it;
 *   <li>truncated normal ({@link #truncatedNormal(Tensor, double, double, double, double)}): exact,
 *       not by PyTorch's inverse CDF: rejection from the ziggurat while the interval holds at least
 *       a quarter of the probability (a normal sample outside it is replaced by the next), else
 *       Robert's (1995) uniform or exponential proposals, whichever accepts more often.
 * </ul>
 *
 * <h2>Threads</h2>
 *
 * <p>A sampler fills large tensors on several threads itself. It may also be shared: fills started
 * from several threads at once each take their own fill number (never the same one twice), and each
 * word of the scalar stream goes to one caller. Which tensor gets which fill number, and which
 * caller which word, then depends on the order in which the threads get there: for values that
 * repeat from run to run, make the fills of a sampler in a fixed order (one thread, as an
 * initializer does), or give each thread its own sampler, or fill shards by explicit fill number
 * ({@link #normal(long, long, Tensor, double, double)}), which any thread may do at any time.
 */
public final class BlockSampler implements RandomGenerator, TensorSampler {

  /**
   * Elements per block: the unit of parallel work and of stream derivation (16,384). Part of the
   * definition of the values, so it never changes.
   */
  public static final int BLOCK_SIZE = BlockWriter.BLOCK_SIZE;

  /**
   * Fills of rows this long or longer, on average, are made as one job ({@link #fillAll}): the
   * check that they share no row then costs at most about 3% of filling them. Shorter rows
   * (convolution kernels of 1 to 7 elements) would cost more to check than to fill: their fills are
   * made one after the other, each on all cores.
   */
  private static final long LONG_ROW = 512;

  /** The most blocks a chunk holds: 2^18 elements, under a millisecond on one core. */
  private static final long MAX_GRAIN = 16;

  private final SplitMix root;

  /**
   * The scalar stream, {@code root}'s first split: its seed, advanced atomically by its gamma, so
   * that concurrent callers each get their own word ({@link SplitMix}'s {@code n}-th output is
   * {@code mix64(seed + n·gamma)}).
   */
  private final AtomicLong scalarSeed;

  private final long scalarGamma;
  private final @Nullable ForkJoinPool pool;

  /** The number of the next whole-tensor fill, taken atomically by each fill. */
  private final AtomicLong fills = new AtomicLong();

  private BlockSampler(long seed, @Nullable ForkJoinPool pool) {
    this.root = SplitMix.seeded(seed);
    SplitMix scalar = SplitMix.split(root, 0);
    this.scalarSeed = new AtomicLong(scalar.seed);
    this.scalarGamma = scalar.gamma;
    this.pool = pool;
  }

  /**
   * A sampler that fills tensors of more than one block on all cores, in {@link
   * ForkJoinPool#commonPool()} (the calling thread takes part).
   *
   * @param seed the seed of the root SplitMix64 stream (see the class comment); any value
   * @return a new sampler, at fill number 0
   */
  public static BlockSampler seeded(long seed) {
    return new BlockSampler(seed, ForkJoinPool.commonPool());
  }

  /**
   * A sampler that fills tensors of more than one block with the threads of {@code pool} (a tensor
   * or shard within one block on the calling thread). Same values as {@link #seeded(long)}.
   *
   * @param seed the seed of the root SplitMix64 stream (see the class comment); any value
   * @param pool the threads to fill with; the sampler does not shut it down
   * @return a new sampler, at fill number 0
   */
  public static BlockSampler seeded(long seed, ForkJoinPool pool) {
    return new BlockSampler(seed, Objects.requireNonNull(pool, "pool"));
  }

  /**
   * A sampler that fills on the calling thread only. Same values as {@link #seeded(long)}.
   *
   * @param seed the seed of the root SplitMix64 stream (see the class comment); any value
   * @return a new sampler, at fill number 0
   */
  public static BlockSampler sequential(long seed) {
    return new BlockSampler(seed, null);
  }

  /**
   * {@return how many whole-tensor fills this sampler has started: the fill number of the next one}
   * Fills that fail on their arguments take no number.
   */
  public long fills() {
    return fills.get();
  }

  /**
   * {@return {@code true}: a fill's values depend on the seed, its fill number and positions only}
   */
  @Override
  public boolean counterBased() {
    return true;
  }

  /**
   * Takes fill number {@link #fills()} without filling anything; {@link #fills()} goes up by one.
   */
  @Override
  public void skipFill() {
    fills.getAndIncrement();
  }

  /**
   * The next word of the scalar stream (see the class comment), as {@code SplittableRandom}. Safe
   * to call from several threads: each word goes to one caller.
   */
  @Override
  public long nextLong() {
    return SplitMix.mix64(scalarSeed.addAndGet(scalarGamma));
  }

  /**
   * Fill number {@link #fills()}: every element of {@code tensor} gets {@code mean + std·z}, {@code
   * z ~ N(0, 1)} by the ziggurat method; {@link #fills()} goes up by one.
   *
   * @throws IllegalArgumentException unless {@code mean} is finite and {@code std} a normal number
   *     in the tensor's element type ({@link TensorSampler}); nothing is written then, and no fill
   *     number is taken
   */
  @Override
  public void normal(Tensor tensor, double mean, double std) {
    whole(tensor, new Sampling.Normal(mean, std));
  }

  /**
   * Fill number {@link #fills()}: every element of {@code tensor} gets a sample of {@code U(lower,
   * upper)}; {@link #fills()} goes up by one. A {@code float} value may round to {@code upper}.
   *
   * @throws IllegalArgumentException unless {@code lower < upper}, both finite, with a half-width
   *     that is a normal number and a width that is finite in the tensor's element type ({@link
   *     TensorSampler}); nothing is written then, and no fill number is taken
   */
  @Override
  public void uniform(Tensor tensor, double lower, double upper) {
    whole(tensor, new Sampling.Uniform(lower, upper));
  }

  /**
   * A shard of a normal fill: writes into {@code shard}, in row-major order, the values that fill
   * number {@code fill} of a whole tensor puts at positions {@code [from, from + shard.size())}.
   * The shard's own shape does not matter, only its element count; {@link #fills()} is unchanged. A
   * machine that holds rows {@code [r0, r1)} of a {@code [rows][columns]} weight fills them with
   *
   * <pre>{@code
   * double std = Kaiming.std(new int[] {rows, columns}, FanMode.FAN_IN, Nonlinearity.RELU.gain(0));
   * BlockSampler random = BlockSampler.seeded(seed);
   * random.normal(fill, (long) r0 * columns, FloatTensor.of("w", myRows), 0, std);
   * }</pre>
   *
   * <p>and gets exactly the rows a single machine's {@code Kaiming.normal} would give fill {@code
   * fill}.
   *
   * @param fill the fill number of the whole-tensor fill, from 0: the value {@link #fills()} had
   *     when the whole tensor was (or would be) filled
   * @param from the row-major position, in the whole tensor, of the shard's first element
   * @param shard where to write the values of positions {@code [from, from + shard.size())}, in
   *     row-major order; its shape does not matter, only its element count and element type
   * @param mean the mean, finite
   * @param std the standard deviation, a normal number of the shard's element type
   * @throws IllegalArgumentException if {@code fill} or {@code from} is negative, the range passes
   *     {@code Long.MAX_VALUE}, or {@code mean}/{@code std} are invalid as in {@link
   *     #normal(Tensor, double, double)}; nothing is written then
   */
  public void normal(long fill, long from, Tensor shard, double mean, double std) {
    shard(fill, from, shard, new Sampling.Normal(mean, std));
  }

  /**
   * A shard of a uniform fill: writes into {@code shard} the values that fill number {@code fill}
   * of a whole tensor puts at positions {@code [from, from + shard.size())}, as {@link
   * #normal(long, long, Tensor, double, double)} does for normal fills.
   *
   * @param fill the fill number of the whole-tensor fill, from 0: the value {@link #fills()} had
   *     when the whole tensor was (or would be) filled
   * @param from the row-major position, in the whole tensor, of the shard's first element
   * @param shard where to write the values of positions {@code [from, from + shard.size())}, in
   *     row-major order; its shape does not matter, only its element count and element type
   * @param lower the lower end, finite and below {@code upper}
   * @param upper the upper end, finite
   * @throws IllegalArgumentException if {@code fill} or {@code from} is negative, the range passes
   *     {@code Long.MAX_VALUE}, or unless {@code lower < upper}, both finite, with a finite width;
   *     nothing is written then
   */
  public void uniform(long fill, long from, Tensor shard, double lower, double upper) {
    shard(fill, from, shard, new Sampling.Uniform(lower, upper));
  }

  /**
   * Fill number {@link #fills()}: every element of {@code tensor} gets a sample of {@code N(mean,
   * std²)} conditioned on {@code [a, b]}, exactly (see the class comment), in {@code [a, b]} as
   * rounded to the element type; {@link #fills()} goes up by one.
   *
   * @throws IllegalArgumentException unless the arguments pass the rule of {@link
   *     TensorSampler#truncatedNormal}; nothing is written then, and no fill number is taken
   */
  @Override
  public void truncatedNormal(Tensor tensor, double mean, double std, double a, double b) {
    whole(tensor, new Sampling.TruncatedNormal(mean, std, a, b));
  }

  /**
   * A shard of a truncated normal fill: writes into {@code shard} the values that fill number
   * {@code fill} of a whole tensor puts at positions {@code [from, from + shard.size())}, as {@link
   * #normal(long, long, Tensor, double, double)} does for normal fills.
   *
   * @param fill the fill number of the whole-tensor fill, from 0: the value {@link #fills()} had
   *     when the whole tensor was (or would be) filled
   * @param from the row-major position, in the whole tensor, of the shard's first element
   * @param shard where to write the values of positions {@code [from, from + shard.size())}, in
   *     row-major order; its shape does not matter, only its element count and element type
   * @param mean the mean of the normal distribution before truncation, finite
   * @param std the standard deviation before truncation, a normal number of the element type
   * @param a the lower end of the interval, a value (not a number of standard deviations), finite
   * @param b the upper end of the interval, finite and above {@code a}
   * @throws IllegalArgumentException if {@code fill} or {@code from} is negative, the range passes
   *     {@code Long.MAX_VALUE}, or the arguments fail as in {@link #truncatedNormal(Tensor, double,
   *     double, double, double)}; nothing is written then
   */
  public void truncatedNormal(
      long fill, long from, Tensor shard, double mean, double std, double a, double b) {
    shard(fill, from, shard, new Sampling.TruncatedNormal(mean, std, a, b));
  }

  /**
   * A shard of any fill that can be done by shards: writes into {@code shard}, in row-major order,
   * what the fill {@code sampling} describes puts at positions {@code [from, from + shard.size())}
   * of the whole tensor, if it is fill number {@code fill} of this sampler. {@code sampling} comes
   * from the whole tensor ({@link Init#sampling}); with an {@link InitPlan}'s fill numbers, a
   * worker holding any slice of any parameter fills it alone, as the whole plan run on a sampler of
   * the same seed fills it:
   *
   * <pre>{@code
   * InitPlan.Step step = parameter.last();     // of plan.parameters(), computed once, anywhere
   * random.fill(step.fill(), from, FloatTensor.of("slice", slice), step.sampling());
   * }</pre>
   *
   * <ul>
   *   <li>{@link Sampling.Normal}, {@link Sampling.Uniform}, {@link Sampling.TruncatedNormal}:
   *       {@link #normal(long, long, Tensor, double, double)}, {@link #uniform(long, long, Tensor,
   *       double, double)}, {@link #truncatedNormal(long, long, Tensor, double, double, double,
   *       double)};
   *   <li>{@link Sampling.Fixed} (constants, {@code eye_}, {@code dirac_}): each element's value at
   *       its position; {@code fill} is not used (a plan numbers such a step -1);
   *   <li>{@link Sampling.Unchanged}: nothing is written.
   * </ul>
   *
   * @param fill the fill number of the whole tensor's fill ({@link InitPlan.Step#fill()})
   * @param from the position in the whole tensor of the shard's first element
   * @param shard the elements to write, row-major
   * @param sampling what the whole tensor's fill draws ({@link Init#sampling})
   * @throws IllegalArgumentException for {@link Sampling.Unshardable}, with the reason; if {@code
   *     from} is negative or the range passes {@code Long.MAX_VALUE}; for a random fill, if {@code
   *     fill} is negative or the numbers are invalid as in {@link #normal(long, long, Tensor,
   *     double, double)}; nothing is written then
   */
  public void fill(long fill, long from, Tensor shard, Sampling sampling) {
    Objects.requireNonNull(shard, "shard");
    Objects.requireNonNull(sampling, "sampling");
    if (sampling instanceof Sampling.Unshardable unshardable) {
      throw new IllegalArgumentException(
          shard.name()
              + ": "
              + unshardable.reason()
              + "; expected a sampling that can be filled by shards");
    } else if (sampling instanceof Sampling.Fixed values) {
      requireRange(from, shard);
      values.write(shard, from);
    } else if (sampling.draws()) {
      shard(fill, from, shard, sampling);
    }
    // Sampling.Unchanged: nothing to write
  }

  /**
   * Makes {@code fills} with the values of one call per fill in order, the fill numbers taken in
   * order from {@link #fills()}, which goes up by one per fill that draws, skipped or not. On a
   * sampler with threads, fills of long rows ({@link #LONG_ROW}) that share no array ({@link
   * Tensor#shareArrays}) are made as one parallel job, so that no thread waits for the others
   * between two fills; fills that share one are made one after the other, as they must be for the
   * later one's values to stay, and so are fills of short rows, each on all cores.
   *
   * @throws IllegalArgumentException as {@link TensorSampler#fillAll}; nothing is written then, and
   *     no fill number is taken
   */
  @Override
  public void fillAll(List<Fill> fills) {
    List<Fill> all = List.copyOf(fills);
    all.forEach(Fill::check);
    long next = this.fills.getAndAdd(all.stream().filter(fill -> fill.sampling().draws()).count());
    List<Fill> made = new ArrayList<>(); // the fills that write
    List<@Nullable Part> parts = new ArrayList<>(); // the random ones' parts, null for fixed values
    for (Fill fill : all) {
      long number = fill.sampling().draws() ? next++ : -1;
      if (!fill.skipped() && !(fill.sampling() instanceof Sampling.Unchanged)) {
        made.add(fill);
        parts.add(number < 0 ? null : new Part(fill.tensor(), 0, writers(number, fill.sampling())));
      }
    }
    boolean together = together(made.stream().map(Fill::tensor).toList());
    for (int i = 0; i < made.size(); i++) {
      Part part = parts.get(i);
      if (made.get(i).sampling() instanceof Sampling.Fixed values) {
        values.write(made.get(i).tensor(), 0); // small, as a rule: biases' zeros, norms' ones
      } else if (part != null && !together) {
        run(List.of(part));
      }
    }
    if (together) {
      run(parts.stream().filter(Objects::nonNull).toList());
    }
  }

  /**
   * Whether fills of {@code tensors} are made as one job ({@link #fillAll}): on a pool, more than
   * one, of long rows, sharing no array.
   */
  boolean together(List<Tensor> tensors) {
    return pool != null && tensors.size() > 1 && longRows(tensors) && !Tensor.shareArrays(tensors);
  }

  /**
   * Whether the rows of {@code tensors} hold {@link #LONG_ROW} elements or more on average, so that
   * telling whether they share a row ({@link Tensor#shareArrays}: one read of each row's header,
   * about as long as sampling 16 floats) costs little beside filling them. Rows counted from the
   * shapes, as if every tensor were nested: a flat one's count is too high, never too low.
   */
  private static boolean longRows(List<Tensor> tensors) {
    long rows = 0;
    long elements = 0;
    for (Tensor tensor : tensors) {
      int[] shape = tensor.shape();
      long row = shape.length == 0 ? 1 : shape[shape.length - 1];
      rows += row == 0 ? 0 : tensor.size() / row;
      elements += tensor.size();
    }
    return rows <= elements / LONG_ROW;
  }

  /** Fill number {@link #fills()} of the whole {@code tensor}, which takes the number. */
  private void whole(Tensor tensor, Sampling random) {
    require(tensor, random);
    write(fills.getAndIncrement(), 0, tensor, random);
  }

  /** A shard of fill number {@code fill}, a random one, checked first. */
  private void shard(long fill, long from, Tensor shard, Sampling random) {
    require(shard, random);
    requireShard(fill, from, shard);
    write(fill, from, shard, random);
  }

  /** Writes a shard of fill number {@code fill}, a random one, already checked. */
  private void write(long fill, long from, Tensor shard, Sampling random) {
    run(List.of(new Part(shard, from, writers(fill, random))));
  }

  /** Checks the numbers of a fill of {@code tensor}, as every sampler does ({@link Fill#check}). */
  private static void require(Tensor tensor, Sampling sampling) {
    new Fill(Objects.requireNonNull(tensor, "tensor"), sampling, false).check();
  }

  /** The writers of fill number {@code fill}, a random sampling's. */
  private Supplier<BlockWriter> writers(long fill, Sampling sampling) {
    SplitMix generator = SplitMix.split(root, fill + 1);
    if (sampling instanceof Sampling.Normal normal) {
      return () -> new NormalWriter(generator, normal.mean(), normal.std());
    }
    if (sampling instanceof Sampling.Uniform uniform) {
      return () -> new UniformWriter(generator, uniform.from(), uniform.to());
    }
    Sampling.TruncatedNormal truncated = (Sampling.TruncatedNormal) sampling;
    TruncatedNormalWriter.Plan plan =
        TruncatedNormalWriter.Plan.of(
            truncated.mean(), truncated.std(), truncated.a(), truncated.b());
    return () -> new TruncatedNormalWriter(generator, plan);
  }

  private static void requireShard(long fill, long from, Tensor shard) {
    Objects.requireNonNull(shard, "shard");
    if (fill < 0) {
      throw new IllegalArgumentException(
          "fill: " + fill + " is negative; expected a fill number >= 0");
    }
    requireRange(from, shard);
  }

  private static void requireRange(long from, Tensor shard) {
    if (from < 0 || from > Long.MAX_VALUE - shard.size()) {
      throw new IllegalArgumentException(
          "from: "
              + from
              + " is not a valid start for "
              + shard.size()
              + " elements; expected 0"
              + " <= from <= "
              + (Long.MAX_VALUE - shard.size()));
    }
  }

  /**
   * Writes {@code parts}: on the calling thread if this sampler has no pool or they hold less than
   * two blocks, else in chunks of up to {@link #MAX_GRAIN} blocks that the caller and the pool's
   * threads take one after the other until none is left ({@link Chunks}).
   */
  private void run(List<Part> parts) {
    long blocks = 0;
    for (Part part : parts) {
      blocks += part.endBlock() - part.firstBlock();
    }
    if (pool == null || blocks < 2) {
      parts.forEach(Part::write);
      return;
    }
    // A few chunks per thread, so that a thread slowed by other work is made up for by the others,
    // and none long, so that no thread waits long for the last one.
    long grain = Math.max(1, Math.min(MAX_GRAIN, blocks / (4L * (pool.getParallelism() + 1))));
    Chunks chunks = new Chunks(parts, grain);
    long helpers = Math.min(pool.getParallelism(), chunks.count() - 1);
    try {
      for (long i = 0; i < helpers; i++) {
        pool.execute(chunks::write);
      }
    } catch (RejectedExecutionException e) {
      // a pool that is shut down: the caller writes what no helper takes
    }
    chunks.write();
    chunks.await();
  }

  /**
   * The chunks of a set of parts, each {@code grain} blocks of one part (its last one fewer),
   * numbered part by part; whoever calls {@link #write()} takes the next chunk not yet taken until
   * none is left, so that a thread that got less of the machine simply takes fewer. A caller that
   * is not one of the pool's threads works as one of them (it cannot help with another thread's
   * tasks, as a fork-join task's would have to), and waits for the chunks others took ({@link
   * #await()}), never for a thread that took none.
   */
  private static final class Chunks {
    private final List<Part> parts;
    private final long grain;

    /** Per part, the number of its first chunk; one more entry, the number of chunks. */
    private final long[] firstChunk;

    private final AtomicLong next = new AtomicLong();
    private final CountDownLatch written;
    private final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();

    Chunks(List<Part> parts, long grain) {
      this.parts = parts;
      this.grain = grain;
      firstChunk = new long[parts.size() + 1];
      for (int i = 0; i < parts.size(); i++) {
        Part part = parts.get(i);
        long blocks = part.endBlock() - part.firstBlock();
        firstChunk[i + 1] = firstChunk[i] + (blocks + grain - 1) / grain;
      }
      written = new CountDownLatch(Math.toIntExact(count()));
    }

    long count() {
      return firstChunk[parts.size()];
    }

    /** Writes chunks until none is left to take. */
    void write() {
      int part = 0;
      for (long chunk = next.getAndIncrement(); chunk < count(); chunk = next.getAndIncrement()) {
        while (firstChunk[part + 1] <= chunk) {
          part++; // chunks are taken in increasing order: the part only moves forward
        }
        try {
          Part of = parts.get(part);
          long block = of.firstBlock() + (chunk - firstChunk[part]) * grain;
          boolean last = of.endBlock() - block <= grain; // then (block + grain) · size may overflow
          of.write(
              Math.max(of.from(), block * BLOCK_SIZE),
              last ? of.to() : (block + grain) * BLOCK_SIZE);
        } catch (RuntimeException | Error e) {
          failure.compareAndSet(null, e);
        } finally {
          written.countDown();
        }
      }
    }

    /**
     * Waits until every chunk is written, even if interrupted (the interrupt is kept), and rethrows
     * the first failure of any thread.
     */
    void await() {
      boolean interrupted = false;
      while (true) {
        try {
          written.await();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      Throwable thrown = failure.get();
      if (thrown instanceof RuntimeException e) {
        throw e;
      }
      if (thrown instanceof Error e) {
        throw e;
      }
    }
  }

  /**
   * Positions {@code [from, from + shard.size())} of a whole fill, written into {@code shard} by
   * {@code writers}' writers (one per chunk).
   */
  private record Part(Tensor shard, long from, Supplier<BlockWriter> writers) {
    long to() {
      return from + shard.size();
    }

    long firstBlock() {
      return from / BLOCK_SIZE;
    }

    /** The block after the last, {@link #firstBlock()} if the part is empty. */
    long endBlock() {
      return from == to() ? firstBlock() : (to() - 1) / BLOCK_SIZE + 1;
    }

    void write() {
      write(from, to());
    }

    /** Writes positions {@code [start, end)} of the part, with a writer of its own. */
    void write(long start, long end) {
      if (start < end) {
        writers.get().write(shard, from, start, end);
      }
    }
  }
}
