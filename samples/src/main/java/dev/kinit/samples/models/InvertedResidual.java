package dev.kinit.samples.models;

import dev.kinit.Network;
import java.util.ArrayList;
import java.util.List;

/**
 * torchvision's {@code InvertedResidual} (MobileNetV2's block): an {@code nn.Sequential} {@code
 * conv} of a 1x1 expansion ({@code features.2.conv.0.0.weight}; absent for an expansion ratio of
 * 1), a 3x3 depthwise convolution ({@code groups=hidden}), a 1x1 linear projection and its batch
 * norm ({@code features.2.conv.3.weight}). The stride and the residual connection change no
 * parameter.
 */
@Network
public final class InvertedResidual implements MobileNetV2Feature {

  /**
   * {@code [Conv2dNormActivation(in, hidden, kernel_size=1),] Conv2dNormActivation(hidden, hidden,
   * groups=hidden), Conv2d(hidden, out, 1, bias=False), BatchNorm2d(out)}, each activation {@code
   * ReLU6}.
   */
  public final List<Layer> conv;

  /**
   * {@code InvertedResidual(in, out, stride, expand_ratio=expandRatio)}: {@code hidden = in ·
   * expandRatio} channels in between.
   */
  public InvertedResidual(int in, int out, int expandRatio) {
    if (expandRatio < 1) {
      throw new IllegalArgumentException("expandRatio: " + expandRatio + "; expected at least 1");
    }
    int hidden = in * expandRatio;
    List<Layer> layers = new ArrayList<>();
    if (expandRatio != 1) {
      layers.add(new Conv2dNormActivation(in, hidden, 1, 1));
    }
    layers.add(new Conv2dNormActivation(hidden, hidden, 3, hidden));
    layers.add(new Conv2d(hidden, out, 1, false));
    layers.add(new BatchNorm2d(out));
    conv = List.copyOf(layers);
  }
}
