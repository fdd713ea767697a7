package dev.kinit.samples.nn

import dev.kinit.FloatTensor
import dev.kinit.KaimingInit
import dev.kinit.Nonlinearity.RELU
import dev.kinit.ZerosInit
import java.util.random.RandomGenerator

/**
 * A fully connected layer followed by a ReLU with its weight in one flat `FloatArray` of
 * `outFeatures · inFeatures` values, row-major (`weight[o * inFeatures + i]`): one allocation, the
 * layout a BLAS call would want.
 *
 * A flat array does not carry its shape, so the annotation names it with `shapeFields`: the
 * properties [outFeatures] and [inFeatures], which the generated `FlatLinearInitializer` reads
 * through their getters when it runs.
 */
class FlatLinear(val inFeatures: Int, val outFeatures: Int) : Layer {

  @KaimingInit(nonlinearity = RELU, shapeFields = ["outFeatures", "inFeatures"])
  val weight = FloatArray(outFeatures * inFeatures)

  @ZerosInit val bias = FloatArray(outFeatures)
  private val weightGradient = FloatArray(weight.size)
  private val biasGradient = FloatArray(outFeatures)
  private val parameters = listOf(Parameter(weight, weightGradient), Parameter(bias, biasGradient))
  private var input: Array<FloatArray> = emptyArray()

  override fun forward(input: Array<FloatArray>): Array<FloatArray> {
    Shapes.requireFeatures("input", input, inFeatures)
    this.input = input
    return Array(input.size) { b ->
      val x = input[b]
      FloatArray(outFeatures) { o ->
        var sum = bias[o]
        val row = o * inFeatures
        for (i in 0 until inFeatures) sum += weight[row + i] * x[i]
        sum
      }
    }
  }

  override fun backward(outputGradient: Array<FloatArray>): Array<FloatArray> {
    Shapes.requireFeatures("outputGradient", outputGradient, outFeatures)
    return Array(outputGradient.size) { b ->
      val x = input[b]
      val dy = outputGradient[b]
      val dx = FloatArray(inFeatures)
      for (o in 0 until outFeatures) {
        val g = dy[o]
        if (g == 0f) continue
        biasGradient[o] += g
        val row = o * inFeatures
        for (i in 0 until inFeatures) {
          dx[i] += g * weight[row + i]
          weightGradient[row + i] += g * x[i]
        }
      }
      dx
    }
  }

  override fun initialize(random: RandomGenerator) {
    FlatLinearInitializer.initialize(this, random)
  }

  override fun parameters(): List<Parameter> = parameters

  override fun weights(): List<FloatTensor> =
    listOf(FloatTensor.of("FlatLinear.weight", weight, outFeatures, inFeatures))

  override fun toString() = "FlatLinear($inFeatures -> $outFeatures)"
}
