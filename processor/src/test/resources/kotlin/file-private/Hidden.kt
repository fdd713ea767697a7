package layers
import dev.kinit.KaimingInit
private class Hidden {
  @JvmField @KaimingInit val weight = Array(2) { FloatArray(3) }
}
