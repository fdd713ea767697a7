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

  private final Image in;
  private final Image out;
  private final int padding;

  /**
   * Pads images {@code in} by {@code padding} on every side.
   *
   * @throws IllegalArgumentException unless {@code padding} is between 0 and the image's size
   */
  public CircularPad2d(Image in, int padding) {
    if (padding < 0 || padding > in.height() || padding > in.width()) {
      throw new IllegalArgumentException(
          String.format(
              "CircularPad2d(%d) on %s images; expected 0 <= padding <= the image's size",
              padding, in));
    }
    this.in = in;
    this.out = new Image(in.channels(), in.height() + 2 * padding, in.width() + 2 * padding);
    this.padding = padding;
  }

  /** The shape of the padded images. */
  public Image output() {
    return out;
  }

  @Override
  public float[][] forward(float[][] input) {
    Shapes.requireFeatures("input", input, in.size());
    float[][] output = new float[input.length][out.size()];
    for (int b = 0; b < input.length; b++) {
      for (int ch = 0; ch < out.channels(); ch++) {
        for (int r = 0; r < out.height(); r++) {
          for (int c = 0; c < out.width(); c++) {
            output[b][out.index(ch, r, c)] = input[b][source(ch, r, c)];
          }
        }
      }
    }
    return output;
  }

  /** Each padded pixel's gradient goes back to the pixel it copies. */
  @Override
  public float[][] backward(float[][] outputGradient) {
    Shapes.requireFeatures("outputGradient", outputGradient, out.size());
    float[][] inputGradient = new float[outputGradient.length][in.size()];
    for (int b = 0; b < outputGradient.length; b++) {
      for (int ch = 0; ch < out.channels(); ch++) {
        for (int r = 0; r < out.height(); r++) {
          for (int c = 0; c < out.width(); c++) {
            inputGradient[b][source(ch, r, c)] += outputGradient[b][out.index(ch, r, c)];
          }
        }
      }
    }
    return inputGradient;
  }

  /** The index of the input pixel that padded pixel {@code (r, c)} of channel {@code ch} copies. */
  private int source(int ch, int r, int c) {
    return in.index(
        ch, Math.floorMod(r - padding, in.height()), Math.floorMod(c - padding, in.width()));
  }

  @Override
  public String toString() {
    return "CircularPad2d(" + padding + ")";
  }
}
