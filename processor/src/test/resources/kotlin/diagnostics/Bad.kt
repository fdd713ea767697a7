package layers

import dev.kinit.ConstantInit
import dev.kinit.ConstructedBefore
import dev.kinit.DiracInit
import dev.kinit.Distribution.UNIFORM
import dev.kinit.EyeInit
import dev.kinit.KaimingInit
import dev.kinit.Name
import dev.kinit.Network
import dev.kinit.Nonlinearity
import dev.kinit.Nonlinearity.RELU
import dev.kinit.Nonlinearity.SELU
import dev.kinit.NormalInit
import dev.kinit.Reinit
import dev.kinit.TorchDefaultInit
import dev.kinit.Traversal
import dev.kinit.UniformInit
import dev.kinit.XavierInit
import dev.kinit.ZerosInit

// Each class has problems of one kind, each reported at the line that ends with its expectation:
// "expect" an error, "warning" a warning, "expect(kapt)" or "expect(ksp)" for one of the two
// only, where they place it differently (KSP places each of several rules at its own line, kapt
// places the class). Nothing else is reported.

class Unsupported {
  @KaimingInit val scalar = 3 // expect: [kinit.unsupported-type] field Unsupported.scalar has type int; expected float[] or double[] with 1 to 5 dimensions
  @KaimingInit val boxed = arrayOf(arrayOf(1f)) // expect: [kinit.unsupported-type] field Unsupported.boxed has type java.lang.Float[][]; expected
  @KaimingInit val rows = listOf(FloatArray(2)) // expect: [kinit.unsupported-type] field Unsupported.rows has type java.util.List<float[]>; expected
}

object Shared {
  @KaimingInit val weight = Array(2) { FloatArray(2) } // expect: [kinit.static-field] field Shared.weight is static; expected an instance field
}

class Companion {
  companion object {
    @KaimingInit val weight = Array(2) { FloatArray(2) } // expect: [kinit.static-field] field Companion.weight is static
  }
}

class InheritsProtectedField : base.ProtectedField() { // expect: [kinit.inaccessible-field] field ProtectedField.weight is not accessible from package layers, where the generated InheritsProtectedFieldInitializer is, and has no public getter; expected a public field, or a public getter getWeight()
  @KaimingInit val own = Array(2) { FloatArray(2) }
}

class InheritsHidden : base.Mid() { // expect: [kinit.field-unnameable] field PkgBase.weight cannot be named by the generated InheritsHiddenInitializer in package layers: in InheritsHidden the name weight denotes Mid.weight
  @KaimingInit val own = Array(2) { FloatArray(2) }
}

class InheritsProtectedGetter : base.ProtectedGetter() { // expect: [kinit.getter-inaccessible] field ProtectedGetter.weight is private and its getter getWeight() is protected in ProtectedGetter, which the generated InheritsProtectedGetterInitializer in package layers cannot call
  @KaimingInit val own = Array(2) { FloatArray(2) }
}

class Shapes(val outFeatures: Int, private val hidden: Int, val wide: Long) {
  @KaimingInit val flat = FloatArray(4) // expect: [kinit.flat-without-shape] flat array Shapes.flat needs its shape
  @KaimingInit(shape = [2, 3]) val nested = Array(2) { FloatArray(3) } // expect: [kinit.shape-on-nested] Shapes.nested is a nested array, whose shape is read from the arrays, but has shape
  @KaimingInit(shape = [2, 2], shapeFields = ["outFeatures", "outFeatures"]) val twice = FloatArray(4) // expect: [kinit.shape-twice] Shapes.twice has both shape and shapeFields
  @KaimingInit(shape = [5]) val tooShort = FloatArray(5) // expect: [kinit.shape-too-short] shape of Shapes.tooShort has 1 dimension(s) [5]; expected at least 2
  @KaimingInit(shape = [2, -2]) val negative = FloatArray(4) // expect: [kinit.negative-size] shape of Shapes.negative has size -2 at dimension 1; expected sizes >= 0
  @KaimingInit(shape = [65536, 65536]) val large = FloatArray(4) // expect: [kinit.shape-too-large] shape of Shapes.large [65536, 65536] has 4294967296 elements
  @KaimingInit(shapeFields = ["outFeatures", "inn"]) val missing = FloatArray(4) // expect: [kinit.shape-field-missing] shapeFields of Shapes.missing names "inn", but Shapes has no field of that name
  @KaimingInit(shapeFields = ["outFeatures", "wide"]) val wrongType = FloatArray(4) // expect: [kinit.shape-field-not-int] shapeFields of Shapes.wrongType names "wide", a field of type long; expected an int field
  @KaimingInit(shapeFields = ["outFeatures", "hidden"]) val unreadable = FloatArray(4) // expect: [kinit.shape-field-unreadable] shapeFields of Shapes.unreadable names "hidden", which the generated ShapesInitializer cannot read
  @KaimingInit(shape = [0, 4]) val empty = FloatArray(0) // warning: [kinit.zero-size] shape of Shapes.empty [0, 4] has a size 0
}

