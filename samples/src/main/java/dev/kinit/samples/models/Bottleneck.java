package dev.kinit.samples.models;

import dev.kinit.ConstructedBefore;
import dev.kinit.Network;
import java.util.List;

/**
 * torchvision's {@code Bottleneck} (ResNet-50 and deeper): 1x1, 3x3 and 1x1 convolutions, each with
 * its batch norm, the last widening to {@code planes · 4}, and a {@code downsample} shortcut built
 * before the block and registered after its layers (see {@link BasicBlock}).
 */
@Network
public final class Bottleneck implements ResidualBlock {

  /** Channels out over channels {@code planes}: 4. */
  public static final int EXPANSION = 4;

  /** {@code conv1x1(in, planes)}. */
  public final Conv2d conv1;

  /** {@code BatchNorm2d(planes)}. */
  public final BatchNorm2d bn1;

  /** {@code conv3x3(planes, planes, stride)}. */
  public final Conv2d conv2;

  /** {@code BatchNorm2d(planes)}. */
  public final BatchNorm2d bn2;

  /** {@code conv1x1(planes, planes · 4)}. */
  public final Conv2d conv3;

  /** {@code BatchNorm2d(planes · 4)}: the last of the residual branch. */
  public final BatchNorm2d bn3;

  /** {@code Sequential(conv1x1(in, planes · 4, stride), BatchNorm2d(planes · 4))}, or null. */
  @ConstructedBefore("conv1")
  public final List<Layer> downsample;

  /**
   * A block from {@code in} channels to {@code planes · 4}, with the shortcut {@code downsample}.
   */
  Bottleneck(int in, int planes, List<Layer> downsample) {
    conv1 = new Conv2d(in, planes, 1, false);
    bn1 = new BatchNorm2d(planes);
    conv2 = new Conv2d(planes, planes, 3, false);
    bn2 = new BatchNorm2d(planes);
    conv3 = new Conv2d(planes, planes * EXPANSION, 1, false);
    bn3 = new BatchNorm2d(planes * EXPANSION);
    this.downsample = downsample;
  }
}
