package dev.kinit.samples.models;

import dev.kinit.Name;
import dev.kinit.Network;
import java.util.ArrayList;
import java.util.List;

/**
 * A stage of an {@link EfficientNet}'s {@code features}: an {@code nn.Sequential} of {@link MBConv}
 * blocks, as many as the stage's depth, which PyTorch names by index ({@code
 * features.2.1.block.0.0.weight}, the second block of the second stage). The class is the {@code
 * nn.Sequential}: {@code @Name("")} makes its list's elements its own children.
 */
@Network
public final class EfficientNetStage implements EfficientNetFeature {

  /** The blocks: the first from {@code in} to {@code out} channels, the others {@code out} wide. */
  @Name("")
  public final List<MBConv> blocks;

  /**
   * One row of torchvision's {@code inverted_residual_setting} ({@code MBConvConfig(expand_ratio,
   * kernel, stride, input_channels, out_channels, num_layers)}, widths and depth already adjusted):
   * {@code layers} blocks, the first {@code MBConv(in, out)}, the others {@code MBConv(out, out)}
   * (the stride, the first block's, changes no parameter).
   */
  public EfficientNetStage(double expandRatio, int kernel, int in, int out, int layers) {
    if (layers < 1) {
      throw new IllegalArgumentException("layers: " + layers + "; expected at least 1");
    }
    List<MBConv> stage = new ArrayList<>();
    for (int i = 0; i < layers; i++) {
      stage.add(new MBConv(i == 0 ? in : out, out, expandRatio, kernel));
    }
    blocks = List.copyOf(stage);
  }
}
