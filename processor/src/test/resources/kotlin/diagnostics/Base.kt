package base

import dev.kinit.KaimingInit

/** Layers another package extends: what their initializers cannot read. */
open class ProtectedField {
  @JvmField @KaimingInit protected val weight = Array(2) { FloatArray(2) }
}

open class ProtectedGetter {
  @KaimingInit protected val weight = Array(2) { FloatArray(2) }
}
