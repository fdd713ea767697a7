package dev.kinit.samples.data;

import java.util.SplittableRandom;

/**
 * A small image classification set made in code, so that the samples run without a download:
 * {@value #CLASSES} classes of 1 × {@value #SIZE} × {@value #SIZE} images.
 *
 * <p>Each class has a prototype, the sum of {@value #BLOBS} Gaussian blobs of random position,
 * width and sign. A sample is its class's prototype shifted by up to ±{@value #MAX_SHIFT} pixels in
 * each direction, scaled by a factor in [0.7, 1.3] and overlaid with Gaussian noise of std {@value
 * #NOISE}. The shifts make classes overlap where their blobs are near each other, so a linear model
 * does not solve it outright while a small network does. Pixels are standardised with the training
 * set's mean and std.
 */
public final class SyntheticImages {

  /** The number of classes. */
  public static final int CLASSES = 10;

  /** The height and width of an image: 20, the smallest that fits LeNet's two 5x5 convolutions. */
  public static final int SIZE = 20;

  static final int BLOBS = 3;
  static final int MAX_SHIFT = 2;
  static final double NOISE = 0.5;

  private SyntheticImages() {}

  /**
   * {@code trainSize} training and {@code testSize} test samples, from {@code seed}; the classes'
   * prototypes depend only on the seed, so both sets share them.
   */
  public static Dataset.Split generate(int trainSize, int testSize, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[][] prototypes = new float[CLASSES][];
    for (int k = 0; k < CLASSES; k++) {
      prototypes[k] = prototype(random);
    }
    return Dataset.standardize(
        samples("synthetic", trainSize, prototypes, random.split()),
        samples("synthetic", testSize, prototypes, random.split()));
  }

  /** {@link #BLOBS} Gaussian blobs on a canvas with a {@link #MAX_SHIFT} margin on every side. */
  private static float[] prototype(SplittableRandom random) {
    int canvas = SIZE + 2 * MAX_SHIFT;
    float[] image = new float[canvas * canvas];
    for (int blob = 0; blob < BLOBS; blob++) {
      double cx = random.nextDouble(MAX_SHIFT + 3, canvas - MAX_SHIFT - 3);
      double cy = random.nextDouble(MAX_SHIFT + 3, canvas - MAX_SHIFT - 3);
      double width = random.nextDouble(1.5, 3.5);
      double sign = random.nextBoolean() ? 1 : -1;
      for (int y = 0; y < canvas; y++) {
        for (int x = 0; x < canvas; x++) {
          double d2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
          image[y * canvas + x] += (float) (sign * Math.exp(-d2 / (2 * width * width)));
        }
      }
    }
    return image;
  }

  private static Dataset samples(
      String name, int count, float[][] prototypes, SplittableRandom random) {
    int canvas = SIZE + 2 * MAX_SHIFT;
    float[][] images = new float[count][SIZE * SIZE];
    int[] labels = new int[count];
    for (int n = 0; n < count; n++) {
      int label = random.nextInt(CLASSES);
      int dx = random.nextInt(-MAX_SHIFT, MAX_SHIFT + 1);
      int dy = random.nextInt(-MAX_SHIFT, MAX_SHIFT + 1);
      double scale = random.nextDouble(0.7, 1.3);
      float[] prototype = prototypes[label];
      for (int y = 0; y < SIZE; y++) {
        for (int x = 0; x < SIZE; x++) {
          double value = scale * prototype[(y + MAX_SHIFT + dy) * canvas + x + MAX_SHIFT + dx];
          images[n][y * SIZE + x] = (float) (value + NOISE * random.nextGaussian());
        }
      }
      labels[n] = label;
    }
    return new Dataset(name, images, labels, CLASSES, 1, SIZE, SIZE);
  }
}
