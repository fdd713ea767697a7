package rules

import dev.kinit.KaimingInit

/** Kotlin subclasses of Java classes: the initializer reads the Java fields by Java's rules. */
class Hiding : D() {
  @KaimingInit val own = Array(2) { FloatArray(2) }
}

class ThroughPublic : hidden.Mid() {
  @KaimingInit val own = Array(2) { FloatArray(2) }
}
