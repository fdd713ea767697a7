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

  /**
   * Fills {@code tensor} with samples of {@code N(mean, std²)}.
   *
   * @param tensor the elements to write, all of them
   * @param mean the mean, finite
   * @param std the standard deviation, finite and {@code >= 0}
   */
  void normal(Tensor tensor, double mean, double std);

  /**
   * Fills {@code tensor} with samples of {@code U(from, to)}.
   *
   * @param tensor the elements to write, all of them
   * @param from the lower bound, finite
   * @param to the upper bound, finite and greater than {@code from}
   */
  void uniform(Tensor tensor, double from, double to);

  /**
   * {@return the sampler for {@code random}} That is {@code random} itself if it implements this
   * interface, otherwise one that draws each element, in row-major order, as {@code mean + std *
   * random.nextGaussian()} or {@code random.nextDouble(from, to)}, rounded to the element type.
   *
   * @param random the source of randomness
   */
  static TensorSampler of(RandomGenerator random) {
    return random instanceof TensorSampler sampler ? sampler : new ElementwiseSampler(random);
  }
}
