package dev.kinit;

import dev.kinit.block.BlockSampler;
import java.util.random.RandomGenerator;

/**
 * A {@link BlockSampler} that counts the fills made and skipped, and says it is counter-based only
 * if asked to: with {@code counterBased} false, a plan must make every fill.
 */
final class CountingSampler implements RandomGenerator, TensorSampler {
  final BlockSampler sampler;
  private final boolean counterBased;
  int made;
  int skipped;

  CountingSampler(BlockSampler sampler, boolean counterBased) {
    this.sampler = sampler;
    this.counterBased = counterBased;
  }

  @Override
  public long nextLong() {
    return sampler.nextLong();
  }

  @Override
  public void normal(Tensor tensor, double mean, double std) {
    made++;
    sampler.normal(tensor, mean, std);
  }

  @Override
  public void uniform(Tensor tensor, double from, double to) {
    made++;
    sampler.uniform(tensor, from, to);
  }

  @Override
  public void truncatedNormal(Tensor tensor, double mean, double std, double a, double b) {
    made++;
    sampler.truncatedNormal(tensor, mean, std, a, b);
  }

  @Override
  public boolean counterBased() {
    return counterBased;
  }

  @Override
  public void skipFill() {
    if (!counterBased) {
      throw new AssertionError("a fill was skipped on a stream");
    }
    skipped++;
    sampler.skipFill();
  }
}
