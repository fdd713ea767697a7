package dev.kinit.samples.models;

import dev.kinit.Name;
import dev.kinit.Network;
import org.jspecify.annotations.Nullable;

/**
 * torchvision's {@code Conv2dNormActivation} ({@code torchvision.ops.misc}) as {@link MobileNetV2}
 * and {@link EfficientNet} build it: {@code norm_layer=nn.BatchNorm2d}, so the convolution has no
 * bias ({@code bias = norm_layer is None}), and an {@link Activation} ({@code nn.ReLU6}, {@code
 * nn.SiLU}) or none ({@code activation_layer=None}). It is an {@code nn.Sequential}, so PyTorch
 * names its children {@code 0}, {@code 1}, {@code 2} ({@code features.0.0.weight}, {@code
 * features.0.1.weight}), given here by {@code @Name}.
 */
@Network
public final class Conv2dNormActivation implements Layer, MobileNetV2Feature, EfficientNetFeature {

  /** {@code nn.Conv2d(in, out, kernel, groups=groups, bias=False)}. */
  @Name("0")
  public final Conv2d conv;

  /** {@code nn.BatchNorm2d(out)}. */
  @Name("1")
  public final BatchNorm2d norm;

  /**
   * {@code nn.ReLU6(inplace=True)} or {@code nn.SiLU(inplace=True)}, PyTorch's child {@code 2}, or
   * {@code null} for none: a class without parameters held alone is no member (only a list's
   * elements keep an index), so it needs no name and changes no path.
   */
  public final @Nullable Activation activation;

  /**
   * {@code Conv2dNormActivation(in, out, kernel_size=kernel, groups=groups,
   * norm_layer=nn.BatchNorm2d, activation_layer=nn.ReLU6)}, MobileNetV2's (stride and padding
   * change no parameter).
   */
  public Conv2dNormActivation(int in, int out, int kernel, int groups) {
    this(in, out, kernel, groups, new ReLU6());
  }

  /**
   * {@code Conv2dNormActivation(in, out, kernel_size=kernel, groups=groups,
   * norm_layer=nn.BatchNorm2d, activation_layer=…)} with {@code activation} as its activation, or
   * none for {@code null} (stride and padding change no parameter).
   */
  public Conv2dNormActivation(
      int in, int out, int kernel, int groups, @Nullable Activation activation) {
    conv = new Conv2d(in, out, kernel, groups, false);
    norm = new BatchNorm2d(out);
    this.activation = activation;
  }
}
