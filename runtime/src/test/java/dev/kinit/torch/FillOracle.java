package dev.kinit.torch;

/**
 * PyTorch's float32 {@code normal_} and {@code uniform_} written out plainly for a flat array, from
 * a generator's one-at-a-time draws ({@link TorchGenerator#nextFloat()}, {@link
 * TorchGenerator#nextGaussian(double, double)}): the oracle of the fast paths. As {@code
 * normal_fill} does, every element first gets a uniform, then each whole block of 16 is transformed
 * in place, and when the size is not a multiple of 16 the last 16 elements get new uniforms and are
 * transformed again; the block is {@code normal_fill_16_AVX2} with the lane-by-lane {@link
 * AvxMathFunLanes}, or {@code normal_fill_16<float>} with {@link StrictMath} for the C library.
 */
final class FillOracle {
  private FillOracle() {}

  private static final float TWO_PI = (float) (2.0 * Math.PI);

  static float[] normal(TorchGenerator random, int size, double mean, double std) {
    float[] data = new float[size];
    if (size < 16) {
      for (int i = 0; i < size; i++) {
        data[i] = (float) random.nextGaussian(mean, std);
      }
      return data;
    }
    for (int i = 0; i < size; i++) {
      data[i] = random.nextFloat();
    }
    for (int start = 0; start + 16 <= size; start += 16) {
      normal16(data, start, (float) mean, (float) std, random.capability());
    }
    if (size % 16 != 0) {
      for (int i = size - 16; i < size; i++) {
        data[i] = random.nextFloat();
      }
      normal16(data, size - 16, (float) mean, (float) std, random.capability());
    }
    return data;
  }

  static float[] uniform(TorchGenerator random, int size, double from, double to) {
    float low = (float) from;
    float range = (float) to - low;
    float[] data = new float[size];
    for (int i = 0; i < size; i++) {
      float x = random.nextFloat();
      data[i] =
          random.capability() == CpuCapability.AVX2 ? Math.fma(x, range, low) : x * range + low;
    }
    return data;
  }

  private static void normal16(
      float[] data, int start, float mean, float std, CpuCapability capability) {
    for (int j = start; j < start + 8; j++) {
      float u1 = 1 - data[j];
      float u2 = data[j + 8];
      if (capability == CpuCapability.AVX2) {
        float radius = (float) Math.sqrt(-2f * AvxMathFunLanes.log(u1));
        float theta = TWO_PI * u2;
        data[j] = Math.fma(radius * AvxMathFunLanes.cos(theta), std, mean);
        data[j + 8] = Math.fma(radius * AvxMathFunLanes.sin(theta), std, mean);
      } else {
        float radius = (float) Math.sqrt(-2 * (float) StrictMath.log(u1));
        float theta = (float) (2.0 * Math.PI * u2);
        data[j] = radius * (float) StrictMath.cos(theta) * std + mean;
        data[j + 8] = radius * (float) StrictMath.sin(theta) * std + mean;
      }
    }
  }
}
