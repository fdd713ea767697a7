package layers
import dev.kinit.KaimingInit
class Get {
  @get:KaimingInit val weight = Array(3) { FloatArray(4) }
}
