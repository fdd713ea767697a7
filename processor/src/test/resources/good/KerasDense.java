package layers;

import static dev.kinit.Distribution.NORMAL;
import static dev.kinit.ScalingDistribution.UNIFORM;
import static dev.kinit.ScalingMode.FAN_AVG;
import static dev.kinit.WeightLayout.KERAS;

import dev.kinit.KaimingInit;
import dev.kinit.VarianceScalingInit;
import dev.kinit.XavierInit;

/** Weights ported from Keras, laid out [in][out] and [kh][kw][in][out]. */
public class KerasDense {
  @VarianceScalingInit(scale = 2, layout = KERAS)
  final float[][] kernel = new float[784][128];

  @VarianceScalingInit(mode = FAN_AVG, distribution = UNIFORM, layout = KERAS)
  final float[] glorot = new float[10];

  @XavierInit(distribution = NORMAL, layout = KERAS)
  final float[][][][] conv = new float[3][3][16][32];

  @KaimingInit(layout = KERAS, shape = {128, 10})
  final float[] head = new float[1280];
}
