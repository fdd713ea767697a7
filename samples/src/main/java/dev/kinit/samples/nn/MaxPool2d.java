package dev.kinit.samples.nn;

/**
 * Max pooling over non-overlapping {@code size × size} windows (PyTorch's {@code
 * nn.MaxPool2d(size)}); rows and columns that do not fill a window are dropped. The gradient goes
 * to the element that was the maximum (the first one on ties).
 */
public final class MaxPool2d implements Layer {

  private final Image in;
  private final Image out;
  private final int size;

  /** For each sample and output element, the index of the input element that was the maximum. */
  private int[][] argmax;

  /**
   * Pools images {@code in} by {@code size}.
   *
   * @throws IllegalArgumentException if {@code size} is not positive or exceeds the image
   */
  public MaxPool2d(Image in, int size) {
    if (size < 1 || size > in.height() || size > in.width()) {
      throw new IllegalArgumentException(
          String.format(
              "MaxPool2d(%d) on %s images; expected a positive window no larger than the image",
              size, in));
    }
    this.in = in;
    this.out = new Image(in.channels(), in.height() / size, in.width() / size);
    this.size = size;
  }

  /** The shape of the output images. */
  public Image output() {
    return out;
  }

  @Override
  public float[][] forward(float[][] input) {
    Shapes.requireFeatures("input", input, in.size());
    argmax = new int[input.length][out.size()];
    float[][] output = new float[input.length][out.size()];
    for (int b = 0; b < input.length; b++) {
      float[] x = input[b];
      int k = 0;
      for (int ch = 0; ch < out.channels(); ch++) {
        for (int r = 0; r < out.height(); r++) {
          for (int c = 0; c < out.width(); c++, k++) {
            int best = in.index(ch, r * size, c * size);
            for (int u = 0; u < size; u++) {
              for (int v = 0; v < size; v++) {
                int at = in.index(ch, r * size + u, c * size + v);
                if (x[at] > x[best]) {
                  best = at;
                }
              }
            }
            argmax[b][k] = best;
            output[b][k] = x[best];
          }
        }
      }
    }
    return output;
  }

  @Override
  public float[][] backward(float[][] outputGradient) {
    Shapes.requireFeatures("outputGradient", outputGradient, out.size());
    float[][] inputGradient = new float[outputGradient.length][in.size()];
    for (int b = 0; b < outputGradient.length; b++) {
      for (int k = 0; k < out.size(); k++) {
        inputGradient[b][argmax[b][k]] += outputGradient[b][k];
      }
    }
    return inputGradient;
  }

  @Override
  public String toString() {
    return "MaxPool2d(" + size + ")";
  }
}
