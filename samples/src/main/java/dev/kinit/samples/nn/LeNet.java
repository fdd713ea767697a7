package dev.kinit.samples.nn;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A LeNet-5-like convolutional network (LeCun et al. 1998) with ReLUs and max pooling, for images
 * of at least 16 × 16:
 *
 * <pre>
 *   conv1 Conv2d(c, 6, 5x5) → ReLU → MaxPool(2) → conv2 Conv2d(6, 16, 5x5) → ReLU → MaxPool(2)
 *     → fc1 LazyLinear(120) → ReLU → fc2 FlatLinear(120, 84) → ReLU → head Classifier(84, classes)
 * </pre>
 */
@dev.kinit.Network
public final class LeNet extends Network {

  /** {@code Conv2d(c, 6, 5x5)}. */
  public final Conv2d conv1;

  /** {@code Conv2d(6, 16, 5x5)}. */
  public final Conv2d conv2;

  /** {@code LazyLinear(120)}: its input size, and its weight, come with the first batch. */
  public final LazyLinear fc1;

  /** {@code FlatLinear(120, 84)}. */
  public final FlatLinear fc2;

  /** {@code Classifier(84, classes)}. */
  public final Classifier head;

  /** For images of {@code channels × height × width} and {@code classes} classes. */
  public LeNet(int channels, int height, int width, int classes) {
    this(new Conv2d(new Image(channels, height, width), 6, 5), classes);
  }

  private LeNet(Conv2d conv1, int classes) {
    this(conv1, new MaxPool2d(conv1.output(), 2), classes);
  }

  private LeNet(Conv2d conv1, MaxPool2d pool1, int classes) {
    this(conv1, pool1, new Conv2d(pool1.output(), 16, 5), classes);
  }

  private LeNet(Conv2d conv1, MaxPool2d pool1, Conv2d conv2, int classes) {
    this(
        conv1,
        pool1,
        conv2,
        new MaxPool2d(conv2.output(), 2),
        new LazyLinear(120),
        new FlatLinear(120, 84),
        new Classifier(84, classes));
  }

  private LeNet(
      Conv2d conv1,
      MaxPool2d pool1,
      Conv2d conv2,
      MaxPool2d pool2,
      LazyLinear fc1,
      FlatLinear fc2,
      Classifier head) {
    super(
        "lenet",
        List.of(
            conv1,
            new Relu(),
            pool1,
            conv2,
            new Relu(),
            pool2,
            fc1,
            new Relu(),
            fc2,
            new Relu(),
            head));
    this.conv1 = conv1;
    this.conv2 = conv2;
    this.fc1 = fc1;
    this.fc2 = fc2;
    this.head = head;
  }

  /**
   * Initialises every layer that has its weights through the generated initializer, and hands the
   * generator to {@link #fc1}, whose weight does not exist before the first batch: it draws from it
   * then, as PyTorch's lazy modules initialise at their first forward pass.
   */
  @Override
  public void initialize(RandomGenerator random) {
    LeNetInitializer.initialize(this, random);
    fc1.initializeWhenBuilt(random);
  }
}
