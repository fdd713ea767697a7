#!/usr/bin/env python3
"""Writes the Kotlin layers scripts/bench_ksp.sh processes: N layer classes and a network.

Each layer mixes the property forms and annotations of a real model (nested and flat weights,
shapes from constants and from int properties, @JvmField, lateinit, constructor properties,
PyTorch's defaults with biases, Xavier, normal, ones and zeros); the network holds them all,
in lists and behind a sealed type, with a @Reinit rule.

STYLE chooses the input (BENCHMARKS.md, "kapt against KSP"):
- implicit (the default): each weight property's type is inferred from its initializer
  (val weight = Array(12) { FloatArray(5) }), as Kotlin code usually writes it;
- explicit: the same layers, each weight property's type written out
  (val weight: Array<FloatArray> = Array(12) { FloatArray(5) });
- mixed: a module of ordinary Kotlin around the implicit layers, code kinit never asks about:
  each layer has a forward and a backward pass, private helpers and a companion object, and
  extension functions beside it; three unannotated files per layer (data classes, a sealed
  hierarchy, an interface with default methods, formatting and collection code).

Usage: bench_ksp_sources.py DIR [N] [implicit|explicit|mixed]
"""
import os
import sys

STYLES = ('implicit', 'explicit', 'mixed')

KINDS = [
    # (annotation, property declaration, its type); {o} and {i} are the layer's sizes, {t} is
    # ': type' in the explicit style and nothing otherwise
    ('@KaimingInit(nonlinearity = RELU)', 'val weight{t} = Array({o}) {{ FloatArray({i}) }}',
     'Array<FloatArray>'),
    ('@KaimingInit(mode = FAN_OUT, nonlinearity = RELU)',
     'val conv{t} = Array({o}) {{ Array({i}) {{ Array(3) {{ FloatArray(3) }} }} }}',
     'Array<Array<Array<FloatArray>>>'),
    ('@KaimingInit(shapeFields = ["outFeatures", "inFeatures"], a = 0.2)',
     'val flat{t} = FloatArray(outFeatures * inFeatures)', 'FloatArray'),
    ('@TorchDefaultInit', 'val linear{t} = Array({o}) {{ FloatArray({i}) }}', 'Array<FloatArray>'),
    ('@TorchDefaultInit(biasOf = "linear")', 'val linearBias{t} = FloatArray({o})', 'FloatArray'),
    ('@JvmField @XavierInit(nonlinearity = TANH)', 'val gate{t} = Array({o}) {{ FloatArray({i}) }}',
     'Array<FloatArray>'),
    ('@NormalInit(std = 0.02)', 'lateinit var embedding: Array<FloatArray>', None),
    ('@OnesInit', 'val scale{t} = FloatArray({o})', 'FloatArray'),
    ('@ZerosInit', 'val shift{t} = DoubleArray({o})', 'DoubleArray'),
    ('@KaimingInit(shape = [{o}, {i}], nonlinearity = LINEAR)',
     'val projection{t} = FloatArray({o} * {i})', 'FloatArray'),
]

HEADER = """package bench

import dev.kinit.FanMode.FAN_OUT
import dev.kinit.KaimingInit
import dev.kinit.Nonlinearity.LINEAR
import dev.kinit.Nonlinearity.RELU
import dev.kinit.Nonlinearity.TANH
import dev.kinit.NormalInit
import dev.kinit.OnesInit
import dev.kinit.TorchDefaultInit
import dev.kinit.XavierInit
import dev.kinit.ZerosInit
"""


