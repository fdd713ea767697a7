package dev.kinit.samples.models;

import dev.kinit.ConstructedBefore;
import dev.kinit.Network;
import java.util.List;

/**
 * torchvision's {@code BasicBlock} (ResNet-18 and -34): two 3x3 convolutions, each with its batch
 * norm, and a {@code downsample} shortcut where the shape changes. torchvision's {@code
 * _make_layer} builds the {@code downsample} before the block, so its convolution draws first; the
 * block registers it last, which is where its parameters are named and where the model's scheme
 * visits it.
 */
@Network
public final class BasicBlock implements ResidualBlock {

  /** Channels out over channels {@code planes}: 1. */
  public static final int EXPANSION = 1;

  /** {@code conv3x3(in, planes, stride)}. */
  public final Conv2d conv1;

  /** {@code BatchNorm2d(planes)}. */
  public final BatchNorm2d bn1;

  /** {@code conv3x3(planes, planes)}. */
  public final Conv2d conv2;

  /** {@code BatchNorm2d(planes)}: the last of the residual branch. */
  public final BatchNorm2d bn2;

  /**
   * {@code Sequential(conv1x1(in, planes, stride), BatchNorm2d(planes))}, or {@code null} (absent)
   * where the block keeps its input's shape.
   */
  @ConstructedBefore("conv1")
  public final List<Layer> downsample;

  /** A block from {@code in} channels to {@code planes}, with the shortcut {@code downsample}. */
  BasicBlock(int in, int planes, List<Layer> downsample) {
    conv1 = new Conv2d(in, planes, 3, false);
    bn1 = new BatchNorm2d(planes);
    conv2 = new Conv2d(planes, planes, 3, false);
    bn2 = new BatchNorm2d(planes);
    this.downsample = downsample;
  }
}
