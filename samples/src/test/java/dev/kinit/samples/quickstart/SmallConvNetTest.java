package dev.kinit.samples.quickstart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kinit.FanMode;
import dev.kinit.FloatTensor;
import dev.kinit.Kaiming;
import dev.kinit.Nonlinearity;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Maven build runs the processor on the samples and the initializer it generates works. */
class SmallConvNetTest {

  @Test
  void generatedInitializerFillsBothFieldsFromOneStream() {
    SmallConvNet net = new SmallConvNet();
    SmallConvNetInitializer.initialize(net, new SplittableRandom(1));

    SplittableRandom random = new SplittableRandom(1);
    float[][][][] conv = new float[8][1][3][3];
    float[] classifier = new float[10 * 8 * 26 * 26];
    Kaiming.normal(FloatTensor.of(conv), FanMode.FAN_OUT, Nonlinearity.RELU.gain(0), random);
    Kaiming.normal(FloatTensor.of(classifier, 10, 5408), FanMode.FAN_IN, 1.0, random);
    assertArrayEquals(conv, net.conv);
    assertArrayEquals(classifier, net.classifier);
  }

  @Test
  void classifierHasStdOneOverSqrtFanIn() {
    SmallConvNet net = new SmallConvNet();
    SmallConvNetInitializer.initialize(net, new SplittableRandom(2));
    double squares = 0;
    for (float w : net.classifier) {
      squares += (double) w * w;
    }
    double std = Math.sqrt(squares / net.classifier.length);
    // std = 1 / sqrt(5408) = 0.0136; n = 54,080 samples give a standard error of the sample std of
    // std / sqrt(2n) = 0.3% of std, so 1.5% is five standard errors.
    assertEquals(1 / Math.sqrt(5408), std, 0.015 / Math.sqrt(5408));
  }
}