# Mixed style: the layer's own code, in its class (forward and backward passes, private helpers,
# a companion object) and beside it (extension functions). @N@, @O@ and @I@ stand for the layer's
# number and sizes.
LAYER_MEMBERS = """
  /** relu(weight x + gate x + linearBias), scaled and shifted. */
  fun forward(x: FloatArray): FloatArray {
    require(x.size == inFeatures) { "Layer@N@.forward: x has ${x.size} elements, expected $inFeatures" }
    val hidden = FloatArray(outFeatures)
    for (r in 0 until outFeatures) {
      var sum = linearBias[r]
      for (c in 0 until inFeatures) {
        sum += weight[r][c] * x[c] + gate[r][c] * x[c]
      }
      hidden[r] = activate(sum) * scale[r] + shift[r].toFloat()
    }
    return hidden
  }

  /** The gradient of forward with respect to x, given the gradient of its output. */
  fun backward(x: FloatArray, upstream: FloatArray): FloatArray {
    val grad = FloatArray(inFeatures)
    val pre = preActivation(x)
    for (r in 0 until outFeatures) {
      val g = if (pre[r] > 0f) upstream[r] * scale[r] else upstream[r] * scale[r] * NEGATIVE_SLOPE
      for (c in 0 until inFeatures) {
        grad[c] += g * (weight[r][c] + gate[r][c])
      }
    }
    return grad
  }

  /** The sum of the convolution's weights, per output channel. */
  fun channelSums(): List<Double> =
    conv.map { channel -> channel.sumOf { plane -> plane.sumOf { row -> row.sumOf { it.toDouble() } } } }

  fun parameterCount(): Int =
    listOf(weight, linear, gate, embedding).sumOf { rows -> rows.sumOf { it.size } } +
      conv.size * inFeatures * 9 + flat.size + linearBias.size + scale.size + shift.size + projection.size

  private fun preActivation(x: FloatArray) = FloatArray(outFeatures) { r ->
    (0 until inFeatures).fold(linearBias[r]) { acc, c -> acc + (weight[r][c] + gate[r][c]) * x[c] }
  }

  private fun activate(v: Float) = if (v > 0f) v else NEGATIVE_SLOPE * v

  override fun toString() = "Layer@N@(${outFeatures}x$inFeatures, ${parameterCount()} parameters)"

  companion object {
    const val NEGATIVE_SLOPE = 0.01f

    fun of(config: Layer@N@Config) = Layer@N@(config.outFeatures, config.inFeatures)

    fun describe(layers: List<Layer@N@>): String =
      layers.joinToString(prefix = "[", postfix = "]") { it.toString() }
  }
"""

LAYER_EXTENSIONS = """
/** The layer's weights as rows of text, for logs. */
fun Layer@N@.weightTable(digits: Int = 3): String = buildString {
  for ((r, row) in weight.withIndex()) {
    append(r).append(": ")
    row.joinTo(this, separator = " ") { "%.${digits}f".format(it) }
    append('\\n')
  }
}

/** Applies the layer to each row of a batch. */
fun Layer@N@.forwardBatch(batch: List<FloatArray>): List<FloatArray> = batch.map { forward(it) }

private fun FloatArray.l2() = kotlin.math.sqrt(sumOf { (it * it).toDouble() })

/** The L2 norm of each row of the weight. */
fun Layer@N@.rowNorms() = weight.map { it.l2() }
"""

