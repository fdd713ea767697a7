package dev.kinit.samples.models;

import static dev.kinit.FanMode.FAN_OUT;

import dev.kinit.KaimingInit;
import dev.kinit.Network;
import dev.kinit.OnesInit;
import dev.kinit.Reinit;
import dev.kinit.UniformInit;
import dev.kinit.ZerosInit;
import java.util.ArrayList;
import java.util.List;

/**
 * torchvision 0.14's {@code EfficientNet} (Tan and Le 2019), version 1, as its parameters: {@code
 * efficientnet_b0()}. Its {@code features} hold a {@link Conv2dNormActivation}, 7 {@link
 * EfficientNetStage}s of {@link MBConv} blocks and a last {@link Conv2dNormActivation}, each an
 * {@code nn.Sequential} whose children PyTorch names by index ({@code features.0.0.weight}, {@code
 * features.1.0.block.0.0.weight}, {@code features.1.0.block.1.fc1.bias}, {@code
 * features.8.1.bias}); its {@code classifier} is a dropout and a linear layer ({@code
 * classifier.1.weight}); its {@code avgpool} has no parameters. Its scheme, after every module has
 * run its own default:
 *
 * <pre>
 *   for m in self.modules():
 *       if isinstance(m, nn.Conv2d):
 *           nn.init.kaiming_normal_(m.weight, mode="fan_out")
 *           if m.bias is not None:
 *               nn.init.zeros_(m.bias)
 *       elif isinstance(m, (nn.BatchNorm2d, nn.GroupNorm)):
 *           nn.init.ones_(m.weight)
 *           nn.init.zeros_(m.bias)
 *       elif isinstance(m, nn.Linear):
 *           init_range = 1.0 / math.sqrt(m.out_features)
 *           nn.init.uniform_(m.weight, -init_range, init_range)
 *           nn.init.zeros_(m.bias)
 * </pre>
 *
 * <p>{@code kaiming_normal_}'s default nonlinearity is {@code leaky_relu} with {@code a=0}: the
 * ReLU gain {@code sqrt(2)}. The convolutions with a bias are the squeeze and excitations' {@code
 * fc1} and {@code fc2}. The linear layer's bound depends on {@code num_classes}, and a rule's
 * numbers are constants: this class has torchvision's 1000 classes, {@code 1 / sqrt(1000)} (another
 * count would take its own rule, as {@link Gpt}'s depths take a subclass each).
 */
@Network
@Reinit(module = Conv2d.class, parameter = "weight", kaiming = @KaimingInit(mode = FAN_OUT))
@Reinit(module = Conv2d.class, parameter = "bias", zeros = @ZerosInit)
@Reinit(module = BatchNorm2d.class, parameter = "weight", ones = @OnesInit)
@Reinit(module = BatchNorm2d.class, parameter = "bias", zeros = @ZerosInit)
@Reinit(
    module = Linear.class,
    parameter = "weight",
    uniform = @UniformInit(from = -0.03162277660168379, to = 0.03162277660168379)) // 1 / sqrt(1000)
@Reinit(module = Linear.class, parameter = "bias", zeros = @ZerosInit)
public final class EfficientNet {

  /** The classes of the classifier, which its rule's bound {@code 1 / sqrt(1000)} is for. */
  public static final int CLASSES = 1000;

  /**
   * torchvision's {@code inverted_residual_setting} for the B versions, one {@code MBConvConfig}
   * per stage before width and depth are scaled: expansion ratio, kernel, stride (which changes no
   * parameter), input and output channels, blocks.
   */
  static final int[][] INVERTED_RESIDUAL_SETTING = {
    {1, 3, 1, 32, 16, 1},
    {6, 3, 2, 16, 24, 2},
    {6, 5, 2, 24, 40, 2},
    {6, 3, 2, 40, 80, 3},
    {6, 5, 1, 80, 112, 3},
    {6, 5, 2, 112, 192, 4},
    {6, 3, 1, 192, 320, 1},
  };

  /**
   * {@code Conv2dNormActivation(3, 32, stride=2)}, the 7 stages, {@code Conv2dNormActivation(320,
   * 1280, kernel_size=1)} (for B0), the activations {@code SiLU}.
   */
  public final List<EfficientNetFeature> features;

  /** {@code Dropout(p=0.2)}, {@code Linear(1280, 1000)} (for B0). */
  public final List<Layer> classifier;

  /**
   * torchvision's {@code EfficientNet(_efficientnet_conf("efficientnet_bN", width_mult=widthMult,
   * depth_mult=depthMult)[0], dropout)} with 1000 classes: every width scaled by {@code widthMult}
   * and rounded by {@link #adjustChannels} to a multiple of 8, every stage's blocks by {@code
   * depthMult} and rounded up, the last width four times the last stage's. B0 is {@code (1.0,
   * 1.0)}, B1 {@code (1.0, 1.1)}, B2 {@code (1.1, 1.2)}, … (the norms' {@code eps} and the dropout
   * change no parameter).
   */
  public EfficientNet(double widthMult, double depthMult) {
    if (!(widthMult > 0) || Double.isInfinite(widthMult)) {
      throw new IllegalArgumentException("widthMult: " + widthMult + "; expected positive, finite");
    }
    if (!(depthMult > 0) || Double.isInfinite(depthMult)) {
      throw new IllegalArgumentException("depthMult: " + depthMult + "; expected positive, finite");
    }
    List<EfficientNetFeature> layers = new ArrayList<>();
    int first = adjustChannels(INVERTED_RESIDUAL_SETTING[0][3], widthMult);
    layers.add(new Conv2dNormActivation(3, first, 3, 1, new SiLU()));
    int out = first;
    for (int[] stage : INVERTED_RESIDUAL_SETTING) {
      int in = adjustChannels(stage[3], widthMult);
      out = adjustChannels(stage[4], widthMult);
      int blocks = (int) Math.ceil(stage[5] * depthMult);
      layers.add(new EfficientNetStage(stage[0], stage[1], in, out, blocks));
    }
    int last = 4 * out;
    layers.add(new Conv2dNormActivation(out, last, 1, 1, new SiLU()));
    features = List.copyOf(layers);
    classifier = List.of(new Dropout(), new Linear(last, CLASSES, true));
  }

  /** {@code torchvision.models.efficientnet_b0()}: 5,288,548 parameters. */
  public static EfficientNet efficientnet_b0() {
    return new EfficientNet(1.0, 1.0);
  }

  /**
   * torchvision's {@code _MBConvConfig.adjust_channels(channels, widthMult)}: {@code
   * _make_divisible(channels * widthMult, 8)} ({@link MobileNetV2#makeDivisible}), in doubles as
   * Python computes it.
   */
  static int adjustChannels(int channels, double widthMult) {
    return MobileNetV2.makeDivisible(channels * widthMult, 8);
  }
}
