package layers
import dev.kinit.KaimingInit
@JvmInline value class Size(val n: Int)
class Sized(val out: Size) {
  val inFeatures = 2
  @KaimingInit(shapeFields = ["out", "inFeatures"]) val weight = FloatArray(4)
}
open class OpenBase {
  @KaimingInit open val weight = Array(2) { FloatArray(2) }
}
class Overrider : OpenBase() {
  override val weight = Array(3) { FloatArray(3) }
  @KaimingInit val head = Array(2) { FloatArray(2) }
}
class Outer {
  private class Hidden { @KaimingInit val weight = Array(2) { FloatArray(2) } }
}
