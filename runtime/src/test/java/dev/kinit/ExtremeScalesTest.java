package dev.kinit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kinit.block.BlockSampler;
import dev.kinit.torch.TorchGenerator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one rule for the scale of a fill (issue 11): the std of a normal fill, or the bound of a
 * uniform one, must be a normal number of the tensor's element type, with a finite range for a
 * uniform; every sampler obeys it, called directly or through {@link Kaiming}, and a fill that
 * breaks it throws before it writes an element or draws a number. The values tried sit at the ends
 * of each element type's range, and one step beyond.
 */
class ExtremeScalesTest {

  /** Elements per tensor: 40, enough for TorchGenerator's 16-element block path. */
  private static final int SIZE = 40;

  /** The samplers, each new from a fixed seed. */
  enum Sampler {
    ELEMENTWISE(() -> new SplittableRandom(1)),
    BLOCK(() -> BlockSampler.sequential(1)),
    TORCH(() -> TorchGenerator.manualSeed(1));

    final Supplier<RandomGenerator> generator;

    Sampler(Supplier<RandomGenerator> generator) {
      this.generator = generator;
    }
  }

  /** Both element types, with the range of their normal numbers. */
  enum Type {
    FLOAT(Float.MIN_NORMAL, Float.MAX_VALUE),
    DOUBLE(Double.MIN_NORMAL, Double.MAX_VALUE);

    final double minNormal;
    final double max;

    Type(double minNormal, double max) {
      this.minNormal = minNormal;
      this.max = max;
    }

    /**
     * A tensor {@code [4, 10]} named {@code w} whose elements are all NaN, which no fill writes.
     */
    Tensor untouched() {
      if (this == FLOAT) {
        float[] data = new float[SIZE];
        Arrays.fill(data, Float.NaN);
        return FloatTensor.of("w", data, 4, 10);
      }
      double[] data = new double[SIZE];
      Arrays.fill(data, Double.NaN);
      return DoubleTensor.of("w", data, 4, 10);
    }