class Gains(val activation: Nonlinearity, val slope: Double, val count: Int, private val secret: Nonlinearity) {
  @KaimingInit(a = 1e200) val large = Array(2) { FloatArray(2) } // expect: [kinit.a-too-large] a = 1.0E200 for Gains.large is too large
  @KaimingInit(nonlinearity = RELU, a = 0.2) val ignored = Array(2) { FloatArray(2) } // warning: [kinit.a-ignored] a = 0.2 for Gains.ignored is ignored: nonlinearity RELU does not use a negative slope
  @KaimingInit(nonlinearity = SELU) val selu = Array(2) { FloatArray(2) } // warning: [kinit.selu-gain] nonlinearity SELU for Gains.selu gives gain 3/4
  @XavierInit(gain = 2.0, nonlinearity = RELU) val twice = Array(2) { FloatArray(2) } // expect: [kinit.gain-twice] @XavierInit on Gains.twice gives the gain twice
  @KaimingInit(a = 0.1, slopeField = "slope") val slopes = Array(2) { FloatArray(2) } // expect: [kinit.slope-twice] @KaimingInit on Gains.slopes gives the negative slope twice, a = 0.1 and slopeField = "slope"
  @XavierInit(gain = -1.0) val negative = Array(2) { FloatArray(2) } // expect: [kinit.gain-not-positive] gain = -1.0 for Gains.negative is not a valid gain; expected a finite positive number
  @KaimingInit(nonlinearityField = "nothing") val missing = Array(2) { FloatArray(2) } // expect: [kinit.named-field-missing] nonlinearityField of Gains.missing names "nothing", but Gains has no field of that name
  @KaimingInit(nonlinearityField = "count") val wrong = Array(2) { FloatArray(2) } // expect: [kinit.named-field-wrong-type] nonlinearityField of Gains.wrong names "count", a field of type int; expected a dev.kinit.Nonlinearity field
  @KaimingInit(a = 1e40, distribution = UNIFORM) val tiny = Array(8) { FloatArray(8) } // expect: [kinit.scale-not-normal] Gains.tiny: bound 2.449489742783178E-40 is not a normal float
  @KaimingInit(nonlinearityField = "secret") val hidden = Array(2) { FloatArray(2) } // expect: [kinit.named-field-unreadable] nonlinearityField of Gains.hidden names "secret", which the generated GainsInitializer cannot read
}

class Values {
  @KaimingInit @TorchDefaultInit val both = Array(2) { FloatArray(2) } // expect: [kinit.two-rules] field Values.both has both @KaimingInit and @TorchDefaultInit
  @EyeInit val cube = Array(2) { Array(2) { FloatArray(2) } } // expect: [kinit.rank-not-supported] @EyeInit cannot initialise Values.cube, which has 3 dimension(s): Only tensors with 2 dimensions are supported (PyTorch's eye_)
  @NormalInit(std = -1.0) val std = Array(2) { FloatArray(2) } // expect: [kinit.value-out-of-range]
  @UniformInit(from = 1.0, to = 0.0) val range = Array(2) { FloatArray(2) } // expect: [kinit.value-out-of-range]
  @DiracInit(groups = 3, shape = [4, 2, 3]) val dirac = FloatArray(24) // expect: [kinit.dirac-groups]
}

class Biases {
  @TorchDefaultInit(biasOf = "weight") val matrix = Array(2) { FloatArray(2) } // expect: [kinit.bias-not-a-vector] bias Biases.matrix has type float[][]; expected float[] or double[]
  @TorchDefaultInit(biasOf = "weight", shape = [2]) val shaped = FloatArray(2) // expect: [kinit.bias-with-shape] bias Biases.shaped has shape; expected neither shape nor shapeFields // warning: [kinit.bias-before-weight] bias Biases.shaped is declared before its weight weight
  @TorchDefaultInit(biasOf = "size") val orphan = FloatArray(2) // expect: [kinit.bias-of-not-a-weight] biasOf of Biases.orphan names "size", which is not a weight of Biases
  @TorchDefaultInit(biasOf = "weight") val early = FloatArray(2) // warning: [kinit.bias-before-weight] bias Biases.early is declared before its weight weight, so it is drawn first, unlike in PyTorch
  @TorchDefaultInit val weight = Array(2) { FloatArray(2) }
  val size = 2
}

enum class Constants {
  @KaimingInit FIRST, // expect: [kinit.enum-constant] @KaimingInit is on enum constant Constants.FIRST, which is one shared object, not an array
}

class Linear {
  @TorchDefaultInit val weight = Array(2) { FloatArray(2) }
}

interface Open

