package dev.kinit.torch;

/**
 * PyTorch's default kernels ({@code ATEN_CPU_CAPABILITY=default}, x86-64 without FMA): {@code a * b
 * + c} rounds the product, then the sum, and the float {@code normal_} block is {@code
 * normal_fill_16<float>}, which calls the C library's {@code logf}, {@code cosf} and {@code sinf}.
 *
 * <p>Java has no float log, sin or cos; the double {@link StrictMath} result rounded to float is
 * the correctly rounded float almost always. glibc's float functions are accurate to less than one
 * ulp but not always correctly rounded, so a sample can differ from PyTorch's in the last bit.
 */
final class DefaultKernels implements Kernels {

  @Override
  public double multiplyAdd(double a, double b, double c) {
    return a * b + c;
  }

  @Override
  public void multiplyAdd(float[] values, int offset, int length, float factor, float addend) {
    for (int i = offset; i < offset + length; i++) {
      values[i] = values[i] * factor + addend;
    }
  }

  @Override
  public FloatNormals floatNormals() {
    return (words, values, offset, length, mean, std) -> {
      for (int pair = 0; pair < length / 2; pair++) {
        int cosine = FloatNormals.cosineIndex(offset, pair);
        float u1 = 1 - Mt19937.unitFloat(words[cosine]);
        float u2 = Mt19937.unitFloat(words[cosine + 8]);
        float radius = (float) Math.sqrt(-2 * (float) StrictMath.log(u1));
        float theta = (float) (2.0 * Math.PI * u2); // 2.0f * c10::pi<double> * u2, in double
        values[cosine] = radius * (float) StrictMath.cos(theta) * std + mean;
        values[cosine + 8] = radius * (float) StrictMath.sin(theta) * std + mean;
      }
    };
  }
}