    double round(double value) {
      return this == FLOAT ? (float) value : value;
    }

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  static Stream<Arguments> samplersAndTypes() {
    List<Arguments> all = new ArrayList<>();
    for (Sampler sampler : Sampler.values()) {
      for (Type type : Type.values()) {
        all.add(Arguments.of(sampler, type));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("samplersAndTypes")
  void normalTakesEveryNormalStdAndNothingElse(Sampler sampler, Type type) {
    for (double std : new double[] {type.minNormal, 1, type.max}) {
      Tensor tensor = type.untouched();
      TensorSampler.of(sampler.generator.get()).normal(tensor, 0, std);
      assertWrittenAndSpread(tensor, "std " + std);
    }
    for (double std :
        new double[] {
          Math.nextDown(type.minNormal), 0, Math.nextUp(type.max), Double.POSITIVE_INFINITY
        }) {
      assertRejected(
          sampler,
          type,
          "w: std " + std + " is not a normal " + type,
          (random, tensor) -> TensorSampler.of(random).normal(tensor, 0, std));
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("samplersAndTypes")
  void uniformTakesEveryNormalBoundWithAFiniteRangeAndNothingElse(Sampler sampler, Type type) {
    for (double bound : new double[] {type.minNormal, 1, type.max / 2}) {
      Tensor tensor = type.untouched();
      TensorSampler.of(sampler.generator.get()).uniform(tensor, -bound, bound);
      assertWrittenAndSpread(tensor, "bound " + bound);
      assertWithin(tensor, type.round(bound));
    }
    for (double bound :
        new double[] {Math.nextDown(type.minNormal), Math.nextUp(type.max / 2), type.max}) {
      assertRejected(
          sampler,
          type,
          "w: U(" + -bound + ", " + bound + ") ",
          (random, tensor) -> TensorSampler.of(random).uniform(tensor, -bound, bound));
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("samplersAndTypes")
  void aHugeSlopeWithUniformIsRejectedForFloatsAndSpreadForDoubles(Sampler sampler, Type type) {
    // The example: a = 1e40 gives gain sqrt(2 / (1 + 1e80)) = 1.4e-40, a bound of about
    // 7.7e-41 for fan_in 10: subnormal in float (where a float fill once wrote -bound everywhere).
    double gain = Nonlinearity.LEAKY_RELU.gain(1e40);
    double bound = Math.sqrt(3.0) * (gain / Math.sqrt(10));
    if (type == Type.FLOAT) {
      assertRejected(
          sampler,
          type,
          "w: bound " + bound + " is not a normal float",
          (random, tensor) -> Kaiming.uniform(tensor, FanMode.FAN_IN, gain, random));
    } else {
      Tensor tensor = type.untouched();
      Kaiming.uniform(tensor, FanMode.FAN_IN, gain, sampler.generator.get());
      assertWrittenAndSpread(tensor, "a = 1e40");
      assertWithin(tensor, bound);
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("samplersAndTypes")
  void aHugeGainIsRejectedForFloatsAndFiniteForDoubles(Sampler sampler, Type type) {
    // std = 1e300 / sqrt(10): beyond the floats, an ordinary double.
    double gain = 1e300;
    for (Distribution distribution : Distribution.values()) {
      BiConsumer<RandomGenerator, Tensor> fill =
          (random, tensor) -> {
            if (distribution == Distribution.NORMAL) {
              Kaiming.normal(tensor, FanMode.FAN_IN, gain, random);
            } else {
              Kaiming.uniform(tensor, FanMode.FAN_IN, gain, random);
            }
          };
      if (type == Type.FLOAT) {
        String quantity = distribution == Distribution.NORMAL ? "std" : "bound";
        assertRejected(sampler, type, "w: " + quantity + " ", fill);
      } else {
        Tensor tensor = type.untouched();
        fill.accept(sampler.generator.get(), tensor);
        assertWrittenAndSpread(tensor, distribution.name());
        for (double value : values(tensor)) {
          assertTrue(Double.isFinite(value), distribution + ": " + value);
        }
      }
    }
  }

  /**
   * {@code fill} must throw an {@link IllegalArgumentException} whose message starts with {@code
   * message}, having written no element and drawn nothing from the generator.
   */
  private static void assertRejected(
      Sampler sampler, Type type, String message, BiConsumer<RandomGenerator, Tensor> fill) {
    RandomGenerator random = sampler.generator.get();
    Tensor tensor = type.untouched();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> fill.accept(random, tensor));
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
    for (double value : values(tensor)) {
      assertTrue(Double.isNaN(value), "an element was written: " + value);
    }
    if (random instanceof BlockSampler block) {
      assertEquals(0, block.fills(), "a failed fill took a fill number");
    } else {
      assertEquals(sampler.generator.get().nextLong(), random.nextLong(), "a number was drawn");
    }
  }

  /** Every element written, and not a constant: more than half of the values distinct. */
  private static void assertWrittenAndSpread(Tensor tensor, String what) {
    double[] values = values(tensor);
    for (double value : values) {
      assertFalse(Double.isNaN(value), what + ": an element is NaN or was not written");
    }
    assertTrue(
        Arrays.stream(values).distinct().count() > SIZE / 2,
        what + ": the values are not spread: " + Arrays.toString(values));
  }

  private static void assertWithin(Tensor tensor, double bound) {
    for (double value : values(tensor)) {
      assertTrue(-bound <= value && value <= bound, value + " is outside ±" + bound);
    }
  }

  private static double[] values(Tensor tensor) {
    double[] values = new double[(int) tensor.size()];
    int[] next = {0};
    tensor.forEachSegment(
        0,
        tensor.size(),
        new Tensor.SegmentVisitor() {
          @Override
          public void floats(float[] array, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
              values[next[0]++] = array[i];
            }
          }

          @Override
          public void doubles(double[] array, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
              values[next[0]++] = array[i];
            }
          }
        });
    return values;
  }
}
