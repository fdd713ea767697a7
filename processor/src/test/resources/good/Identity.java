package layers;

import dev.kinit.DiracInit;
import dev.kinit.EyeInit;

/** Layers that start as the identity: a linear map and a grouped convolution. */
public class Identity {
  @EyeInit final float[][] skip = new float[8][8];

  @DiracInit(groups = 2)
  final float[][][][] conv = new float[8][4][3][3];

  @EyeInit(shape = {4, 6})
  final float[] flat = new float[24];
}
