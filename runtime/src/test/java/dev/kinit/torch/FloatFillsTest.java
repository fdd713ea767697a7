package dev.kinit.torch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kinit.FloatTensor;
import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Float32 {@code normal_} and {@code uniform_} through the batched paths (chunks of whole blocks,
 * runs of nested arrays, ranges on several threads) give the values of {@link FillOracle}, which
 * draws one uniform at a time and transforms the blocks in place as PyTorch does, and leave the
 * stream where it does.
 */
class FloatFillsTest {

  /**
   * Shapes at every boundary: below, at and above 16 elements; blocks of 16 that straddle rows;
   * rows shorter than a block; sizes not a multiple of 16 (the recomputed last block), in rows or
   * not; and around the 512 elements the fast path makes at a time.
   */
  static Stream<int[]> shapes() {
    return Stream.of(
        new int[] {15},
        new int[] {3, 5},
        new int[] {16},
        new int[] {1, 16},
        new int[] {16, 1},
        new int[] {2, 8},
        new int[] {4, 4},
        new int[] {2, 2, 2, 2},
        new int[] {17},
        new int[] {1, 17},
        new int[] {17, 1},
        new int[] {3, 7},
        new int[] {5, 7},
        new int[] {7, 5},
        new int[] {31},
        new int[] {32},
        new int[] {3, 11},
        new int[] {3, 3, 3},
        new int[] {2, 3, 5, 7},
        new int[] {7, 73},
        new int[] {32, 16},
        new int[] {1, 512},
        new int[] {513, 1},
        new int[] {9, 57},
        new int[] {33, 16},
        new int[] {33, 31},
        new int[] {1000, 3},
        new int[] {40, 40, 3, 3},
        new int[] {2, 3, 4, 5, 6});
  }

