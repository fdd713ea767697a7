package dev.kinit.samples.nn;

/**
 * The shape of one sample of an image layer: {@code channels} planes of {@code height × width},
 * flattened in row-major order ({@code [channel][row][column]}) into {@code size()} values.
 *
 * @param channels the number of planes
 * @param height the number of rows
 * @param width the number of columns
 */
public record Image(int channels, int height, int width) {

  /**
   * @throws IllegalArgumentException if a size is not positive
   */
  public Image {
    if (channels < 1 || height < 1 || width < 1) {
      throw new IllegalArgumentException(
          String.format("image %s; expected positive sizes", describe(channels, height, width)));
    }
  }

  /** The number of values of one sample. */
  public int size() {
    return channels * height * width;
  }

  /** The index of value {@code (channel, row, column)} in the flattened sample. */
  int index(int channel, int row, int column) {
    return (channel * height + row) * width + column;
  }

  @Override
  public String toString() {
    return describe(channels, height, width);
  }

  private static String describe(int channels, int height, int width) {
    return channels + "x" + height + "x" + width;
  }
}
