package layers

import dev.kinit.FanMode.FAN_OUT
import dev.kinit.KaimingInit
import dev.kinit.Nonlinearity.LINEAR
import dev.kinit.Nonlinearity.RELU
import java.util.random.RandomGenerator

class PlainVal {
  @KaimingInit(nonlinearity = RELU) val weight = Array(6) { FloatArray(5) }
}

class JvmFieldVal {
  @JvmField @KaimingInit(mode = FAN_OUT, nonlinearity = RELU)
  val weight = Array(6) { FloatArray(5) }
}

class LateinitVar {
  @KaimingInit(nonlinearity = RELU) lateinit var weight: Array<FloatArray>
  init { weight = Array(6) { FloatArray(5) } }
}

class ConstructorProperty(@KaimingInit(nonlinearity = LINEAR) val weight: Array<FloatArray>)

class Flat(val outFeatures: Int, val inFeatures: Int) {
  @KaimingInit(nonlinearity = RELU, shapeFields = ["outFeatures", "inFeatures"])
  val weight = FloatArray(outFeatures * inFeatures)

  @KaimingInit(nonlinearity = LINEAR, shape = [6, 5])
  val constant = FloatArray(30)
}

class KotlinSubclass : JavaLayer() {
  @KaimingInit(nonlinearity = LINEAR) val extra = Array(4) { FloatArray(6) }
}

/** The generated initializers, called from Kotlin. */
object Init {
  fun all(random: RandomGenerator): List<Any> {
    val layers = listOf(PlainVal(), JvmFieldVal(), LateinitVar(),
        ConstructorProperty(Array(6) { FloatArray(5) }), Flat(6, 5), KotlinSubclass())
    PlainValInitializer.initialize(layers[0] as PlainVal, random)
    JvmFieldValInitializer.initialize(layers[1] as JvmFieldVal, random)
    LateinitVarInitializer.initialize(layers[2] as LateinitVar, random)
    ConstructorPropertyInitializer.initialize(layers[3] as ConstructorProperty, random)
    FlatInitializer.initialize(layers[4] as Flat, random)
    KotlinSubclassInitializer.initialize(layers[5] as KotlinSubclass, random)
    return layers
  }
}
