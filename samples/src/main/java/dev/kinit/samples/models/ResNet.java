package dev.kinit.samples.models;

import static dev.kinit.FanMode.FAN_OUT;
import static dev.kinit.Nonlinearity.RELU;

import dev.kinit.ConstantInit;
import dev.kinit.KaimingInit;
import dev.kinit.Network;
import dev.kinit.Reinit;
import java.util.ArrayList;
import java.util.List;

/**
 * torchvision 0.14's {@code ResNet} (He et al. 2016), as its parameters: {@code resnet18()}, {@code
 * resnet34()}, {@code resnet50()}. Its scheme, after every module has run its own default:
 *
 * <pre>
 *   for m in self.modules():
 *       if isinstance(m, nn.Conv2d):
 *           nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
 *       elif isinstance(m, (nn.BatchNorm2d, nn.GroupNorm)):
 *           nn.init.constant_(m.weight, 1)
 *           nn.init.constant_(m.bias, 0)
 * </pre>
 *
 * <p>The {@code fc} layer keeps {@code nn.Linear}'s default. {@code zero_init_residual=True} is
 * {@link ZeroInitResidualResNet}.
 */
@Network
@Reinit(
    module = Conv2d.class,
    parameter = "weight",
    kaiming = @KaimingInit(mode = FAN_OUT, nonlinearity = RELU))
@Reinit(module = BatchNorm2d.class, parameter = "weight", constant = @ConstantInit(1))
@Reinit(module = BatchNorm2d.class, parameter = "bias", constant = @ConstantInit(0))
public class ResNet {

  /** The blocks of a ResNet. */
  public enum BlockType {
    /** {@link BasicBlock}: ResNet-18 and -34. */
    BASIC(BasicBlock.EXPANSION),
    /** {@link Bottleneck}: ResNet-50 and deeper. */
    BOTTLENECK(Bottleneck.EXPANSION);

    private final int expansion;

    BlockType(int expansion) {
      this.expansion = expansion;
    }

    ResidualBlock make(int in, int planes, List<Layer> downsample) {
      return this == BASIC
          ? new BasicBlock(in, planes, downsample)
          : new Bottleneck(in, planes, downsample);
    }
  }

  /** {@code Conv2d(3, 64, kernel_size=7, stride=2, padding=3, bias=False)}. */
  public final Conv2d conv1;

  /** {@code BatchNorm2d(64)}. */
  public final BatchNorm2d bn1;

  /** 64 planes. */
  public final List<ResidualBlock> layer1;

  /** 128 planes, stride 2. */
  public final List<ResidualBlock> layer2;

  /** 256 planes, stride 2. */
  public final List<ResidualBlock> layer3;

  /** 512 planes, stride 2. */
  public final List<ResidualBlock> layer4;

  /** {@code Linear(512 · expansion, classes)}. */
  public final Linear fc;

  /**
   * torchvision's {@code ResNet(block, layers, num_classes=classes)}: {@code layers[i]} blocks in
   * {@code layer(i + 1)}.
   */
  public ResNet(BlockType block, int[] layers, int classes) {
    if (layers.length != 4) {
      throw new IllegalArgumentException(
          "layers: " + layers.length + " counts; expected 4, the blocks of layer1 to layer4");
    }
    conv1 = new Conv2d(3, 64, 7, false);
    bn1 = new BatchNorm2d(64);
    int[] in = {64};
    layer1 = layer(block, in, 64, layers[0], 1);
    layer2 = layer(block, in, 128, layers[1], 2);
    layer3 = layer(block, in, 256, layers[2], 2);
    layer4 = layer(block, in, 512, layers[3], 2);
    fc = new Linear(512 * block.expansion, classes, true);
  }

  /** {@code torchvision.models.resnet18()}: 11,689,512 parameters. */
  public static ResNet resnet18() {
    return new ResNet(BlockType.BASIC, new int[] {2, 2, 2, 2}, 1000);
  }

  /** {@code torchvision.models.resnet34()}. */
  public static ResNet resnet34() {
    return new ResNet(BlockType.BASIC, new int[] {3, 4, 6, 3}, 1000);
  }

  /** {@code torchvision.models.resnet50()}. */
  public static ResNet resnet50() {
    return new ResNet(BlockType.BOTTLENECK, new int[] {3, 4, 6, 3}, 1000);
  }

  /**
   * torchvision's {@code _make_layer}: a shortcut ({@code downsample}) for the first block where
   * the stride or the width changes, then {@code blocks} blocks; {@code in[0]} is the model's
   * {@code inplanes}, updated.
   */
  private static List<ResidualBlock> layer(
      BlockType block, int[] in, int planes, int blocks, int stride) {
    int out = planes * block.expansion;
    List<Layer> downsample =
        stride != 1 || in[0] != out
            ? List.of(new Conv2d(in[0], out, 1, false), new BatchNorm2d(out))
            : null;
    List<ResidualBlock> layer = new ArrayList<>();
    layer.add(block.make(in[0], planes, downsample));
    in[0] = out;
    for (int b = 1; b < blocks; b++) {
      layer.add(block.make(out, planes, null));
    }
    return List.copyOf(layer);
  }
}
