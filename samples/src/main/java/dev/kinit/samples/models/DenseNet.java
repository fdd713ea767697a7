package dev.kinit.samples.models;

import dev.kinit.ConstantInit;
import dev.kinit.KaimingInit;
import dev.kinit.Network;
import dev.kinit.Reinit;

/**
 * torchvision 0.14's {@code DenseNet} (Huang et al. 2017, DenseNet-BC), as its parameters: {@code
 * densenet121()}. Its {@code features} ({@link DenseNetFeatures}) name every child: a stem ({@code
 * features.conv0.weight}, {@code features.norm0.weight}), four {@link DenseBlock}s, {@code
 * nn.ModuleDict}s of {@link DenseLayer}s named by key ({@code
 * features.denseblock1.denselayer1.norm1.weight}), a {@link Transition} after each of the first
 * three ({@code features.transition1.conv.weight}) and a last batch norm ({@code
 * features.norm5.bias}); its {@code classifier} is a linear layer ({@code classifier.weight}). Its
 * scheme, after every module has run its own default:
 *
 * <pre>
 *   for m in self.modules():
 *       if isinstance(m, nn.Conv2d):
 *           nn.init.kaiming_normal_(m.weight)
 *       elif isinstance(m, nn.BatchNorm2d):
 *           nn.init.constant_(m.weight, 1)
 *           nn.init.constant_(m.bias, 0)
 *       elif isinstance(m, nn.Linear):
 *           nn.init.constant_(m.bias, 0)
 * </pre>
 *
 * <p>{@code kaiming_normal_}'s defaults are {@code mode="fan_in"} and {@code leaky_relu} with
 * {@code a=0}: the ReLU gain {@code sqrt(2)}, over the fan in (unlike ResNet's, VGG's and
 * MobileNet's {@code fan_out}). No convolution has a bias. The {@code classifier}'s weight keeps
 * {@code nn.Linear}'s default ({@code kaiming_uniform_(a=sqrt(5))}), drawn when it is constructed,
 * after every convolution's default; its bias is drawn then too and zeroed by the scheme.
 */
@Network
@Reinit(module = Conv2d.class, parameter = "weight", kaiming = @KaimingInit)
@Reinit(module = BatchNorm2d.class, parameter = "weight", constant = @ConstantInit(1))
@Reinit(module = BatchNorm2d.class, parameter = "bias", constant = @ConstantInit(0))
@Reinit(module = Linear.class, parameter = "bias", constant = @ConstantInit(0))
public final class DenseNet {

  /** DenseNet-121's layers per dense block: 6, 12, 24 and 16. */
  static final int[] DENSENET121 = {6, 12, 24, 16};

  /** The stem, the dense blocks and transitions, {@code norm5}. */
  public final DenseNetFeatures features;

  /** {@code nn.Linear(num_features, classes)}: {@code Linear(1024, 1000)} for DenseNet-121. */
  public final Linear classifier;

  /**
   * torchvision's {@code DenseNet(growth_rate=growthRate, block_config=blockConfig,
   * num_init_features=initFeatures, bn_size=bnSize, num_classes=classes)} (the dropout rate and
   * {@code memory_efficient} change no parameter).
   */
  public DenseNet(int growthRate, int[] blockConfig, int initFeatures, int bnSize, int classes) {
    if (classes < 1) {
      throw new IllegalArgumentException("classes: " + classes + "; expected at least 1");
    }
    features = new DenseNetFeatures(growthRate, blockConfig, initFeatures, bnSize);
    classifier = new Linear(features.channels(), classes, true);
  }

  /** {@code torchvision.models.densenet121()}: 7,978,856 parameters. */
  public static DenseNet densenet121() {
    return new DenseNet(32, DENSENET121, 64, 4, 1000);
  }
}