# Mixed style: three files of ordinary code per layer that carry no kinit annotation.
SUPPORT = {
    'Config': """package bench

/** How layer @N@ is built and trained; the defaults are its constructor's. */
data class Layer@N@Config(
  val outFeatures: Int = @O@,
  val inFeatures: Int = @I@,
  val learningRate: Double = 1e-3,
  val momentum: Double = 0.9,
  val tags: List<String> = emptyList(),
) {
  init {
    require(outFeatures > 0) { "outFeatures: $outFeatures, expected > 0" }
    require(inFeatures > 0) { "inFeatures: $inFeatures, expected > 0" }
  }

  val parameters get() = outFeatures * inFeatures + outFeatures

  fun withTag(tag: String) = copy(tags = tags + tag)

  fun describe(): String =
    "layer @N@: %d x %d, lr %.1e, momentum %.2f%s".format(
      outFeatures, inFeatures, learningRate, momentum,
      if (tags.isEmpty()) "" else tags.sorted().joinToString(prefix = " [", postfix = "]"))

  companion object {
    /** Reads "out=8, in=4, lr=0.01, momentum=0.9, tags=a b". */
    fun parse(text: String): Layer@N@Config {
      val fields = text.split(',').map { it.trim() }.filter { it.isNotEmpty() }
        .associate { it.substringBefore('=').trim() to it.substringAfter('=').trim() }
      return Layer@N@Config(
        outFeatures = fields["out"]?.toInt() ?: @O@,
        inFeatures = fields["in"]?.toInt() ?: @I@,
        learningRate = fields["lr"]?.toDouble() ?: 1e-3,
        momentum = fields["momentum"]?.toDouble() ?: 0.9,
        tags = fields["tags"]?.split(' ')?.filter(String::isNotBlank) ?: emptyList(),
      )
    }
  }
}

/** Learning rates for layer @N@, one per epoch, decaying geometrically. */
data class Layer@N@Schedule(val base: Double, val decay: Double, val epochs: Int) {
  fun rates(): List<Double> = (0 until epochs).map { base * Math.pow(decay, it.toDouble()) }

  fun at(epoch: Int) = rates().getOrElse(epoch) { rates().last() }

  override fun toString() = rates().joinToString(" ") { "%.2e".format(it) }
}
""",
    'Events': """package bench

/** What happens to layer @N@ during training. */
sealed class Layer@N@Event {
  abstract val step: Long

  data class Started(override val step: Long, val config: Layer@N@Config) : Layer@N@Event()

  data class Loss(override val step: Long, val value: Double) : Layer@N@Event()

  data class Gradient(override val step: Long, val norms: List<Double>) : Layer@N@Event()

  data class Stopped(override val step: Long, val reason: String) : Layer@N@Event()

  object Idle : Layer@N@Event() {
    override val step = -1L
  }
}

/** One line of the training log. */
fun Layer@N@Event.render(): String = when (this) {
  is Layer@N@Event.Started -> "[$step] start ${config.describe()}"
  is Layer@N@Event.Loss -> "[$step] loss %.5f".format(value)
  is Layer@N@Event.Gradient -> "[$step] gradient %.3g at most, %d rows".format(norms.maxOrNull() ?: 0.0, norms.size)
  is Layer@N@Event.Stopped -> "[$step] stop: $reason"
  Layer@N@Event.Idle -> "idle"
}

/** A training log of layer @N@: the best loss, the steps, why training stopped. */
class Layer@N@Log(private val events: List<Layer@N@Event>) {
  fun bestLoss() = events.filterIsInstance<Layer@N@Event.Loss>().minOfOrNull { it.value }

  fun steps() = events.map { it.step }.filter { it >= 0 }.distinct().sorted()

  fun stops(): Map<String, Int> =
    events.filterIsInstance<Layer@N@Event.Stopped>().groupingBy { it.reason }.eachCount()

  fun smoothedLosses(window: Int): List<Double> =
    events.filterIsInstance<Layer@N@Event.Loss>().map { it.value }
      .windowed(window, partialWindows = true) { it.average() }

  fun render() = events.joinToString("\\n") { it.render() }
}
""",
    'Metrics': """package bench

import kotlin.math.abs

/** A metric of layer @N@'s outputs; the defaults are built on [score]. */
interface Layer@N@Metric {
  val name: String

  fun score(predicted: FloatArray, expected: FloatArray): Double

  fun scoreAll(pairs: List<Pair<FloatArray, FloatArray>>): Double =
    if (pairs.isEmpty()) 0.0 else pairs.sumOf { (p, e) -> score(p, e) } / pairs.size

  fun report(pairs: List<Pair<FloatArray, FloatArray>>): String =
    "%s = %.4f over %d samples".format(name, scoreAll(pairs), pairs.size)
}

/** Mean squared error. */
class Layer@N@Mse : Layer@N@Metric {
  override val name = "mse"

  override fun score(predicted: FloatArray, expected: FloatArray): Double {
    require(predicted.size == expected.size) { "$name: ${predicted.size} predicted, ${expected.size} expected" }
    var sum = 0.0
    for (k in predicted.indices) {
      val d = (predicted[k] - expected[k]).toDouble()
      sum += d * d
    }
    return if (predicted.isEmpty()) 0.0 else sum / predicted.size
  }
}

/** The share of positions where both have the same sign, or are both within the tolerance of 0. */
class Layer@N@SignAgreement(private val tolerance: Float = 0f) : Layer@N@Metric {
  override val name get() = "sign agreement (tolerance $tolerance)"

  override fun score(predicted: FloatArray, expected: FloatArray) =
    predicted.indices.count { k ->
      abs(predicted[k]) <= tolerance && abs(expected[k]) <= tolerance || predicted[k] * expected[k] > 0f
    }.toDouble() / predicted.size.coerceAtLeast(1)
}

/** Evaluates layer @N@ over a data set with every metric. */
object Layer@N@Evaluation {
  private val metrics: List<Layer@N@Metric> =
    listOf(Layer@N@Mse(), Layer@N@SignAgreement(), Layer@N@SignAgreement(1e-3f))

  fun run(layer: Layer@N@, data: List<Pair<FloatArray, FloatArray>>): Map<String, Double> {
    val outputs = data.map { (x, y) -> layer.forward(x) to y }
    return metrics.associate { it.name to it.scoreAll(outputs) }
  }

  fun table(results: Map<String, Double>) =
    results.entries.sortedBy { it.key }.joinToString("\\n") { (k, v) -> "${k.padEnd(32)} ${"%.6f".format(v)}" }
}
""",
}


