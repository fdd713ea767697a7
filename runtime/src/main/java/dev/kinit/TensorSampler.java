package dev.kinit;

import java.util.random.RandomGenerator;

/**
 * Fills a whole {@link Tensor} with random values. The Kaiming fills ({@link Kaiming}) take a
 * {@link RandomGenerator}; when that generator also implements this interface, it samples the
 * tensor its own way (a PyTorch-compatible stream, a block-parallel sampler); any other generator
 * is drawn from element by element, in row-major order, by {@link #of(RandomGenerator)}.
 *
 * <p>An implementation must fill every element, and the same generator state must give the same
 * values on every run and JVM.
 */
public interface TensorSampler {

  /** Fills {@code tensor} with samples of {@code N(mean, std²)}; {@code std >= 0}. */
  void normal(Tensor tensor, double mean, double std);

  /** Fills {@code tensor} with samples of {@code U(from, to)}; {@code from < to}. */
  void uniform(Tensor tensor, double from, double to);

  /**
   * The sampler for {@code random}: {@code random} itself if it implements this interface,
   * otherwise one that draws each element, in row-major order, as {@code mean + std *
   * random.nextGaussian()} or {@code random.nextDouble(from, to)}, rounded to the element type.
   */
  static TensorSampler of(RandomGenerator random) {
    return random instanceof TensorSampler sampler ? sampler : new ElementwiseSampler(random);
  }
}
