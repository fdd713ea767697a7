package layers;

import static dev.kinit.Nonlinearity.RELU;

import dev.kinit.KaimingInit;

public class JavaLayer {
  @KaimingInit(nonlinearity = RELU)
  protected final float[][] weight = new float[6][5];
}
