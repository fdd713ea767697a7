package dev.kinit.samples.models;

import dev.kinit.Network;

/**
 * torchvision's {@code _DenseLayer} (DenseNet-BC's bottleneck layer): a batch norm and a 1x1
 * convolution to {@code bn_size · growth_rate} channels, then a batch norm and a 3x3 convolution to
 * {@code growth_rate} channels, both convolutions without a bias ({@code
 * features.denseblock1.denselayer1.norm1.weight}, {@code
 * features.denseblock1.denselayer1.conv2.weight}). Its {@code relu1} and {@code relu2} have no
 * parameters and are left out (a module without parameters held alone changes no path); its dropout
 * and the concatenation of the features change no parameter. PyTorch constructs the layers in the
 * order it registers them, this class's declaration order.
 */
@Network
public final class DenseLayer {

  /** {@code nn.BatchNorm2d(in)}. */
  public final BatchNorm2d norm1;

  /** {@code nn.Conv2d(in, bn_size · growth_rate, kernel_size=1, stride=1, bias=False)}. */
  public final Conv2d conv1;

  /** {@code nn.BatchNorm2d(bn_size · growth_rate)}. */
  public final BatchNorm2d norm2;

  /**
   * {@code nn.Conv2d(bn_size · growth_rate, growth_rate, kernel_size=3, stride=1, padding=1,
   * bias=False)}.
   */
  public final Conv2d conv2;

  /**
   * {@code _DenseLayer(in, growth_rate=growthRate, bn_size=bnSize, drop_rate=…)}: from {@code in}
   * channels (the block's input and every earlier layer's output, concatenated) to {@code
   * growthRate} new ones, through {@code bnSize · growthRate}.
   */
  public DenseLayer(int in, int growthRate, int bnSize) {
    if (in < 1 || growthRate < 1 || bnSize < 1) {
      throw new IllegalArgumentException(
          "in " + in + ", growthRate " + growthRate + ", bnSize " + bnSize + "; expected positive");
    }
    int bottleneck = bnSize * growthRate;
    norm1 = new BatchNorm2d(in);
    conv1 = new Conv2d(in, bottleneck, 1, false);
    norm2 = new BatchNorm2d(bottleneck);
    conv2 = new Conv2d(bottleneck, growthRate, 3, false);
  }
}
