package dev.kinit.torch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kinit.DoubleTensor;
import dev.kinit.FloatTensor;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TorchGeneratorTest {

  @Test
  void bitsAreMt19937OfTheSeed() {
    // Known answers of MT19937 init_genrand(5489) (Matsumoto and Nishimura's mt19937ar.out, and
    // the C++ standard's requirement that the 10000th output of std::mt19937 is 4123659995).
    TorchGenerator random = TorchGenerator.manualSeed(5489);
    assertEquals(3499211612L, random.nextInt() & 0xffffffffL);
    assertEquals(581869302L, random.nextInt() & 0xffffffffL);
    assertEquals(3890346734L, random.nextInt() & 0xffffffffL);
    for (int i = 4; i < 10000; i++) {
      random.nextInt();
    }
    assertEquals(4123659995L, random.nextInt() & 0xffffffffL);
  }

  @Test
  void onlyTheLow32BitsOfTheSeedCount() {
    TorchGenerator wide = TorchGenerator.manualSeed((1L << 32) + 7);
    TorchGenerator narrow = TorchGenerator.manualSeed(7);
    for (int i = 0; i < 1000; i++) {
      assertEquals(narrow.nextInt(), wide.nextInt());
    }
    assertEquals((1L << 32) + 7, wide.initialSeed());
  }

  @Test
  void scalarSamplesUseTheLowBitsOfOneOrTwoDraws() {
    TorchGenerator random = TorchGenerator.manualSeed(3);
    TorchGenerator bits = TorchGenerator.manualSeed(3);
    long high = bits.nextInt() & 0xffffffffL;
    long low = bits.nextInt() & 0xffffffffL;
    assertEquals(high << 32 | low, random.nextLong());
    assertEquals((bits.nextInt() & 0xffffff) / 16777216f, random.nextFloat());
    long wide = bits.nextLong();
    assertEquals((wide & ((1L << 53) - 1)) / 9007199254740992.0, random.nextDouble());
  }

  @Test
  void nextGaussianKeepsTheSecondSampleOfAPair() {
    TorchGenerator random = TorchGenerator.manualSeed(11);
    TorchGenerator bits = TorchGenerator.manualSeed(11);
    double u1 = bits.nextDouble();
    double u2 = bits.nextDouble();
    double radius = Math.sqrt(-2 * StrictMath.log(1 - u2));

    assertEquals(radius * StrictMath.cos(2 * Math.PI * u1), random.nextGaussian());
    assertEquals(radius * StrictMath.sin(2 * Math.PI * u1), random.nextGaussian()); // no draw
    assertEquals(bits.nextInt(), random.nextInt());
  }

  @ParameterizedTest
  @EnumSource(CpuCapability.class)
  void nestedArraysGetTheValuesOfTheFlatLayout(CpuCapability capability) {
    // 35 elements: two whole blocks of 16 and a recomputed tail, spread over 5 rows of 7.
    float[][] nested = new float[5][7];
    float[] flat = new float[35];
    TorchGenerator.manualSeed(1, capability).normal(FloatTensor.of(nested), 0.5, 2.0);
    TorchGenerator.manualSeed(1, capability).normal(FloatTensor.of(flat, 5, 7), 0.5, 2.0);
    float[] rows = new float[35];
    for (int r = 0; r < 5; r++) {
      System.arraycopy(nested[r], 0, rows, r * 7, 7);
    }
    assertArrayEquals(flat, rows);

    double[][] nestedDoubles = new double[3][6];
    double[] flatDoubles = new double[18];
    TorchGenerator.manualSeed(1, capability).normal(DoubleTensor.of(nestedDoubles), 0, 1);
    TorchGenerator.manualSeed(1, capability).normal(DoubleTensor.of(flatDoubles, 3, 6), 0, 1);
    assertArrayEquals(
        flatDoubles, Arrays.stream(nestedDoubles).flatMapToDouble(Arrays::stream).toArray());
  }

  /**
   * PyTorch's {@code normal_fill} of {@code n >= 16} floats whose last block is not whole: the
   * whole blocks from uniforms {@code 0 .. whole - 1}, then the last 16 elements computed again
   * from 16 fresh uniforms, drawn after the tail's {@code n - whole} (which are dropped): {@code n
   * + 16} words in all. Checked for fills of one chunk of blocks and of several, on either kernels.
   */
  @ParameterizedTest
  @EnumSource(CpuCapability.class)
  void blockPathDrawsOneUniformPerElementPlus16ForATail(CpuCapability capability) {
    int chunk = NormalBlocks.CHUNK;
    for (int n : new int[] {35, chunk + 35, 3 * chunk + 7, 2 * chunk}) {
      int whole = n - n % 16;
      TorchGenerator random = TorchGenerator.sequential(5, capability);
      float[] values = new float[n];
      random.normal(FloatTensor.of(values), 0, 1);

      TorchGenerator bits = TorchGenerator.sequential(5, capability);
      for (int i = 0; i < (n == whole ? n : n + 16); i++) {
        bits.nextInt();
      }
      assertEquals(bits.nextInt(), random.nextInt(), "words drawn by a fill of " + n);

      float[] wholeBlocks = new float[whole];
      TorchGenerator.sequential(5, capability).normal(FloatTensor.of(wholeBlocks), 0, 1);
      assertArrayEquals(
          Arrays.copyOf(wholeBlocks, n - 16), Arrays.copyOf(values, n - 16), "first of " + n);
      if (n != whole) {
        TorchGenerator after = TorchGenerator.sequential(5, capability);
        for (int i = 0; i < n; i++) {
          after.nextInt();
        }
        float[] last = new float[16];
        after.normal(FloatTensor.of(last), 0, 1);
        assertArrayEquals(last, Arrays.copyOfRange(values, n - 16, n), "last 16 of " + n);
      }
    }
  }

  @Test
  void invalidArgumentsFailBeforeAnyDrawOrWrite() {
    TorchGenerator random = TorchGenerator.manualSeed(9);
    float[] data = {1, 2, 3};
    FloatTensor tensor = FloatTensor.of("bias", data);

    assertEquals(
        "std: -1.0; expected std >= 0.0",
        assertThrows(IllegalArgumentException.class, () -> random.normal(tensor, 0, -1))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> random.normal(tensor, 0, Double.NaN));
    assertEquals(
        "uniform: expected from <= to, but found from=1.0 > to=0.0",
        assertThrows(IllegalArgumentException.class, () -> random.uniform(tensor, 1, 0))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> random.uniform(tensor, -1e38, 1e39));
    // from == to passes PyTorch's check, not kinit's rule for a usable interval
    assertEquals(
        "bias: U(1.0, 1.0) is empty; expected from < to",
        assertThrows(IllegalArgumentException.class, () -> random.uniform(tensor, 1, 1))
            .getMessage());
    assertEquals(
        "bias: N(0.0, 1.0^2) truncated to [2.0, -2.0] is empty; expected a < b",
        assertThrows(
                IllegalArgumentException.class, () -> random.truncatedNormal(tensor, 0, 1, 2, -2))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> random.nextGaussian(0, -0.5));
    assertThrows(NullPointerException.class, () -> random.normal(null, 0, 1));

    assertArrayEquals(new float[] {1, 2, 3}, data);
    assertEquals(TorchGenerator.manualSeed(9).nextInt(), random.nextInt());
  }

  @Test
  void theDefaultCapabilityIsAvx2() {
    assertEquals(CpuCapability.AVX2, TorchGenerator.manualSeed(0).capability());
    assertEquals(
        "TorchGenerator[seed=7, default]",
        TorchGenerator.sequential(7, CpuCapability.DEFAULT).toString(),
        "what a log of the generator shows: the seed that reproduces it, and the kernels");
    assertEquals("default", CpuCapability.DEFAULT.torchName());
  }
}
