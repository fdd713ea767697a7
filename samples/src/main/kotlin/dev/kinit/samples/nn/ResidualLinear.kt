package dev.kinit.samples.nn

import dev.kinit.FloatTensor
import dev.kinit.KaimingInit
import dev.kinit.Nonlinearity.LINEAR
import dev.kinit.ZerosInit
import java.util.random.RandomGenerator

/**
 * A residual block `y = x + V relu(W x + b) + c` (He et al. 2016) written in Kotlin on top of the
 * Java [Linear]: the inherited weight `W` is followed by a ReLU (gain `sqrt(2)`, from [Linear]'s
 * annotation), the block's own weight `V` by nothing but the sum (gain 1, `LINEAR`).
 *
 * `V` is a plain `val`: Kotlin keeps it in a private field with a getter `getResidual()`. The
 * generated `ResidualLinearInitializer` fills the inherited `W` first, then `V`, from one generator.
 */
class ResidualLinear(width: Int) : Linear(width, width) {

  @KaimingInit(nonlinearity = LINEAR) val residual = Array(width) { FloatArray(width) }

  @ZerosInit val residualBias = FloatArray(width)
  private val relu = Relu()
  private val second = Affine(residual, residualBias)

  override fun forward(input: Array<FloatArray>): Array<FloatArray> =
    add(input, second.forward(relu.forward(super.forward(input))))

  override fun backward(outputGradient: Array<FloatArray>): Array<FloatArray> =
    add(outputGradient, super.backward(relu.backward(second.backward(outputGradient))))

  override fun initialize(random: RandomGenerator) {
    ResidualLinearInitializer.initialize(this, random)
  }

  override fun parameters(): List<Parameter> = super.parameters() + second.parameters()

  override fun weights(): List<FloatTensor> =
    super.weights() + FloatTensor.of("ResidualLinear.residual", residual)

  override fun toString() = "ResidualLinear(${residual.size})"

  private fun add(a: Array<FloatArray>, b: Array<FloatArray>) =
    Array(a.size) { n -> FloatArray(a[n].size) { i -> a[n][i] + b[n][i] } }
}
