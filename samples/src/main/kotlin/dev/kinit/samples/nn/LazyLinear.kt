package dev.kinit.samples.nn

import dev.kinit.FloatTensor
import dev.kinit.KaimingInit
import dev.kinit.Nonlinearity.RELU
import dev.kinit.ZerosInit
import java.util.random.RandomGenerator

/**
 * A fully connected layer followed by a ReLU that takes its input size from the first batch it
 * sees, like PyTorch's `nn.LazyLinear`: put it after convolutions and pooling without working out
 * how many features they leave.
 *
 * The weight is a nullable `@JvmField var`, `null` until the first forward pass allocates it: a
 * public field, which the generated `LazyLinearInitializer` reads directly, and a parameter that is
 * absent (skipped, like a `bias=False`) while it is `null`. [initialize] before that pass only
 * remembers the generator, which then fills the weight when it is allocated.
 */
class LazyLinear(private val outFeatures: Int) : Layer {

  @JvmField @KaimingInit(nonlinearity = RELU) var weight: Array<FloatArray>? = null

  @ZerosInit val bias = FloatArray(outFeatures)
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
    if (weight != null) {
      LazyLinearInitializer.initialize(this, random)
    } else {
      pending = random
    }
  }

  /**
   * Remembers [random] to fill the weight with when the first batch allocates it; nothing if the
   * weight exists already (a network's generated initializer has filled it).
   */
  fun initializeWhenBuilt(random: RandomGenerator) {
    if (weight == null) {
      pending = random
    }
  }

  override fun parameters(): List<Parameter> = affine?.parameters() ?: emptyList()

  override fun weights(): List<FloatTensor> =
    weight?.let { listOf(FloatTensor.of("LazyLinear.weight", it)) } ?: emptyList()

  private fun build(inFeatures: Int): Affine {
    val random =
      checkNotNull(pending) { "LazyLinear: call initialize before the first forward pass" }
    val built = Array(outFeatures) { FloatArray(inFeatures) }
    weight = built
    LazyLinearInitializer.initialize(this, random)
    pending = null
    return Affine(built, bias).also { affine = it }
  }

  override fun toString() = "LazyLinear(? -> $outFeatures)"
}
