package dev.kinit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kinit.TensorSampler.Fill;
import dev.kinit.block.BlockSampler;
import dev.kinit.torch.TorchGenerator;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link TensorSampler#fillAll}'s default: one call per fill, in order; every fill checked before
 * any is made; a skipped fill only on a counter-based sampler.
 */
class TensorSamplerFillAllTest {

  private static final long SEED = 23;

  /** One array per kind of fill, and the fills of them. */
  private static final class Arrays6 {
    final float[][] normal = new float[3][5];
    final double[] uniform = new double[7];
    final float[] constant = new float[4];
    final float[][] truncated = new float[2][3];
    final float[] unchanged = {1, 2};
    final float[][] eye = new float[3][4];

    List<Fill> fills() {
      return List.of(
          new Fill(FloatTensor.of("normal", normal), new Sampling.Normal(1, 2), false),
          new Fill(DoubleTensor.of("uniform", uniform), new Sampling.Uniform(-1, 1), false),
          new Fill(FloatTensor.of("constant", constant), new Sampling.Constant(0.5), false),
          new Fill(
              FloatTensor.of("truncated", truncated),
              new Sampling.TruncatedNormal(0, 1, -1, 1),
              false),
          new Fill(FloatTensor.of("unchanged", unchanged), new Sampling.Unchanged(), false),
          new Fill(FloatTensor.of("eye", eye), new Sampling.Eye(3, 4), false));
    }

    void fillOneByOne(TensorSampler sampler) {
      sampler.normal(FloatTensor.of("normal", normal), 1, 2);
      sampler.uniform(DoubleTensor.of("uniform", uniform), -1, 1);
      Arrays.fill(constant, 0.5f);
      sampler.truncatedNormal(FloatTensor.of("truncated", truncated), 0, 1, -1, 1);
      for (int i = 0; i < 3; i++) {
        eye[i][i] = 1;
      }
    }

    void assertEqualTo(Arrays6 expected) {
      assertArrayEquals(expected.normal, normal);
      assertArrayEquals(expected.uniform, uniform);
      assertArrayEquals(expected.constant, constant);
      assertArrayEquals(expected.truncated, truncated);
      assertArrayEquals(new float[] {1, 2}, unchanged);
      assertArrayEquals(expected.eye, eye);
    }
  }

  @Test
  void theDefaultMakesOneCallPerFillInOrder() {
    Arrays6 expected = new Arrays6();
    TorchGenerator oneByOne = TorchGenerator.manualSeed(SEED);
    expected.fillOneByOne(oneByOne);
    Arrays6 actual = new Arrays6();
    TorchGenerator batch = TorchGenerator.manualSeed(SEED);
    batch.fillAll(actual.fills());
    actual.assertEqualTo(expected);
    assertEquals(oneByOne.nextLong(), batch.nextLong(), "the stream moved past the same draws");
  }

  @Test
  void onACounterBasedSamplerTheDefaultSkipsAFillByItsNumber() {
    float[] made = new float[6];
    float[] skipped = new float[6];
    // A counter-based sampler that leaves fillAll to the default.
    CountingSampler sampler = new CountingSampler(BlockSampler.sequential(SEED), true);
    sampler.fillAll(
        List.of(
            new Fill(FloatTensor.of("skipped", skipped), new Sampling.Normal(0, 1), true),
            new Fill(FloatTensor.of("fixed", skipped), new Sampling.Constant(1), true),
            new Fill(FloatTensor.of("made", made), new Sampling.Normal(0, 1), false)));
    BlockSampler expected = BlockSampler.sequential(SEED);
    expected.skipFill();
    float[] values = new float[6];
    expected.normal(FloatTensor.of("made", values), 0, 1);
    assertArrayEquals(values, made);
    assertArrayEquals(new float[6], skipped);
    assertEquals(2, sampler.sampler.fills());
    assertEquals(1, sampler.made, "the made fill");
    assertEquals(
        1, sampler.skipped, "the skipped fill that draws; the skipped constant takes none");
  }

  @Test
  void aStreamCannotSkipAFillThatDrawsAndWritesNothingThen() {
    float[] first = new float[3];
    TorchGenerator torch = TorchGenerator.manualSeed(SEED);
    List<Fill> fills =
        List.of(
            new Fill(FloatTensor.of("first", first), new Sampling.Normal(0, 1), false),
            new Fill(FloatTensor.of("fixed", first), new Sampling.Constant(1), true),
            new Fill(FloatTensor.of("skipped", first), new Sampling.Uniform(0, 1), true));
    UnsupportedOperationException e =
        assertThrows(UnsupportedOperationException.class, () -> torch.fillAll(fills));
    assertEquals(
        "dev.kinit.torch.TorchGenerator is not counter-based, so it cannot skip the fill of"
            + " skipped; expected every fill to be made",
        e.getMessage());
    assertArrayEquals(new float[3], first);
    assertEquals(TorchGenerator.manualSeed(SEED).nextLong(), torch.nextLong());
  }

  @Test
  void everyFillIsCheckedBeforeAnyIsMade() {
    float[] first = new float[3];
    TorchGenerator torch = TorchGenerator.manualSeed(SEED);
    List<Fill> invalid =
        List.of(
            new Fill(FloatTensor.of("first", first), new Sampling.Normal(0, 1), false),
            new Fill(
                FloatTensor.of("wide", first), new Sampling.Uniform(0, Double.MAX_VALUE), false));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> torch.fillAll(invalid));
    assertEquals(0, e.getMessage().indexOf("wide: "), e.getMessage());
    List<Fill> unshardable =
        List.of(
            new Fill(FloatTensor.of("first", first), new Sampling.Normal(0, 1), false),
            new Fill(FloatTensor.of("whole", first), new Sampling.Unshardable("why", true), false));
    e = assertThrows(IllegalArgumentException.class, () -> torch.fillAll(unshardable));
    assertEquals("whole: why; expected a sampling that says what it writes", e.getMessage());
    List<Fill> emptyInterval =
        List.of(
            new Fill(FloatTensor.of("first", first), new Sampling.Normal(0, 1), false),
            new Fill(
                FloatTensor.of("truncated", first),
                new Sampling.TruncatedNormal(0, 1, 2, 1),
                false));
    e = assertThrows(IllegalArgumentException.class, () -> torch.fillAll(emptyInterval));
    assertEquals(0, e.getMessage().indexOf("truncated: "), e.getMessage());
    assertArrayEquals(new float[3], first);
    assertEquals(TorchGenerator.manualSeed(SEED).nextLong(), torch.nextLong());

    FloatTensor tensor = FloatTensor.of("t", first);
    assertThrows(NullPointerException.class, () -> new Fill(null, new Sampling.Unchanged(), false));
    assertThrows(NullPointerException.class, () -> new Fill(tensor, null, false));
  }
}
