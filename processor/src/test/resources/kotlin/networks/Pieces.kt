package net

import dev.kinit.OnesInit
import dev.kinit.TorchDefaultInit
import dev.kinit.ZerosInit

/** Declared out of alphabetical order: dispatch checks the permitted classes in Kotlin's order. */
sealed interface Piece

class Norm(n: Int) : Piece {
  @OnesInit val weight = FloatArray(n)
  @ZerosInit val bias = FloatArray(n)
}

class Conv(out: Int, inp: Int) : Piece {
  @TorchDefaultInit val weight = Array(out) { Array(inp) { Array(3) { FloatArray(3) } } }
}

object Relu : Piece

class Linear(@TorchDefaultInit val weight: Array<FloatArray>, bias: Boolean) {
  @TorchDefaultInit(biasOf = "weight") val bias: FloatArray? = if (bias) FloatArray(weight.size) else null
}
