package dev.kinit.samples.nn;

/** Checks of batch shapes shared by the layers. */
final class Shapes {
  private Shapes() {}

  /**
   * @throws IllegalArgumentException unless every row of {@code batch} has {@code features}
   *     elements
   */
  static void requireFeatures(String name, float[][] batch, int features) {
    for (int b = 0; b < batch.length; b++) {
      if (batch[b].length != features) {
        throw new IllegalArgumentException(
            name + "[" + b + "] has " + batch[b].length + " features; expected " + features);
      }
    }
  }
}
