package layers
import dev.kinit.KaimingInit
import dev.kinit.Nonlinearity.RELU
import java.util.random.RandomGenerator
class Mangled {
  @KaimingInit(nonlinearity = RELU) internal val weight = Array(3) { FloatArray(4) }
  @KaimingInit(nonlinearity = RELU) @get:JvmName("fetchOther") val other = Array(2) { FloatArray(5) }
  internal val inFeatures = 2
  @KaimingInit(nonlinearity = RELU, shapeFields = ["inFeatures", "inFeatures"])
  val flat = FloatArray(4)
}
object Init {
  fun run(random: RandomGenerator): Mangled = Mangled().also { MangledInitializer.initialize(it, random) }
}
