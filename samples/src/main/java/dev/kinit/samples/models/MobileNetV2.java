package dev.kinit.samples.models;

import static dev.kinit.FanMode.FAN_OUT;

import dev.kinit.KaimingInit;
import dev.kinit.Network;
import dev.kinit.NormalInit;
import dev.kinit.OnesInit;
import dev.kinit.Reinit;
import dev.kinit.ZerosInit;
import java.util.ArrayList;
import java.util.List;

/**
 * torchvision 0.14's {@code MobileNetV2} (Sandler et al. 2018), as its parameters: {@code
 * mobilenet_v2()}. Its {@code features} hold a {@link Conv2dNormActivation}, 17 {@link
 * InvertedResidual} blocks and a last {@link Conv2dNormActivation}, each an {@code nn.Sequential}
 * whose children PyTorch names by index ({@code features.0.0.weight}, {@code
 * features.1.conv.0.0.weight}, {@code features.1.conv.1.weight}, {@code features.18.1.bias}); its
 * {@code classifier} is a dropout and a linear layer ({@code classifier.1.weight}). Its scheme,
 * after every module has run its own default:
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
 *           nn.init.normal_(m.weight, 0, 0.01)
 *           nn.init.zeros_(m.bias)
 * </pre>
 *
 * <p>{@code kaiming_normal_}'s default nonlinearity is {@code leaky_relu} with {@code a=0}: the
 * ReLU gain {@code sqrt(2)}. No convolution has a bias (each is followed by a batch norm), so that
 * rule finds nothing, as in PyTorch.
 */
@Network
@Reinit(module = Conv2d.class, parameter = "weight", kaiming = @KaimingInit(mode = FAN_OUT))
@Reinit(module = Conv2d.class, parameter = "bias", zeros = @ZerosInit)
@Reinit(module = BatchNorm2d.class, parameter = "weight", ones = @OnesInit)
@Reinit(module = BatchNorm2d.class, parameter = "bias", zeros = @ZerosInit)
@Reinit(module = Linear.class, parameter = "weight", normal = @NormalInit(std = 0.01))
@Reinit(module = Linear.class, parameter = "bias", zeros = @ZerosInit)
public final class MobileNetV2 {

  /**
   * torchvision's {@code inverted_residual_setting}, one row per stage: expansion ratio {@code t},
   * channels {@code c}, blocks {@code n} and the first block's stride {@code s} (which changes no
   * parameter).
   */
  static final int[][] INVERTED_RESIDUAL_SETTING = {
    {1, 16, 1, 1},
    {6, 24, 2, 2},
    {6, 32, 3, 2},
    {6, 64, 4, 2},
    {6, 96, 3, 1},
    {6, 160, 3, 2},
    {6, 320, 1, 1},
  };

  /** torchvision's {@code round_nearest}: every width is a multiple of 8. */
  static final int ROUND_NEAREST = 8;

  /**
   * {@code Conv2dNormActivation(3, 32, stride=2)}, the {@link InvertedResidual} blocks, {@code
   * Conv2dNormActivation(320, 1280, kernel_size=1)} (at {@code width_mult=1}).
   */
  public final List<MobileNetV2Feature> features;

  /** {@code Dropout(p=0.2)}, {@code Linear(1280, classes)} (at {@code width_mult=1}). */
  public final List<Layer> classifier;

  /**
   * torchvision's {@code MobileNetV2(num_classes=classes, width_mult=widthMult)}: every width
   * scaled by {@code widthMult} and rounded by {@link #makeDivisible} to a multiple of 8, the last
   * one (1280) never made narrower.
   */
  public MobileNetV2(int classes, double widthMult) {
    if (classes < 1) {
      throw new IllegalArgumentException("classes: " + classes + "; expected at least 1");
    }
    if (!(widthMult > 0) || Double.isInfinite(widthMult)) {
      throw new IllegalArgumentException("widthMult: " + widthMult + "; expected positive, finite");
    }
    int in = makeDivisible(32 * widthMult, ROUND_NEAREST);
    int last = makeDivisible(1280 * Math.max(1.0, widthMult), ROUND_NEAREST);
    List<MobileNetV2Feature> layers = new ArrayList<>();
    layers.add(new Conv2dNormActivation(3, in, 3, 1));
    for (int[] stage : INVERTED_RESIDUAL_SETTING) {
      int out = makeDivisible(stage[1] * widthMult, ROUND_NEAREST);
      for (int i = 0; i < stage[2]; i++) {
        layers.add(new InvertedResidual(in, out, stage[0]));
        in = out;
      }
    }
    layers.add(new Conv2dNormActivation(in, last, 1, 1));
    features = List.copyOf(layers);
    classifier = List.of(new Dropout(), new Linear(last, classes, true));
  }

  /** {@code torchvision.models.mobilenet_v2()}: 3,504,872 parameters. */
  public static MobileNetV2 mobilenet_v2() {
    return new MobileNetV2(1000, 1.0);
  }

  /**
   * torchvision's {@code _make_divisible(v, divisor)} (from TensorFlow's slim MobileNet): {@code v}
   * rounded to the nearest multiple of {@code divisor} (halves up), at least {@code divisor}, and
   * moved up a multiple where rounding took off more than 10%. In doubles, as Python computes it,
   * so every {@code width_mult} gives torchvision's widths; {@code width_mult=1} keeps every width
   * (all are multiples of 8).
   */
  static int makeDivisible(double v, int divisor) {
    int rounded = Math.max(divisor, (int) (v + divisor / 2.0) / divisor * divisor);
    return rounded < 0.9 * v ? rounded + divisor : rounded;
  }
}
