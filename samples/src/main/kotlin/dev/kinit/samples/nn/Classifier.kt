package dev.kinit.samples.nn

import dev.kinit.FloatTensor
import dev.kinit.KaimingInit
import dev.kinit.Nonlinearity.LINEAR
import dev.kinit.ZerosInit
import java.util.random.RandomGenerator

/**
 * The last layer of a classifier, `logits = W x + b`. No nonlinearity follows it, so the Kaiming
 * gain is 1 (`LINEAR`): `std = 1 / sqrt(in)`.
 *
 * The weight `[classes][in]` is a constructor property: Kotlin keeps it in a private field, and the
 * generated `ClassifierInitializer` reads it through `getWeight()`.
 */
class Classifier(@KaimingInit(nonlinearity = LINEAR) val weight: Array<FloatArray>) : Layer {

  /** A classifier from [inFeatures] features to [classes] logits. */
  constructor(inFeatures: Int, classes: Int) : this(Array(classes) { FloatArray(inFeatures) })

  @ZerosInit val bias = FloatArray(weight.size)
  private val affine = Affine(weight, bias)

  override fun forward(input: Array<FloatArray>): Array<FloatArray> = affine.forward(input)

  override fun backward(outputGradient: Array<FloatArray>): Array<FloatArray> =
    affine.backward(outputGradient)

  override fun initialize(random: RandomGenerator) {
    ClassifierInitializer.initialize(this, random)
  }

  override fun parameters(): List<Parameter> = affine.parameters()

  override fun weights(): List<FloatTensor> = listOf(FloatTensor.of("Classifier.weight", weight))

  override fun toString() = "Classifier(${affine.inFeatures()} -> ${affine.outFeatures()})"
}