class OpenLinear : Open {
  @TorchDefaultInit val weight = Array(2) { FloatArray(2) }
}

@Network
class Networks {
  private val hidden = Linear() // expect: [kinit.child-unreadable] child Networks.hidden cannot be read by the generated NetworksInitializer: it is private and has no getter getHidden()
  val open: Open = OpenLinear() // expect: [kinit.child-not-sealed] Networks.open holds Open, an interface or abstract class that is not sealed
  @ConstructedBefore("later") val first = Linear() // expect: [kinit.constructed-before-unknown] @ConstructedBefore("later") on Networks.first names no member of Networks declared before it
  val later = Linear()
  val stages: List<List<Linear>> = listOf() // expect: [kinit.unsupported-container] Networks.stages holds Linear in a container kinit cannot plan (a Set or other Collection, an Optional, a Map with keys other than String, or a List, array or Map of containers)
  val grid: Array<Array<Linear>> = arrayOf() // expect: [kinit.unsupported-container] Networks.grid holds Linear in a container kinit cannot plan
  val byIndex: Map<Int, Linear> = mapOf() // expect: [kinit.unsupported-container] Networks.byIndex holds Linear in a container kinit cannot plan
  val nested: Map<String, List<Linear>> = mapOf() // expect: [kinit.unsupported-container] Networks.nested holds Linear in a container kinit cannot plan
  val set: Set<Linear> = setOf() // expect: [kinit.unsupported-container] Networks.set holds Linear in a container kinit cannot plan
  val counts: Map<String, Int> = mapOf()
  val sizes: List<List<Int>> = listOf()
  @ConstructedBefore("later") val count = 2 // expect: [kinit.constructed-before-not-a-member] @ConstructedBefore on Networks.count, which is neither a parameter nor a child module of Networks; expected it on an array with an initialisation annotation, or on a field of a @Network that holds a child module
  @Name("0.1") val dotted = Linear() // expect: [kinit.name-invalid] @Name("0.1") on Networks.dotted is no name a parameter path can hold
  @Name("later") val again = Linear() // expect: [kinit.name-taken] Networks.again is named "later", as Networks.later is
  @Name("n") val width = 4 // expect: [kinit.name-not-a-member] @Name on Networks.width, which is neither a parameter nor a child module of Networks
}

enum class Ordered {
  FIRST,
  @ConstructedBefore("FIRST") SECOND, // expect: [kinit.constructed-before-not-a-member] @ConstructedBefore on Ordered.SECOND, which is neither a parameter nor a child module of Ordered
}

class Plain {
  @ConstructedBefore("other") val linear = Linear() // expect: [kinit.constructed-before-not-a-member] @ConstructedBefore on Plain.linear, which is neither a parameter nor a child module of Plain
  val other = Linear()
}

@Reinit(module = Linear::class, parameter = "weight", zeros = [ZerosInit()]) // expect: [kinit.reinit-without-network] NoNetwork has @Reinit rules but is not a @Network
class NoNetwork {
  val linear = Linear()
}

@Network // expect(kapt): [kinit.reinit-init-count] @Reinit(module = Linear.class, parameter = "weight") gives 0 initialisations // expect(kapt): [kinit.reinit-attribute] @Reinit(module = Linear.class, parameter = "weight"): nonlinearityField is not allowed // expect(kapt): [kinit.reinit-matches-nothing] @Reinit(module = Linear.class, parameter = "bias") matches no parameter of Rules // expect(kapt): [kinit.reinit-order-conflict] @Reinit(module = Linear.class, parameter = "weight") visits modules in APPLY order
@Reinit(module = Linear::class, parameter = "weight") // expect(ksp): [kinit.reinit-init-count] @Reinit(module = Linear.class, parameter = "weight") gives 0 initialisations; expected exactly one
@Reinit(module = Linear::class, parameter = "weight", kaiming = [KaimingInit(nonlinearityField = "x")]) // expect(ksp): [kinit.reinit-attribute] @Reinit(module = Linear.class, parameter = "weight"): nonlinearityField is not allowed in a rule
@Reinit(module = Linear::class, parameter = "bias", zeros = [ZerosInit()]) // expect(ksp): [kinit.reinit-matches-nothing] @Reinit(module = Linear.class, parameter = "bias") matches no parameter of Rules
@Reinit(module = Linear::class, parameter = "weight", order = Traversal.APPLY, constant = [ConstantInit(1.0)]) // expect(ksp): [kinit.reinit-order-conflict] @Reinit(module = Linear.class, parameter = "weight") visits modules in APPLY order, but another rule of pass 1 in Rules
class Rules {
  val linear = Linear()
}

class Taken { // expect: [kinit.initializer-exists] the initializer layers.TakenInitializer of layers.Taken cannot be written: another class has that name
  @TorchDefaultInit val weight = Array(2) { FloatArray(2) }
}

class TakenInitializer
