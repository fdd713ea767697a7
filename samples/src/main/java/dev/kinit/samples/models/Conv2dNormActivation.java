package dev.kinit.samples.models;

import dev.kinit.Name;
import dev.kinit.Network;

/**
 * torchvision's {@code Conv2dNormActivation} ({@code torchvision.ops.misc}) as {@link MobileNetV2}
 * builds it: {@code norm_layer=nn.BatchNorm2d}, {@code activation_layer=nn.ReLU6}, so the
 * convolution has no bias ({@code bias = norm_layer is None}). It is an {@code nn.Sequential}, so
 * PyTorch names its children {@code 0}, {@code 1}, {@code 2} ({@code features.0.0.weight}, {@code
 * features.0.1.weight}), given here by {@code @Name}.
 */
@Network
public final class Conv2dNormActivation implements Layer, MobileNetV2Feature {

  /** {@code nn.Conv2d(in, out, kernel, groups=groups, bias=False)}. */
  @Name("0")
  public final Conv2d conv;

  /** {@code nn.BatchNorm2d(out)}. */
  @Name("1")
  public final BatchNorm2d norm;

  /**
   * {@code nn.ReLU6(inplace=True)}, PyTorch's child {@code 2}: a class without parameters held
   * alone is no member (only a list's elements keep an index), so it needs no name.
   */
  public final ReLU6 activation;

  /**
   * {@code Conv2dNormActivation(in, out, kernel_size=kernel, groups=groups,
   * norm_layer=nn.BatchNorm2d, activation_layer=nn.ReLU6)} (stride and padding change no
   * parameter).
   */
  public Conv2dNormActivation(int in, int out, int kernel, int groups) {
    conv = new Conv2d(in, out, kernel, groups, false);
    norm = new BatchNorm2d(out);
    activation = new ReLU6();
  }
}
