package layers;

import static dev.kinit.FanMode.FAN_OUT;
import static dev.kinit.Nonlinearity.RELU;

import dev.kinit.ConstructedBefore;
import dev.kinit.KaimingInit;
import dev.kinit.Network;
import dev.kinit.OnesInit;
import dev.kinit.Reinit;
import dev.kinit.TorchDefaultInit;
import dev.kinit.ZerosInit;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A small network: one child, a list of a sealed type with an empty module, an array of blocks, an
 * absent projection, a member constructed before its registration, and rules in two passes.
 */
@Network
@Reinit(
    module = TinyNet.Conv.class,
    parameter = "weight",
    kaiming = @KaimingInit(mode = FAN_OUT, nonlinearity = RELU))
@Reinit(pass = 2, module = TinyNet.Norm.class, parameter = "weight", zeros = @ZerosInit)
public class TinyNet {
  sealed interface Piece permits Conv, Norm, Relu {}

  static final class Conv implements Piece {
    @TorchDefaultInit final float[][][][] weight;

    Conv(int out, int in) {
      weight = new float[out][in][3][3];
    }
  }

  static final class Norm implements Piece {
    @OnesInit final float[] weight;
    @ZerosInit final float[] bias;

    Norm(int n) {
      weight = new float[n];
      bias = new float[n];
    }
  }

  static final class Relu implements Piece {}

  static final class Linear {
    @TorchDefaultInit final float[][] weight;

    @TorchDefaultInit(biasOf = "weight")
    final float @Nullable [] bias;

    Linear(int out, int in, boolean bias) {
      weight = new float[out][in];
      this.bias = bias ? new float[out] : null;
    }
  }

  @Network
  static final class Block {
    final Conv conv = new Conv(4, 4);
    final Norm norm = new Norm(4);

    @ConstructedBefore("conv")
    final @Nullable Linear projection = null;
  }

  final Conv stem = new Conv(4, 3);
  final List<Piece> features = List.of(new Norm(4), new Relu(), new Conv(4, 4));
  final Block[] blocks = {new Block(), new Block()};
  final Linear head = new Linear(10, 4, true);
}
