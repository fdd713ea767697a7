package dev.kinit.samples.models;

import dev.kinit.Network;

/**
 * torchvision's {@code SqueezeExcitation} ({@code torchvision.ops.misc}, Hu et al. 2017) as {@link
 * MBConv} builds it: an {@code avgpool} ({@code nn.AdaptiveAvgPool2d(1)}), two 1x1 convolutions
 * with biases, {@code fc1} and {@code fc2} ({@code features.1.0.block.1.fc1.weight}), an {@code
 * activation} ({@code nn.SiLU}) and a {@code scale_activation} ({@code nn.Sigmoid}). The pooling
 * and the activations have no parameters, so they are not held here: they would be no members.
 */
@Network
public final class SqueezeExcitation implements Layer {

  /** {@code nn.Conv2d(channels, squeeze, 1)}, constructed first. */
  public final Conv2d fc1;

  /** {@code nn.Conv2d(squeeze, channels, 1)}. */
  public final Conv2d fc2;

  /** {@code SqueezeExcitation(channels, squeeze, activation=nn.SiLU)}. */
  public SqueezeExcitation(int channels, int squeeze) {
    fc1 = new Conv2d(channels, squeeze, 1, true);
    fc2 = new Conv2d(squeeze, channels, 1, true);
  }
}
