package layers
import dev.kinit.KaimingInit
class Hidden {
  @KaimingInit
  private val weight = Array(3) { FloatArray(4) }
}
class NotFinite {
  @KaimingInit(a = Double.NaN) val weight = Array(3) { FloatArray(4) }
}
