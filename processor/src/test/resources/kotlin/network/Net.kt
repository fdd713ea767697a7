package net
import dev.kinit.*
import dev.kinit.FanMode.FAN_OUT
import dev.kinit.Nonlinearity.RELU
import java.util.random.RandomGenerator
sealed interface Piece
class Conv(out: Int, inp: Int) : Piece {
  @TorchDefaultInit val weight = Array(out) { Array(inp) { Array(3) { FloatArray(3) } } }
}
class Norm(n: Int) : Piece {
  @OnesInit val weight = FloatArray(n)
  @ZerosInit val bias = FloatArray(n)
}
object Relu : Piece
class Linear(out: Int, inp: Int, bias: Boolean) {
  @TorchDefaultInit val weight = Array(out) { FloatArray(inp) }
  @TorchDefaultInit(biasOf = "weight") val bias: FloatArray? = if (bias) FloatArray(out) else null
}
@Network
@Reinit(module = Conv::class, parameter = "weight",
    kaiming = [KaimingInit(mode = FAN_OUT, nonlinearity = RELU)])
class Net {
  val stem = Conv(4, 3)
  val features: List<Piece> = listOf(Norm(4), Relu, Conv(4, 4))
  internal val head = Linear(10, 4, true)
  val tail = Linear(2, 10, false)
  val extra: Linear? = null
}
object Build {
  fun net(random: RandomGenerator): Net = Net().also { NetInitializer.initialize(it, random) }
}