  static Stream<Arguments> capabilitiesAndShapes() {
    return Stream.of(CpuCapability.values())
        .flatMap(capability -> shapes().map(shape -> Arguments.of(capability, shape)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("capabilitiesAndShapes")
  void normalOfEveryLayoutIsTheOracle(CpuCapability capability, int[] shape) {
    for (boolean nested : new boolean[] {false, true}) {
      TorchGenerator oracleRandom = TorchGenerator.sequential(3, capability);
      float[] expected = FillOracle.normal(oracleRandom, size(shape), 0.25, 1.5);
      TorchGenerator random = TorchGenerator.sequential(3, capability);
      Layout layout = new Layout(shape, nested);
      random.normal(layout.tensor(), 0.25, 1.5);
      assertArrayEquals(bits(expected), bits(layout.values()), layout.toString());
      assertEquals(oracleRandom.nextLong(), random.nextLong(), "the stream goes on from there");
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("capabilitiesAndShapes")
  void uniformOfEveryLayoutIsTheOracle(CpuCapability capability, int[] shape) {
    int size = size(shape);
    for (boolean nested : new boolean[] {false, true}) {
      TorchGenerator oracleRandom = TorchGenerator.sequential(4, capability);
      float[] expected = FillOracle.uniform(oracleRandom, size, -0.3, 0.7);
      TorchGenerator random = TorchGenerator.sequential(4, capability);
      Layout layout = new Layout(shape, nested);
      random.uniform(layout.tensor(), -0.3, 0.7);
      assertArrayEquals(bits(expected), bits(layout.values()), layout.toString());
      assertEquals(oracleRandom.nextLong(), random.nextLong(), "the stream goes on from there");
    }
  }

  @Test
  void fillsFollowingEachOtherContinueTheStream() {
    for (CpuCapability capability : CpuCapability.values()) {
      TorchGenerator oracleRandom = TorchGenerator.sequential(5, capability);
      TorchGenerator random = TorchGenerator.sequential(5, capability);
      for (int[] shape : new int[][] {{33, 31}, {7}, {3, 5}, {16, 16}, {9, 57}, {2}, {1, 1}}) {
        Layout layout = new Layout(shape, true);
        random.normal(layout.tensor(), -1, 0.5);
        assertArrayEquals(
            bits(FillOracle.normal(oracleRandom, size(shape), -1, 0.5)), bits(layout.values()));
        Layout next = new Layout(shape, false);
        random.uniform(next.tensor(), 0, 1);
        assertArrayEquals(
            bits(FillOracle.uniform(oracleRandom, size(shape), 0, 1)), bits(next.values()));
      }
    }
  }

  /**
   * Large fills are made in ranges on the threads of a pool, each range from its own copy of the
   * engine: the values, and the stream after them, are those of one thread, for any number of
   * threads.
   */
  @Test
  void parallelFillsAreTheSequentialFillForAnyNumberOfThreads() {
    int[][] shapes = {
      {613, 431}, // 264,203 elements: odd rows, a recomputed last block
      {1 << 18}, // exactly the size from which fills run in parallel, one flat run
      {1, (1 << 18) + 16 * 3 + 5},
      {97, 3, 1000}
    };
    ForkJoinPool[] pools = {
      new ForkJoinPool(1), new ForkJoinPool(2), new ForkJoinPool(3), new ForkJoinPool(8)
    };
    try {
      for (CpuCapability capability : CpuCapability.values()) {
        for (int[] shape : shapes) {
          TorchGenerator sequential = TorchGenerator.sequential(6, capability);
          Layout expected = new Layout(shape, true);
          sequential.normal(expected.tensor(), 0, 0.02);
          long next = sequential.nextLong();
          if (shape[0] == 613) {
            float[] oracle =
                FillOracle.normal(TorchGenerator.sequential(6, capability), size(shape), 0, 0.02);
            assertArrayEquals(bits(oracle), bits(expected.values()), "sequential vs oracle");
          }
          for (int pool = -1; pool < pools.length; pool++) {
            for (boolean nested : new boolean[] {false, true}) {
              TorchGenerator random =
                  pool < 0
                      ? TorchGenerator.manualSeed(6, capability) // the common pool
                      : TorchGenerator.manualSeed(6, capability, pools[pool]);
              Layout layout = new Layout(shape, nested);
              random.normal(layout.tensor(), 0, 0.02);
              String where =
                  capability + " " + layout + " on " + (pool < 0 ? "the common pool" : pools[pool]);
              assertArrayEquals(bits(expected.values()), bits(layout.values()), where);
              assertEquals(next, random.nextLong(), where + ": the stream goes on from there");
            }
          }
        }
      }
    } finally {
      for (ForkJoinPool pool : pools) {
        pool.shutdown();
      }
    }
  }

  private static int size(int[] shape) {
    return Arrays.stream(shape).reduce(1, Math::multiplyExact);
  }

  private static int[] bits(float[] values) {
    int[] bits = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      bits[i] = Float.floatToRawIntBits(values[i]);
    }
    return bits;
  }

  /** A float tensor of a shape, one flat array or nested arrays, and its values in row order. */
  private static final class Layout {
    private final int[] shape;
    private final boolean nested;
    private final Object data;

    Layout(int[] shape, boolean nested) {
      this.shape = shape;
      this.nested = nested && shape.length > 1;
      this.data = this.nested ? Array.newInstance(float.class, shape) : new float[size(shape)];
    }

    FloatTensor tensor() {
      if (!nested) {
        return FloatTensor.of("weight", (float[]) data, shape);
      }
      return switch (shape.length) {
        case 2 -> FloatTensor.of("weight", (float[][]) data);
        case 3 -> FloatTensor.of("weight", (float[][][]) data);
        case 4 -> FloatTensor.of("weight", (float[][][][]) data);
        case 5 -> FloatTensor.of("weight", (float[][][][][]) data);
        default -> throw new IllegalArgumentException(Arrays.toString(shape));
      };
    }

    float[] values() {
      float[] flat = new float[size(shape)];
      int[] next = {0};
      flatten(data, flat, next);
      return flat;
    }

    private static void flatten(Object node, float[] flat, int[] next) {
      if (node instanceof float[] row) {
        System.arraycopy(row, 0, flat, next[0], row.length);
        next[0] += row.length;
      } else {
        for (Object child : (Object[]) node) {
          flatten(child, flat, next);
        }
      }
    }

    @Override
    public String toString() {
      return (nested ? "nested " : "flat ") + Arrays.toString(shape);
    }
  }
}
