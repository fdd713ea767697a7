package dev.kinit.samples.nn

import dev.kinit.FloatTensor
import dev.kinit.KaimingInit
import dev.kinit.Nonlinearity.RELU
import java.util.random.RandomGenerator

/**
 * A fully connected layer followed by a ReLU that takes its input size from the first batch it
 * sees, like PyTorch's `nn.LazyLinear`: put it after convolutions and pooling without working out
 * how many features they leave.
 *
 * The weight is a `lateinit var`, allocated at the first forward pass; Kotlin makes its field
 * public, and the generated `LazyLinearInitializer` reads it directly. [initialize] before that
 * pass only remembers the generator, which then fills the weight when it is allocated.
 */
class LazyLinear(private val outFeatures: Int) : Layer {

  @KaimingInit(nonlinearity = RELU) lateinit var weight: Array<FloatArray>

  private val bias = FloatArray(outFeatures)
  private var affine: Affine? = null
  private var pending: RandomGenerator? = null

  override fun forward(input: Array<FloatArray>): Array<FloatArray> {
    val built = affine ?: build(input.first().size)
    return built.forward(input)
  }

  override fun backward(outputGradient: Array<FloatArray>): Array<FloatArray> =
    checkNotNull(affine) { "LazyLinear: backward before the first forward pass" }
      .backward(outputGradient)

  override fun initialize(random: RandomGenerator) {
    if (::weight.isInitialized) {
      LazyLinearInitializer.initialize(this, random)
      bias.fill(0f)
    } else {
      pending = random
    }
  }

  override fun parameters(): List<Parameter> = affine?.parameters() ?: emptyList()

  override fun weights(): List<FloatTensor> =
    if (::weight.isInitialized) listOf(FloatTensor.of("LazyLinear.weight", weight)) else emptyList()

  private fun build(inFeatures: Int): Affine {
    val random =
      checkNotNull(pending) { "LazyLinear: call initialize before the first forward pass" }
    weight = Array(outFeatures) { FloatArray(inFeatures) }
    LazyLinearInitializer.initialize(this, random)
    pending = null
    return Affine(weight, bias).also { affine = it }
  }

  override fun toString() = "LazyLinear(? -> $outFeatures)"
}
