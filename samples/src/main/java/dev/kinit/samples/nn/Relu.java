package dev.kinit.samples.nn;

/**
 * The rectifier {@code f(y) = max(0, y) + a · min(0, y)}: a ReLU for {@code a = 0}, a leaky ReLU
 * (PyTorch's {@code nn.LeakyReLU(a)}) otherwise. Its derivative is 1 for {@code y > 0} and {@code
 * a} elsewhere (taking 0 at 0, as PyTorch does). The layer before it should be initialised with the
 * gain {@code sqrt(2 / (1 + a²))}.
 */
public final class Relu implements Layer {

  private final float negativeSlope;
  private float[][] input;

  /** A ReLU: {@code max(0, y)}. */
  public Relu() {
    this(0);
  }

  /**
   * A leaky ReLU with negative slope {@code a}.
   *
   * @throws IllegalArgumentException if {@code a} is not finite
   */
  public Relu(float negativeSlope) {
    if (!Float.isFinite(negativeSlope)) {
      throw new IllegalArgumentException(
          "negativeSlope: " + negativeSlope + "; expected a finite number");
    }
    this.negativeSlope = negativeSlope;
  }

  @Override
  public float[][] forward(float[][] input) {
    this.input = input;
    float[][] output = new float[input.length][];
    for (int b = 0; b < input.length; b++) {
      float[] x = input[b];
      float[] y = new float[x.length];
      for (int i = 0; i < x.length; i++) {
        y[i] = x[i] > 0 ? x[i] : negativeSlope * x[i];
      }
      output[b] = y;
    }
    return output;
  }

  @Override
  public float[][] backward(float[][] outputGradient) {
    float[][] inputGradient = new float[outputGradient.length][];
    for (int b = 0; b < outputGradient.length; b++) {
      float[] x = input[b];
      float[] dy = outputGradient[b];
      float[] dx = new float[dy.length];
      for (int i = 0; i < dy.length; i++) {
        dx[i] = x[i] > 0 ? dy[i] : negativeSlope * dy[i];
      }
      inputGradient[b] = dx;
    }
    return inputGradient;
  }

  @Override
  public String toString() {
    return negativeSlope == 0 ? "ReLU" : "LeakyReLU(" + negativeSlope + ")";
  }
}
