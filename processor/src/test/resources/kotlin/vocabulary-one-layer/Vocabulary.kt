package layers
import dev.kinit.*
import java.util.random.RandomGenerator
class Vocabulary(val activation: Nonlinearity) {
  @XavierInit(distribution = Distribution.NORMAL, gain = 0.5) val xavierNormal = Array(3) { FloatArray(4) }
  @XavierInit(nonlinearityField = "activation") val xavierUniform = Array(3) { FloatArray(4) }
  @NormalInit(mean = 1.0, std = 0.02) val normal = FloatArray(5)
  @UniformInit(from = -0.5, to = 0.25) val uniform = DoubleArray(5)
  @TruncatedNormalInit(std = 0.02, a = -0.04, b = 0.04) val truncated = Array(2) { FloatArray(6) }
  @ConstantInit(value = 0.1) val constant = FloatArray(3)
  @ZerosInit val zeros = FloatArray(3)
  @OnesInit val ones = FloatArray(3)
  @EyeInit val eye = Array(3) { FloatArray(3) }
  @DiracInit(groups = 2) val dirac = Array(4) { Array(2) { FloatArray(3) } }
  @OrthogonalInit(gain = 2.0) val orthogonal = Array(4) { FloatArray(3) }
  @VarianceScalingInit(scale = 2.0, mode = ScalingMode.FAN_AVG, distribution = ScalingDistribution.UNIFORM, layout = WeightLayout.KERAS)
  val keras = Array(6) { FloatArray(2) }
  @TorchDefaultInit val torch = Array(2) { FloatArray(6) }
  @TorchDefaultInit(biasOf = "torch") val torchBias = FloatArray(2)
}
object Build {
  fun layer(random: RandomGenerator): Vocabulary =
    Vocabulary(Nonlinearity.TANH).also { VocabularyInitializer.initialize(it, random) }
}
