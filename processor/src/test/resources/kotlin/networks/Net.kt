package net

import dev.kinit.ConstructedBefore
import dev.kinit.FanMode.FAN_OUT
import dev.kinit.KaimingInit
import dev.kinit.Name
import dev.kinit.Network
import dev.kinit.Nonlinearity.RELU
import dev.kinit.OnesInit
import dev.kinit.Reinit
import dev.kinit.ZerosInit

/** Builds its downsample first, as PyTorch's ResNet block does, though it registers it last. */
@Network
class Block(inp: Int, out: Int, down: List<Piece>?) {
  constructor(inp: Int, out: Int) : this(inp, out, if (inp == out) null else listOf(Conv(out, inp), Norm(out), Relu))

  val conv1 = Conv(out, inp)
  val bn1 = Norm(out)
  @ConstructedBefore("conv1") val downsample: List<Piece>? = down
}

@Network
@Reinit(module = Conv::class, parameter = "weight", kaiming = [KaimingInit(mode = FAN_OUT, nonlinearity = RELU)])
@Reinit(pass = 2, module = Block::class, parameter = "bn1.weight", zeros = [ZerosInit()])
class Net {
  val stem = Conv(4, 3)
  val width = 4
  val blocks = listOf(Block(4, 6), Block(6, 6))
  val fc = Linear(Array(5) { FloatArray(6) }, true)
  val tied = Linear(fc.weight, false)
}

/** A network that extends one, with an array of modules and a rule of its own. */
@Network
@Reinit(module = Norm::class, parameter = "bias", constant = [dev.kinit.ConstantInit(0.5)])
open class Wide : Tower() {
  val heads = arrayOf(Conv(2, 4), Conv(3, 4))
}

@Network
abstract class Tower {
  val trunk = Norm(4)
}

/**
 * An optional parameter that may be null, with a member constructed where it would have been: the
 * member takes its place when it is absent, as in PyTorch.
 */
@Network
class Gated(gate: Boolean) {
  val norm = Norm(2)
  @ZerosInit val gate: FloatArray? = if (gate) FloatArray(2) else null
  val last = Norm(2)
  @ConstructedBefore("gate") @OnesInit val scale = FloatArray(3)
}

/** A constructor property constructed before the one declared ahead of it. */
@Network
class Scaled(val norm: Norm, @ConstructedBefore("norm") @OnesInit val scale: FloatArray)

/**
 * Children whose types are type parameters: each planned as its bound (a module class, a sealed
 * interface); an unbounded one, which may hold anything, is no member.
 */
@Network
class Stage<P : Piece, C : Conv, T>(val first: C, val pieces: List<P>, val convs: Array<C>, val tag: T)

open class Cell {
  @OnesInit val gain = FloatArray(2)
}

class BigCell : Cell() {
  @ZerosInit val shift = FloatArray(2)
}

/** A generic superclass's properties, as the subclass binds its type parameter. */
@Network
abstract class Base<C : Cell>(val cell: C, val cells: List<C>)

@Network
class Big : Base<BigCell>(BigCell(), listOf(BigCell()))

/**
 * An nn.Sequential's children, named 0 and 1 by @Name (a constructor property among them), and a
 * parameter named by a Kotlin keyword, built before the child named 0; a rule reaches 1.bias.
 */
@Network
@Reinit(module = Seq::class, parameter = "1.bias", constant = [dev.kinit.ConstantInit(3.0)])
class Seq(@Name("0") val conv: Conv) {
  @Name("1") val norm = Norm(2)
  @Name("in") @ConstructedBefore("0") @OnesInit val scale = FloatArray(3)
}

/** An nn.Sequential of Seqs: its list, named "", holds the module's own children 0, 1, …. */
@Network
class Seqs(@Name("") val seqs: List<Seq>) {
  val last = Norm(2)
}

/** A ModuleDict of Seqs named by key (mapOf keeps its order), and one named "" whose entries are the module's own. */
@Network
class Dict(val dict: Map<String, Seq>, @Name("") val entries: Map<String, Norm>)
