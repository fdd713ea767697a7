package dev.kinit;

import dev.kinit.internal.ElementType;
import dev.kinit.internal.Rules;
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
    Rules.require(Rules.normalProblem(tensor.name(), ElementType.of(tensor), mean, std));
    tensor.setAll(() -> mean + std * random.nextGaussian());
  }

  @Override
  public void uniform(Tensor tensor, double from, double to) {
    Rules.require(Rules.uniformProblem(tensor.name(), ElementType.of(tensor), from, to));
    tensor.setAll(() -> random.nextDouble(from, to));
  }
}
