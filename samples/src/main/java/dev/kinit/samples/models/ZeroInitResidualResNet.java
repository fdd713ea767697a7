package dev.kinit.samples.models;

import dev.kinit.ConstantInit;
import dev.kinit.Network;
import dev.kinit.Reinit;

/**
 * torchvision's {@code ResNet(…, zero_init_residual=True)}: after {@link ResNet}'s scheme, a second
 * pass over the modules zeroes the last batch norm's scale of each residual branch, so that each
 * block starts as the identity (Goyal et al. 2017):
 *
 * <pre>
 *   for m in self.modules():
 *       if isinstance(m, Bottleneck) and m.bn3.weight is not None:
 *           nn.init.constant_(m.bn3.weight, 0)
 *       elif isinstance(m, BasicBlock) and m.bn2.weight is not None:
 *           nn.init.constant_(m.bn2.weight, 0)
 * </pre>
 *
 * <p>A class of its own, since rules belong to a class: initialise it with {@code
 * ZeroInitResidualResNetInitializer}, which runs {@link ResNet}'s rules and then these.
 */
@Network
@Reinit(module = Bottleneck.class, parameter = "bn3.weight", constant = @ConstantInit(0))
@Reinit(module = BasicBlock.class, parameter = "bn2.weight", constant = @ConstantInit(0))
public final class ZeroInitResidualResNet extends ResNet {

  /** {@code ResNet(block, layers, num_classes=classes, zero_init_residual=True)}. */
  public ZeroInitResidualResNet(BlockType block, int[] layers, int classes) {
    super(block, layers, classes);
  }

  /** {@code torchvision.models.resnet34(zero_init_residual=True)}. */
  public static ZeroInitResidualResNet resnet34() {
    return new ZeroInitResidualResNet(BlockType.BASIC, new int[] {3, 4, 6, 3}, 1000);
  }

  /** {@code torchvision.models.resnet50(zero_init_residual=True)}. */
  public static ZeroInitResidualResNet resnet50() {
    return new ZeroInitResidualResNet(BlockType.BOTTLENECK, new int[] {3, 4, 6, 3}, 1000);
  }
}
