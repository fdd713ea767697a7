package layers;

import static dev.kinit.FanMode.FAN_OUT;
import static dev.kinit.Nonlinearity.LINEAR;
import static dev.kinit.Nonlinearity.RELU;

import dev.kinit.KaimingInit;

/** Two convolutions and a projection on top of a stem from the superclass. */
public class Block extends Stem {
  @KaimingInit(nonlinearity = RELU)
  final float[][][][] conv1 = new float[16][8][3][3];

  @KaimingInit(mode = FAN_OUT, nonlinearity = RELU)
  final float[][][][] conv2 = new float[16][16][3][3];

  @KaimingInit(nonlinearity = LINEAR)
  final float[][] projection = new float[10][16];

  final float[] bias = new float[10];
}
