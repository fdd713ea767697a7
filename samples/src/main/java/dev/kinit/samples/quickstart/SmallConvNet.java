package dev.kinit.samples.quickstart;

import static dev.kinit.FanMode.FAN_OUT;
import static dev.kinit.Nonlinearity.LINEAR;
import static dev.kinit.Nonlinearity.RELU;

import dev.kinit.KaimingInit;

/**
 * The README's example: the weights of a small convolutional network, initialised by the generated
 * {@code SmallConvNetInitializer}.
 */
public final class SmallConvNet {

  /** 3x3 convolution, 1 to 8 channels, followed by a ReLU: [out][in][kh][kw]. */
  @KaimingInit(mode = FAN_OUT, nonlinearity = RELU)
  final float[][][][] conv = new float[8][1][3][3];

  /** The classifier: 8·26·26 features to 10 classes, no nonlinearity after it. */
  @KaimingInit(
      nonlinearity = LINEAR,
      shape = {10, 8 * 26 * 26})
  final float[] classifier = new float[10 * 8 * 26 * 26];
}
