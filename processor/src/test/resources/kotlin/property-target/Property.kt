package layers
import dev.kinit.KaimingInit
class Property {
  val other = 1
  @property:KaimingInit val weight = Array(3) { FloatArray(4) }
}
