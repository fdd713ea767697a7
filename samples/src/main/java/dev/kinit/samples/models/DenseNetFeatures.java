package dev.kinit.samples.models;

import dev.kinit.Network;

/**
 * A {@link DenseNet}'s {@code features}: an {@code nn.Sequential} built from an {@code OrderedDict}
 * of {@code conv0}, {@code norm0}, {@code relu0} and {@code pool0}, to which torchvision then adds
 * {@code denseblock1}, {@code transition1}, …, {@code denseblock4} and {@code norm5}, so every
 * child has a name ({@code features.conv0.weight}, {@code
 * features.denseblock1.denselayer1.norm1.weight}, {@code features.transition1.conv.weight}, {@code
 * features.norm5.bias}). Its fields are those children in that order; {@code relu0} and the max
 * pooling {@code pool0} have no parameters and are left out. PyTorch constructs each child just
 * before it registers it, so the construction order is the declaration order.
 */
@Network
public final class DenseNetFeatures {

  /** {@code nn.Conv2d(3, num_init_features, kernel_size=7, stride=2, padding=3, bias=False)}. */
  public final Conv2d conv0;

  /** {@code nn.BatchNorm2d(num_init_features)}. */
  public final BatchNorm2d norm0;

  /** {@code block_config[0]} layers from {@code num_init_features} channels. */
  public final DenseBlock denseblock1;

  /** Halves the channels of {@link #denseblock1}'s output. */
  public final Transition transition1;

  /** {@code block_config[1]} layers. */
  public final DenseBlock denseblock2;

  /** Halves the channels of {@link #denseblock2}'s output. */
  public final Transition transition2;

  /** {@code block_config[2]} layers. */
  public final DenseBlock denseblock3;

  /** Halves the channels of {@link #denseblock3}'s output. */
  public final Transition transition3;

  /** {@code block_config[3]} layers, with no transition after them. */
  public final DenseBlock denseblock4;

  /** {@code nn.BatchNorm2d(num_features)}: the last block's output channels (1024 for 121). */
  public final BatchNorm2d norm5;

  /**
   * torchvision's {@code DenseNet.__init__} up to {@code norm5}: {@code blockConfig[i]} layers in
   * block {@code i + 1}, each adding {@code growthRate} channels, and a transition to half the
   * channels (rounded down) after every block but the last.
   */
  public DenseNetFeatures(int growthRate, int[] blockConfig, int initFeatures, int bnSize) {
    if (blockConfig.length != 4) {
      throw new IllegalArgumentException(
          "blockConfig: "
              + blockConfig.length
              + " counts; expected 4, the layers of denseblock1 to denseblock4");
    }
    if (growthRate < 1 || initFeatures < 1 || bnSize < 1) {
      throw new IllegalArgumentException(
          "growthRate "
              + growthRate
              + ", initFeatures "
              + initFeatures
              + ", bnSize "
              + bnSize
              + "; expected positive");
    }
    conv0 = new Conv2d(3, initFeatures, 7, false);
    norm0 = new BatchNorm2d(initFeatures);
    int features = initFeatures;
    denseblock1 = new DenseBlock(blockConfig[0], features, bnSize, growthRate);
    features += blockConfig[0] * growthRate;
    transition1 = new Transition(features, features / 2);
    features /= 2;
    denseblock2 = new DenseBlock(blockConfig[1], features, bnSize, growthRate);
    features += blockConfig[1] * growthRate;
    transition2 = new Transition(features, features / 2);
    features /= 2;
    denseblock3 = new DenseBlock(blockConfig[2], features, bnSize, growthRate);
    features += blockConfig[2] * growthRate;
    transition3 = new Transition(features, features / 2);
    features /= 2;
    denseblock4 = new DenseBlock(blockConfig[3], features, bnSize, growthRate);
    features += blockConfig[3] * growthRate;
    norm5 = new BatchNorm2d(features);
  }

  /** The channels of the features' output, {@link #norm5}'s: the classifier's input. */
  public int channels() {
    return norm5.weight.length;
  }
}
