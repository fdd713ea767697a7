package dev.kinit;

import java.util.Objects;
import java.util.random.RandomGenerator;

/** Draws one value of a {@link RandomGenerator} per element, in row-major order. */
final class ElementwiseSampler implements TensorSampler {

  private final RandomGenerator random;

  ElementwiseSampler(RandomGenerator random) {
    this.random = Objects.requireNonNull(random, "random");
  }

  @Override
  public void normal(Tensor tensor, double mean, double std) {
    if (tensor instanceof FloatTensor floats) {
      floats.forEachSegment(
          0,
          floats.size(),
          (array, offset, length) -> {
            for (int i = offset; i < offset + length; i++) {
              array[i] = (float) (mean + std * random.nextGaussian());
            }
          });
    } else {
      DoubleTensor doubles = (DoubleTensor) tensor;
      doubles.forEachSegment(
          0,
          doubles.size(),
          (array, offset, length) -> {
            for (int i = offset; i < offset + length; i++) {
              array[i] = mean + std * random.nextGaussian();
            }
          });
    }
  }

  @Override
  public void uniform(Tensor tensor, double from, double to) {
    if (tensor instanceof FloatTensor floats) {
      floats.forEachSegment(
          0,
          floats.size(),
          (array, offset, length) -> {
            for (int i = offset; i < offset + length; i++) {
              array[i] = (float) random.nextDouble(from, to);
            }
          });
    } else {
      DoubleTensor doubles = (DoubleTensor) tensor;
      doubles.forEachSegment(
          0,
          doubles.size(),
          (array, offset, length) -> {
            for (int i = offset; i < offset + length; i++) {
              array[i] = random.nextDouble(from, to);
            }
          });
    }
  }
}
