package dev.kinit.samples.nn;

/**
 * Max pooling over non-overlapping {@code size × size} windows (PyTorch's {@code
 * nn.MaxPool2d(size)}); rows and columns that do not fill a window are dropped. The gradient goes
 * to the element that was the maximum (the first one on ties).
 */
public final class MaxPool2d implements Layer {

  private final int channels;
  private final int size;
  private final int height;
  private final int width;
  private final int outHeight;
  private final int outWidth;

  /** For each sample and output element, the index of the input element that was the maximum. */
  private int[][] argmax;

  /**
   * Pools {@code channels} images of {@code height × width}.
   *
   * @throws IllegalArgumentException if a size is not positive or the window exceeds the image
   */
  public MaxPool2d(int channels, int height, int width, int size) {
    if (channels < 1 || size < 1 || size > height || size > width) {
      throw new IllegalArgumentException(
          "MaxPool2d("
              + size
              + ") on "
              + channels
              + " x "
              + height
              + "x"
              + width
              + "; expected positive sizes and a window no larger than the image");
    }
    this.channels = channels;
    this.size = size;
    this.height = height;
    this.width = width;
    this.outHeight = height / size;
    this.outWidth = width / size;
  }

  /** The height of the output images. */
  public int outHeight() {
    return outHeight;
  }

  /** The width of the output images. */
  public int outWidth() {
    return outWidth;
  }

  @Override
  public float[][] forward(float[][] input) {
    Shapes.requireFeatures("input", input, channels * height * width);
    int outputs = channels * outHeight * outWidth;
    argmax = new int[input.length][outputs];
    float[][] output = new float[input.length][outputs];
    for (int b = 0; b < input.length; b++) {
      float[] x = input[b];
      int k = 0;
      for (int ch = 0; ch < channels; ch++) {
        for (int r = 0; r < outHeight; r++) {
          for (int c = 0; c < outWidth; c++, k++) {
            int best = (ch * height + r * size) * width + c * size;
            for (int u = 0; u < size; u++) {
              for (int v = 0; v < size; v++) {
                int at = (ch * height + r * size + u) * width + c * size + v;
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
    Shapes.requireFeatures("outputGradient", outputGradient, channels * outHeight * outWidth);
    float[][] inputGradient = new float[outputGradient.length][channels * height * width];
    for (int b = 0; b < outputGradient.length; b++) {
      for (int k = 0; k < outputGradient[b].length; k++) {
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
