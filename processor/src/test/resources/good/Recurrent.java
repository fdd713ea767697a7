package layers;

import static dev.kinit.Nonlinearity.TANH;

import dev.kinit.OrthogonalInit;
import dev.kinit.UniformInit;
import dev.kinit.XavierInit;

/** An Elman RNN cell: orthogonal recurrent weights, Xavier input weights for tanh. */
public class Recurrent {
  @XavierInit(nonlinearity = TANH)
  final float[][] input = new float[32][16];

  @OrthogonalInit(gain = 1.5)
  final float[][] recurrent = new float[32][32];

  @UniformInit(from = -0.1, to = 0.1)
  final double[] bias = new double[32];
}
