package dev.kinit;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A sampler that checks nothing, draws nothing and writes nothing: it records each call, {@code
 * "normal FloatTensor w[2, 3] 0.0 1.0"}, so that a test sees what a fill asked of its sampler.
 */
final class RecordingSampler implements RandomGenerator, TensorSampler {
  final List<String> calls = new ArrayList<>();

  @Override
  public long nextLong() {
    calls.add("nextLong");
    return 0;
  }

  @Override
  public void normal(Tensor tensor, double mean, double std) {
    calls.add("normal " + tensor + " " + mean + " " + std);
  }

  @Override
  public void uniform(Tensor tensor, double from, double to) {
    calls.add("uniform " + tensor + " " + from + " " + to);
  }

  @Override
  public void truncatedNormal(Tensor tensor, double mean, double std, double a, double b) {
    calls.add("truncatedNormal " + tensor + " " + mean + " " + std + " " + a + " " + b);
  }
}