def sizes(n):
    return 8 + n % 5, 4 + n % 7


def fill(template, n):
    o, i = sizes(n)
    return template.replace('@N@', str(n)).replace('@O@', str(o)).replace('@I@', str(i))


def layer(n, style):
    o, i = sizes(n)
    lines = [HEADER, f'/** Layer {n}. */',
             f'class Layer{n}(val outFeatures: Int = {o}, val inFeatures: Int = {i}) : Piece {{']
    for annotation, declaration, kind in KINDS:
        typed = f': {kind}' if style == 'explicit' and kind else ''
        lines.append(f'  {annotation.format(o=o, i=i)} {declaration.format(o=o, i=i, t=typed)}')
    lines.append('')
    lines.append('  init {')
    lines.append(f'    embedding = Array({o}) {{ FloatArray({i}) }}')
    lines.append('  }')
    if style == 'mixed':
        lines.append(fill(LAYER_MEMBERS, n).rstrip('\n'))
    lines.append('}')
    if style == 'mixed':
        lines.append(fill(LAYER_EXTENSIONS, n).rstrip('\n'))
    return '\n'.join(lines) + '\n'


def network(count, style):
    pieces = ', '.join(f'Layer{n}()' for n in range(count))
    first = ': Layer0' if style == 'explicit' else ''
    return f"""package bench

import dev.kinit.Network
import dev.kinit.OrthogonalInit
import dev.kinit.Reinit

/** Every layer is a piece of the network. */
sealed interface Piece

/** Holds every layer, once as itself and once in a list. */
@Network
@Reinit(module = Layer0::class, parameter = "weight", orthogonal = [OrthogonalInit(gain = 1.5)])
class Net {{
  val first{first} = Layer0()
  val pieces: List<Piece> = listOf({pieces})
}}
"""


def main():
    directory = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    style = sys.argv[3] if len(sys.argv) > 3 else 'implicit'
    if style not in STYLES:
        sys.exit(f'bench_ksp_sources.py: style {style!r}, expected one of {", ".join(STYLES)}')
    os.makedirs(directory, exist_ok=True)
    files = {f'Layer{n}.kt': layer(n, style) for n in range(count)}
    files['Net.kt'] = network(count, style)
    if style == 'mixed':
        for n in range(count):
            for suffix, template in SUPPORT.items():
                files[f'Layer{n}{suffix}.kt'] = fill(template, n)
    for name, text in files.items():
        with open(os.path.join(directory, name), 'w') as out:
            out.write(text)


if __name__ == '__main__':
    main()
