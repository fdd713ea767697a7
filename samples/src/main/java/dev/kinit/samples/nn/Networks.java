package dev.kinit.samples.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * The networks of the samples, built from the Java layers ({@link Linear}, {@link Conv2d}, {@link
 * Relu}, {@link MaxPool2d}) and the Kotlin ones ({@link Classifier}, {@link LeakyLinear}, {@link
 * LazyLinear}, {@link FlatLinear}, {@link ResidualLinear}). Each weight layer is followed by the
 * nonlinearity its {@code @KaimingInit} gain was chosen for. Each network is a {@link
 * dev.kinit.Network} ({@link Mlp}, written in Kotlin, {@link LeNet}, {@link PlainNet}), initialised
 * by one call of its generated initializer.
 */
public final class Networks {
  private Networks() {}

  /**
   * A multilayer perceptron mixing Java and Kotlin layers:
   *
   * <pre>
   *   Linear(in, 128) → ReLU → ResidualLinear(128) → ReLU → LeakyLinear(128, 64) → LeakyReLU(0.1)
   *     → Classifier(64, classes)
   * </pre>
   */
  public static Network mlp(int inFeatures, int classes) {
    return new Mlp(inFeatures, classes);
  }

  /**
   * A LeNet-5-like convolutional network (LeCun et al. 1998) with ReLUs and max pooling, for images
   * of at least 16 × 16 (20 × 20 synthetic ones, 28 × 28 Fashion-MNIST):
   *
   * <pre>
   *   Conv2d(c, 6, 5x5) → ReLU → MaxPool(2) → Conv2d(6, 16, 5x5) → ReLU → MaxPool(2)
   *     → LazyLinear(120) → ReLU → FlatLinear(120, 84) → ReLU → Classifier(84, classes)
   * </pre>
   */
  public static Network leNet(int channels, int height, int width, int classes) {
    return new LeNet(channels, height, width, classes);
  }

  /**
   * A plain (no shortcuts, no normalisation) ReLU network of {@code depth} weight layers, the kind
   * He et al. 2015 (Fig. 3) train at depth 30: {@code Linear(in, width) → ReLU}, then {@code depth
   * - 2} times {@code Linear(width, width) → ReLU}, then {@code Classifier(width, classes)}.
   *
   * @throws IllegalArgumentException if {@code depth < 2}
   */
  public static Network plain(int depth, int inFeatures, int width, int classes) {
    if (depth < 2) {
      throw new IllegalArgumentException("depth " + depth + "; expected at least 2 weight layers");
    }
    List<Linear> hidden = new ArrayList<>();
    for (int l = 1; l < depth; l++) {
      hidden.add(new Linear(l == 1 ? inFeatures : width, width));
    }
    return new PlainNet("plain-" + depth, hidden, new Classifier(width, classes));
  }
}
