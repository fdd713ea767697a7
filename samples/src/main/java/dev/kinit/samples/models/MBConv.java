package dev.kinit.samples.models;

import dev.kinit.Network;
import java.util.ArrayList;
import java.util.List;

/**
 * torchvision's {@code MBConv} (EfficientNet's mobile inverted bottleneck block): an {@code
 * nn.Sequential} {@code block} of a 1x1 expansion ({@code features.2.0.block.0.0.weight}; absent
 * where the expansion keeps the width, an expansion ratio of 1), a depthwise convolution ({@code
 * groups=expanded}), a {@link SqueezeExcitation} ({@code features.2.0.block.2.fc1.weight}) and a
 * 1x1 projection without activation ({@code features.2.0.block.3.0.weight}), each convolution with
 * its batch norm. Its {@code stochastic_depth}, the stride and the residual connection change no
 * parameter.
 */
@Network
public final class MBConv {

  /**
   * {@code [Conv2dNormActivation(in, expanded, kernel_size=1),] Conv2dNormActivation(expanded,
   * expanded, kernel_size=kernel, groups=expanded), SqueezeExcitation(expanded, max(1, in // 4)),
   * Conv2dNormActivation(expanded, out, kernel_size=1, activation_layer=None)}, the activations
   * {@code SiLU}.
   */
  public final List<Layer> block;

  /**
   * {@code MBConv(MBConvConfig(expand_ratio=expandRatio, kernel=kernel, input_channels=in,
   * out_channels=out, …))}: {@code expanded = _make_divisible(in · expandRatio, 8)} channels in
   * between, and {@code max(1, in // 4)} in the squeeze and excitation.
   */
  public MBConv(int in, int out, double expandRatio, int kernel) {
    if (in < 1 || out < 1 || kernel < 1) {
      throw new IllegalArgumentException(
          "in " + in + ", out " + out + ", kernel " + kernel + "; expected positive");
    }
    if (!(expandRatio > 0) || Double.isInfinite(expandRatio)) {
      throw new IllegalArgumentException(
          "expandRatio: " + expandRatio + "; expected positive, finite");
    }
    int expanded = EfficientNet.adjustChannels(in, expandRatio);
    List<Layer> layers = new ArrayList<>();
    if (expanded != in) {
      layers.add(new Conv2dNormActivation(in, expanded, 1, 1, new SiLU()));
    }
    layers.add(new Conv2dNormActivation(expanded, expanded, kernel, expanded, new SiLU()));
    layers.add(new SqueezeExcitation(expanded, Math.max(1, in / 4)));
    layers.add(new Conv2dNormActivation(expanded, out, 1, 1, null));
    block = List.copyOf(layers);
  }
}
