package layers;

import static dev.kinit.Nonlinearity.RELU;

import dev.kinit.KaimingInit;

/** The first convolution of a network. */
public class Stem {
  @KaimingInit(nonlinearity = RELU)
  protected final float[][][][] stem = new float[8][3][3][3];
}
