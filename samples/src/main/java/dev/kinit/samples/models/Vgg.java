package dev.kinit.samples.models;

import static dev.kinit.FanMode.FAN_OUT;
import static dev.kinit.Nonlinearity.RELU;

import dev.kinit.ConstantInit;
import dev.kinit.KaimingInit;
import dev.kinit.Network;
import dev.kinit.NormalInit;
import dev.kinit.Reinit;
import java.util.ArrayList;
import java.util.List;

/**
 * torchvision 0.14's {@code VGG} (Simonyan and Zisserman 2014), as its parameters: {@code vgg11()},
 * {@code vgg11_bn()}, …. Its two containers hold layers with and without parameters, so each layer
 * keeps its index ({@code features.0.weight}, {@code features.1.weight} the batch norm after it,
 * {@code classifier.3.weight}). Its scheme, after every module has run its own default:
 *
 * <pre>
 *   for m in self.modules():
 *       if isinstance(m, nn.Conv2d):
 *           nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
 *           if m.bias is not None:
 *               nn.init.constant_(m.bias, 0)
 *       elif isinstance(m, nn.BatchNorm2d):
 *           nn.init.constant_(m.weight, 1)
 *           nn.init.constant_(m.bias, 0)
 *       elif isinstance(m, nn.Linear):
 *           nn.init.normal_(m.weight, 0, 0.01)
 *           nn.init.constant_(m.bias, 0)
 * </pre>
 */
@Network
@Reinit(
    module = Conv2d.class,
    parameter = "weight",
    kaiming = @KaimingInit(mode = FAN_OUT, nonlinearity = RELU))
@Reinit(module = Conv2d.class, parameter = "bias", constant = @ConstantInit(0))
@Reinit(module = BatchNorm2d.class, parameter = "weight", constant = @ConstantInit(1))
@Reinit(module = BatchNorm2d.class, parameter = "bias", constant = @ConstantInit(0))
@Reinit(module = Linear.class, parameter = "weight", normal = @NormalInit(std = 0.01))
@Reinit(module = Linear.class, parameter = "bias", constant = @ConstantInit(0))
public final class Vgg {

  /** The 11 weight layers' configuration "A": channels, or 0 for a max pooling. */
  static final int[] VGG11 = {64, 0, 128, 0, 256, 256, 0, 512, 512, 0, 512, 512, 0};

  /** {@code make_layers(cfg, batch_norm)}: 3x3 convolutions (each with its batch norm), ReLUs. */
  public final List<Layer> features;

  /**
   * Linear(25088, 4096), ReLU, Dropout, Linear(4096, 4096), ReLU, Dropout, Linear(4096, classes).
   */
  public final List<Layer> classifier;

  /**
   * torchvision's {@code VGG(make_layers(configuration, batchNorm), num_classes=classes)}: {@code
   * configuration} lists the channels of each convolution, 0 for a max pooling.
   */
  public Vgg(int[] configuration, boolean batchNorm, int classes) {
    List<Layer> layers = new ArrayList<>();
    int in = 3;
    for (int channels : configuration) {
      if (channels == 0) {
        layers.add(new MaxPool2d());
        continue;
      }
      layers.add(new Conv2d(in, channels, 3, true));
      if (batchNorm) {
        layers.add(new BatchNorm2d(channels));
      }
      layers.add(new ReLU());
      in = channels;
    }
    features = List.copyOf(layers);
    classifier =
        List.of(
            new Linear(512 * 7 * 7, 4096, true),
            new ReLU(),
            new Dropout(),
            new Linear(4096, 4096, true),
            new ReLU(),
            new Dropout(),
            new Linear(4096, classes, true));
  }

  /** {@code torchvision.models.vgg11()}. */
  public static Vgg vgg11() {
    return new Vgg(VGG11, false, 1000);
  }

  /** {@code torchvision.models.vgg11_bn()}: 132,868,840 parameters. */
  public static Vgg vgg11_bn() {
    return new Vgg(VGG11, true, 1000);
  }
}
