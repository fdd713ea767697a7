package dev.kinit.samples.nn;

/**
 * Pads images by wrapping around (PyTorch's {@code nn.CircularPad2d(p)}, or {@code Conv2d(...,
 * padding_mode='circular')}): a {@code height × width} image becomes {@code (height + 2p) × (width
 * + 2p)}, its borders continued from the opposite side. Before a {@code k × k} {@link Conv2d} with
 * {@code p = (k - 1) / 2}, the output keeps the input's size and every pixel, border included, sees
 * a full {@code k × k} neighbourhood, forward and backward: there are no borders to bias the
 * statistics of a deep stack.
 */
public final class CircularPad2d implements Layer {

  private final int channels;
  private final int height;
  private final int width;
  private final int padding;

  /**
   * Pads {@code channels} images of {@code height × width} by {@code padding} on every side.
   *
   * @throws IllegalArgumentException unless the sizes are positive and {@code padding} is between 0
   *     and the image's size
   */
  public CircularPad2d(int channels, int height, int width, int padding) {
    if (channels < 1
        || height < 1
        || width < 1
        || padding < 0
        || padding > height
        || padding > width) {
      throw new IllegalArgumentException(
          "CircularPad2d("
              + padding
              + ") on "
              + channels
              + " x "
              + height
              + "x"
              + width
              + "; expected positive sizes and 0 <= padding <= the image's size");
    }
    this.channels = channels;
    this.height = height;
    this.width = width;
    this.padding = padding;
  }

  /** The height of the padded images. */
  public int outHeight() {
    return height + 2 * padding;
  }

  /** The width of the padded images. */
  public int outWidth() {
    return width + 2 * padding;
  }

  @Override
  public float[][] forward(float[][] input) {
    Shapes.requireFeatures("input", input, channels * height * width);
    float[][] output = new float[input.length][channels * outHeight() * outWidth()];
    for (int b = 0; b < input.length; b++) {
      for (int ch = 0; ch < channels; ch++) {
        for (int r = 0; r < outHeight(); r++) {
          for (int c = 0; c < outWidth(); c++) {
            output[b][(ch * outHeight() + r) * outWidth() + c] = input[b][source(ch, r, c)];
          }
        }
      }
    }
    return output;
  }

  /** Each padded pixel's gradient goes back to the pixel it copies. */
  @Override
  public float[][] backward(float[][] outputGradient) {
    Shapes.requireFeatures("outputGradient", outputGradient, channels * outHeight() * outWidth());
    float[][] inputGradient = new float[outputGradient.length][channels * height * width];
    for (int b = 0; b < outputGradient.length; b++) {
      for (int ch = 0; ch < channels; ch++) {
        for (int r = 0; r < outHeight(); r++) {
          for (int c = 0; c < outWidth(); c++) {
            inputGradient[b][source(ch, r, c)] +=
                outputGradient[b][(ch * outHeight() + r) * outWidth() + c];
          }
        }
      }
    }
    return inputGradient;
  }

  /** The index of the input pixel that padded pixel {@code (r, c)} of channel {@code ch} copies. */
  private int source(int ch, int r, int c) {
    int row = Math.floorMod(r - padding, height);
    int column = Math.floorMod(c - padding, width);
    return (ch * height + row) * width + column;
  }

  @Override
  public String toString() {
    return "CircularPad2d(" + padding + ")";
  }
}
