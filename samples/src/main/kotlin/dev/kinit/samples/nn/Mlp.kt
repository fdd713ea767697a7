package dev.kinit.samples.nn

import java.util.random.RandomGenerator

/**
 * A multilayer perceptron, a network written in Kotlin that holds Java and Kotlin layers:
 * ```
 *   fc1 Linear(in, 128) → ReLU → block ResidualLinear(128) → ReLU → fc2 LeakyLinear(128, 64)
 *     → LeakyReLU(0.1) → head Classifier(64, classes)
 * ```
 *
 * Its layers are constructor properties (private fields with getters, through which the generated
 * `MlpInitializer` reads them, in declaration order); the ReLUs have no parameters and are not its
 * members.
 */
@dev.kinit.Network
class Mlp
private constructor(
  val fc1: Linear,
  val block: ResidualLinear,
  val fc2: LeakyLinear,
  val head: Classifier,
) :
  Network(
    "mlp",
    listOf(fc1, Relu(), block, Relu(), fc2, Relu(LeakyLinear.NEGATIVE_SLOPE.toFloat()), head),
  ) {

  /** An MLP from [inFeatures] features to [classes] logits. */
  constructor(
    inFeatures: Int,
    classes: Int,
  ) : this(Linear(inFeatures, 128), ResidualLinear(128), LeakyLinear(128, 64), Classifier(64, classes))

  override fun initialize(random: RandomGenerator) = MlpInitializer.initialize(this, random)
}
