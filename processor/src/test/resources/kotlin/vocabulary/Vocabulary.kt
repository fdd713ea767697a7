package vocab

import dev.kinit.ConstantInit
import dev.kinit.DiracInit
import dev.kinit.Distribution.NORMAL
import dev.kinit.EyeInit
import dev.kinit.KaimingInit
import dev.kinit.Nonlinearity
import dev.kinit.Nonlinearity.TANH
import dev.kinit.NormalInit
import dev.kinit.OnesInit
import dev.kinit.OrthogonalInit
import dev.kinit.ScalingDistribution.UNIFORM
import dev.kinit.ScalingMode.FAN_AVG
import dev.kinit.TorchDefaultInit
import dev.kinit.TruncatedNormalInit
import dev.kinit.UniformInit
import dev.kinit.VarianceScalingInit
import dev.kinit.WeightLayout.KERAS
import dev.kinit.XavierInit
import dev.kinit.ZerosInit
import java.util.random.RandomGenerator

class GptLinear(inFeatures: Int, outFeatures: Int) {
  @NormalInit(std = 0.02) val weight = Array(outFeatures) { FloatArray(inFeatures) }
  @ZerosInit val bias = FloatArray(outFeatures)
}

class PatchEmbedding {
  @TruncatedNormalInit(std = 0.02, a = -0.04, b = 0.04)
  val projection = Array(64) { Array(3) { Array(4) { FloatArray(4) } } }
  @JvmField @ZerosInit val projectionBias = FloatArray(64)
  @OnesInit val normWeight = FloatArray(64)
  @ZerosInit lateinit var normBias: FloatArray
  @ConstantInit(0.1) val layerScale = FloatArray(64)

  init {
    normBias = FloatArray(64)
  }
}

class Recurrent(
    @XavierInit(nonlinearity = TANH) val input: Array<FloatArray> = Array(32) { FloatArray(16) },
) {
  @OrthogonalInit(gain = 1.5) internal val recurrent = Array(32) { FloatArray(32) }
  @UniformInit(from = -0.1, to = 0.1) val bias = DoubleArray(32)
}

class Identity {
  @EyeInit val skip = Array(8) { FloatArray(8) }
  @DiracInit(groups = 2) val conv = Array(8) { Array(4) { Array(3) { FloatArray(3) } } }
  @EyeInit(shape = [4, 6]) val flat = FloatArray(24)
}

class KerasDense {
  @VarianceScalingInit(scale = 2.0, layout = KERAS) val kernel = Array(784) { FloatArray(128) }
  @VarianceScalingInit(mode = FAN_AVG, distribution = UNIFORM, layout = KERAS)
  val glorot = FloatArray(10)
  @XavierInit(distribution = NORMAL, layout = KERAS)
  val conv = Array(3) { Array(3) { Array(16) { FloatArray(32) } } }
  @KaimingInit(layout = KERAS, shape = [128, 10]) val head = FloatArray(1280)
}

class Activated(inFeatures: Int, outFeatures: Int, val activation: Nonlinearity, val slope: Double) {
  @KaimingInit(nonlinearityField = "activation", slopeField = "slope")
  val weight = Array(outFeatures) { FloatArray(inFeatures) }
  @XavierInit(nonlinearityField = "activation") val gate = Array(outFeatures) { FloatArray(inFeatures) }
  @KaimingInit(nonlinearity = Nonlinearity.LEAKY_RELU, slopeField = "slope")
  val leaky = Array(outFeatures) { FloatArray(inFeatures) }
}

class ConvTranspose {
  @TorchDefaultInit val weight = Array(16) { Array(8) { Array(3) { FloatArray(3) } } }
  @TorchDefaultInit(biasOf = "weight", transposed = true) val bias = FloatArray(8)
}

/** Each layer, built and initialised by its generated initializer. */
object Build {
  fun gpt(random: RandomGenerator) = GptLinear(20, 6).also { GptLinearInitializer.initialize(it, random) }

  fun patch(random: RandomGenerator) =
      PatchEmbedding().also { PatchEmbeddingInitializer.initialize(it, random) }

  fun recurrent(random: RandomGenerator) = Recurrent().also { RecurrentInitializer.initialize(it, random) }

  fun identity(random: RandomGenerator) = Identity().also { IdentityInitializer.initialize(it, random) }

  fun keras(random: RandomGenerator) = KerasDense().also { KerasDenseInitializer.initialize(it, random) }

  fun tanh(random: RandomGenerator) =
      Activated(5, 4, Nonlinearity.TANH, 0.2).also { ActivatedInitializer.initialize(it, random) }

  fun leaky(random: RandomGenerator) =
      Activated(5, 4, Nonlinearity.LEAKY_RELU, 0.2).also { ActivatedInitializer.initialize(it, random) }

  fun transposed(random: RandomGenerator) =
      ConvTranspose().also { ConvTransposeInitializer.initialize(it, random) }
}
