package dev.kinit.samples.nn

import dev.kinit.FloatTensor
import dev.kinit.KaimingInit
import dev.kinit.Nonlinearity.LEAKY_RELU
import dev.kinit.ZerosInit
import java.util.random.RandomGenerator

/**
 * A fully connected layer followed by a leaky ReLU of slope [NEGATIVE_SLOPE]
 * (`Relu(NEGATIVE_SLOPE)`): Kaiming gain `sqrt(2 / (1 + a²))` (He et al. 2015, eq. 15).
 *
 * The weight `[out][in]` is a `@JvmField`: a public field, which the generated
 * `LeakyLinearInitializer` reads directly.
 */
class LeakyLinear(inFeatures: Int, outFeatures: Int) : Layer {

  @JvmField
  @KaimingInit(nonlinearity = LEAKY_RELU, a = NEGATIVE_SLOPE)
  val weight = Array(outFeatures) { FloatArray(inFeatures) }

  @JvmField @ZerosInit val bias = FloatArray(outFeatures)
  private val affine = Affine(weight, bias)

  override fun forward(input: Array<FloatArray>): Array<FloatArray> = affine.forward(input)

  override fun backward(outputGradient: Array<FloatArray>): Array<FloatArray> =
    affine.backward(outputGradient)

  override fun initialize(random: RandomGenerator) {
    LeakyLinearInitializer.initialize(this, random)
  }

  override fun parameters(): List<Parameter> = affine.parameters()

  override fun weights(): List<FloatTensor> = listOf(FloatTensor.of("LeakyLinear.weight", weight))

  override fun toString() = "LeakyLinear(${affine.inFeatures()} -> ${affine.outFeatures()})"

  companion object {
    /** The slope of the leaky ReLU that follows the layer; the annotation's `a`. */
    const val NEGATIVE_SLOPE = 0.1
  }
}
