package forms

import dev.kinit.KaimingInit
import dev.kinit.Nonlinearity.RELU
import dev.kinit.TorchDefaultInit
import dev.kinit.XavierInit

// Forms whose generated code kapt and KSP must agree on byte for byte (KaptKspIdentityTest).

/** Deprecated: the initializer silences the warning its use would give. */
@Deprecated("use Fresh")
class Old {
  @KaimingInit val weight = Array(2) { FloatArray(2) }
}

class DeprecatedMembers {
  @Deprecated("a deprecated property, read through its getter")
  @KaimingInit val viaGetter = Array(2) { FloatArray(2) }
  @Deprecated("a deprecated field") @JvmField @KaimingInit val viaField = Array(2) { FloatArray(2) }
}

/** Type parameters: the initializer takes Generic<?>, and an inner class Outer<?>.Inner<?>. */
class Generic<T : Number>(val tag: T) {
  @KaimingInit val weight = Array(2) { FloatArray(2) }

  inner class Inner<U> {
    @KaimingInit val weight = Array(2) { FloatArray(2) }
  }

  class Nested {
    @KaimingInit val weight = Array(2) { FloatArray(2) }
  }
}

/** Sizes from a companion object's constant and from a lateinit property. */
class Constants {
  companion object {
    const val OUT = 3
    @JvmField val IN = 2
  }

  @KaimingInit(shapeFields = ["OUT", "IN"]) val weight = FloatArray(6)
  @KaimingInit(nonlinearity = RELU) lateinit var late: Array<FloatArray>
    private set
  @field:KaimingInit val targeted = Array(2) { FloatArray(2) }

  init {
    late = Array(2) { FloatArray(2) }
  }
}

/** Protected and internal members, read from the same package. */
open class Base {
  @KaimingInit protected val guarded = Array(2) { FloatArray(2) }
  @JvmField @KaimingInit protected val open = Array(2) { FloatArray(2) }
  @KaimingInit internal val inner = Array(2) { FloatArray(2) }
}

class Derived : Base() {
  @XavierInit val own = Array(2) { FloatArray(2) }
}

/** A Kotlin layer over a Java one: the Java fields first, by Java's rules. */
class OverJava : JavaBase() {
  @TorchDefaultInit val weight = Array(4) { FloatArray(3) }
  @TorchDefaultInit(biasOf = "weight") val bias = FloatArray(4)
}

internal class Internal {
  @KaimingInit val weight = Array(2) { FloatArray(2) }
}

private class TopLevelPrivate {
  @KaimingInit val weight = Array(2) { FloatArray(2) }
}

abstract class Abstract {
  @KaimingInit val weight = Array(2) { FloatArray(2) }
  @KaimingInit(shapeFields = ["size", "size"]) val flat = FloatArray(4)
  val size = 2
  abstract val other: Int
}
