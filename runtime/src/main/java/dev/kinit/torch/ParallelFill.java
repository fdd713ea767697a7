package dev.kinit.torch;

import dev.kinit.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

/**
 * One fill of a tensor from one MT19937 stream, in ranges of positions made on several threads,
 * with the values of the fill made in one go: the calling thread walks the stream ({@link
 * Mt19937#skip}, which only twists) and hands each range a copy of the engine at its first word;
 * the range's own thread then draws its words and turns them into values. Only the walk is
 * sequential; the values do not depend on the ranges or the threads.
 */
final class ParallelFill {
  private ParallelFill() {}

  /** Makes the values of a range of positions from an engine at the range's first word. */
  interface Ranges {
    /**
     * The visitor that fills the positions from {@code from} on, drawing from {@code engine}; made
     * on the thread that fills the range, when it starts, so that it may use that thread's buffers.
     */
    Tensor.SegmentVisitor from(long from, Mt19937 engine);
  }

  /** Ranges per thread of the pool and the caller: a thread slowed by other work is made up for. */
  private static final int RANGES_PER_THREAD = 4;

  /**
   * Fills {@code tensor}, whose position {@code p} starts at word {@code p} of {@code engine} (one
   * word per element), in ranges that start at multiples of {@code grain}, on {@code pool}; the
   * whole fill takes {@code words} words, after which {@code engine} is left.
   */
  static void run(
      ForkJoinPool pool, Tensor tensor, Mt19937 engine, long words, int grain, Ranges ranges) {
    long threads = pool.getParallelism() + 1L;
    long grains = Math.max(1, tensor.size() / grain / (RANGES_PER_THREAD * threads));
    Walk walk = new Walk(tensor, engine, words, grains * grain, ranges);
    boolean callerJoins =
        ForkJoinTask.getPool() == pool
            || (pool == ForkJoinPool.commonPool() && !ForkJoinTask.inForkJoinPool());
    if (callerJoins) {
      walk.invoke();
    } else {
      pool.invoke(walk);
    }
  }

  /** The walk along the stream, starting each range as soon as its engine is ready. */
  private static final class Walk extends RecursiveAction {
    private static final long serialVersionUID = 1L;

    private final transient Tensor tensor;
    private final transient Mt19937 engine;
    private final long words;
    private final long step;
    private final transient Ranges ranges;

    Walk(Tensor tensor, Mt19937 engine, long words, long step, Ranges ranges) {
      this.tensor = tensor;
      this.engine = engine;
      this.words = words;
      this.step = step;
      this.ranges = ranges;
    }

    @Override
    protected void compute() {
      long size = tensor.size();
      List<Range> started = new ArrayList<>();
      for (long from = 0; from < size; ) {
        long to = size - from < 2 * step ? size : from + step;
        Range range = new Range(tensor, from, to, engine.copy(), ranges);
        range.fork();
        started.add(range);
        engine.skip((to == size ? words : to) - from);
        from = to;
      }
      for (int i = started.size() - 1; i >= 0; i--) {
        started.get(i).join();
      }
    }
  }

  /** The positions {@code [from, to)}, filled from an engine at the range's first word. */
  private static final class Range extends RecursiveAction {
    private static final long serialVersionUID = 1L;

    private final transient Tensor tensor;
    private final long from;
    private final long to;
    private final transient Mt19937 engine;
    private final transient Ranges ranges;

    Range(Tensor tensor, long from, long to, Mt19937 engine, Ranges ranges) {
      this.tensor = tensor;
      this.from = from;
      this.to = to;
      this.engine = engine;
      this.ranges = ranges;
    }

    @Override
    protected void compute() {
      tensor.forEachSegment(from, to, ranges.from(from, engine));
    }
  }
}
