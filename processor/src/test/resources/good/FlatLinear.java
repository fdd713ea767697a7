package layers;

import static dev.kinit.Nonlinearity.RELU;

import dev.kinit.KaimingInit;

/** Flat weights with their shapes: constants, and int fields set per instance. */
public class FlatLinear {
  static final int OUT = 6;
  static final int IN = 20;

  @KaimingInit(nonlinearity = RELU, shape = {OUT, IN})
  final float[] fixed = new float[OUT * IN];

  final int out;
  private final int in;

  @KaimingInit(nonlinearity = RELU, shapeFields = {"out", "in"})
  final double[] sized;

  public FlatLinear(int in, int out) {
    this.in = in;
    this.out = out;
    sized = new double[out * in];
  }

  public int getIn() {
    return in;
  }
}
