package layers;

import static dev.kinit.Distribution.UNIFORM;
import static dev.kinit.FanMode.FAN_OUT;
import static dev.kinit.Nonlinearity.TANH;

import dev.kinit.KaimingInit;

/** A 1-D convolution: 3-D weight [out][in][k], uniform, fan_out, followed by tanh. */
public class Conv1d {
  @KaimingInit(mode = FAN_OUT, nonlinearity = TANH, distribution = UNIFORM)
  public final double[][][] weight;

  public Conv1d(int in, int out, int k) {
    weight = new double[out][in][k];
  }
}
