package dev.kinit.samples.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * Labelled images for classification: {@code images[n]} is sample {@code n}'s {@code [channels]
 * [height][width]} pixels flattened in row-major order, {@code labels[n]} its class in {@code [0,
 * classes)}.
 *
 * @param name for tables and plots
 * @param images one row of {@code channels · height · width} values per sample
 * @param labels one class per sample
 * @param classes the number of classes
 * @param channels the number of channels of an image
 * @param height the height of an image
 * @param width the width of an image
 */
public record Dataset(
    String name, float[][] images, int[] labels, int classes, int channels, int height, int width) {

  /**
   * @throws IllegalArgumentException if the counts or an image's size do not match, or a label is
   *     not a class
   */
  public Dataset {
    Objects.requireNonNull(name, "name");
    if (images.length != labels.length) {
      throw new IllegalArgumentException(
          String.format(
              "%s: %d images and %d labels; expected one label per image",
              name, images.length, labels.length));
    }
    int features = channels * height * width;
    for (int n = 0; n < images.length; n++) {
      if (images[n].length != features) {
        throw new IllegalArgumentException(
            String.format(
                "%s: image %d has %d values; expected %dx%dx%d = %d",
                name, n, images[n].length, channels, height, width, features));
      }
      if (labels[n] < 0 || labels[n] >= classes) {
        throw new IllegalArgumentException(
            String.format(
                "%s: label %d is %d; expected a class in [0, %d)", name, n, labels[n], classes));
      }
    }
  }

  /** A training set and a test set of the same kind. */
  public record Split(Dataset train, Dataset test) {}

  /** The number of samples. */
  public int size() {
    return images.length;
  }

  /** The number of values per sample, {@code channels · height · width}. */
  public int features() {
    return channels * height * width;
  }

  /** The first {@code count} samples (all of them if there are fewer). */
  public Dataset first(int count) {
    int n = Math.min(count, size());
    return new Dataset(
        name, Arrays.copyOf(images, n), Arrays.copyOf(labels, n), classes, channels, height, width);
  }

  /**
   * The images shifted and scaled by the same constants, {@code (x - mean) / std}: the training
   * set's statistics applied to both sets.
   */
  Dataset standardized(double mean, double std) {
    float[][] scaled = new float[images.length][];
    for (int n = 0; n < images.length; n++) {
      float[] image = images[n];
      float[] out = new float[image.length];
      for (int i = 0; i < image.length; i++) {
        out[i] = (float) ((image[i] - mean) / std);
      }
      scaled[n] = out;
    }
    return new Dataset(name, scaled, labels, classes, channels, height, width);
  }

  /** Standardises both sets with the training set's pixel mean and std. */
  static Split standardize(Dataset train, Dataset test) {
    Moments pixels = Moments.of(train.images());
    return new Split(
        train.standardized(pixels.mean(), pixels.std()),
        test.standardized(pixels.mean(), pixels.std()));
  }
}
