#!/usr/bin/env python3
"""Writes the Kotlin layers scripts/bench_ksp.sh processes: N layer classes and a network.

Each layer mixes the property forms and annotations of a real model (nested and flat weights,
shapes from constants and from int properties, @JvmField, lateinit, constructor properties,
PyTorch's defaults with biases, Xavier, normal, ones and zeros); the network holds them all,
in lists and behind a sealed type, with a @Reinit rule. Usage: bench_ksp_sources.py DIR [N]
"""
import os
import sys

KINDS = [
    # (annotation, property declaration); {o} and {i} are the layer's sizes
    ('@KaimingInit(nonlinearity = RELU)', 'val weight = Array({o}) {{ FloatArray({i}) }}'),
    ('@KaimingInit(mode = FAN_OUT, nonlinearity = RELU)',
     'val conv = Array({o}) {{ Array({i}) {{ Array(3) {{ FloatArray(3) }} }} }}'),
    ('@KaimingInit(shapeFields = ["outFeatures", "inFeatures"], a = 0.2)',
     'val flat = FloatArray(outFeatures * inFeatures)'),
    ('@TorchDefaultInit', 'val linear = Array({o}) {{ FloatArray({i}) }}'),
    ('@TorchDefaultInit(biasOf = "linear")', 'val linearBias = FloatArray({o})'),
    ('@JvmField @XavierInit(nonlinearity = TANH)', 'val gate = Array({o}) {{ FloatArray({i}) }}'),
    ('@NormalInit(std = 0.02)', 'lateinit var embedding: Array<FloatArray>'),
    ('@OnesInit', 'val scale = FloatArray({o})'),
    ('@ZerosInit', 'val shift = DoubleArray({o})'),
    ('@KaimingInit(shape = [{o}, {i}], nonlinearity = LINEAR)', 'val projection = FloatArray({o} * {i})'),
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


def layer(n):
    o, i = 8 + n % 5, 4 + n % 7
    lines = [HEADER, f'/** Layer {n}. */',
             f'class Layer{n}(val outFeatures: Int = {o}, val inFeatures: Int = {i}) : Piece {{']
    for annotation, declaration in KINDS:
        lines.append(f'  {annotation.format(o=o, i=i)} {declaration.format(o=o, i=i)}')
    lines.append('')
    lines.append('  init {')
    lines.append(f'    embedding = Array({o}) {{ FloatArray({i}) }}')
    lines.append('  }')
    lines.append('}')
    return '\n'.join(lines) + '\n'


def network(count):
    pieces = ', '.join(f'Layer{n}()' for n in range(count))
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
  val first = Layer0()
  val pieces: List<Piece> = listOf({pieces})
}}
"""


def main():
    directory = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    os.makedirs(directory, exist_ok=True)
    for n in range(count):
        with open(os.path.join(directory, f'Layer{n}.kt'), 'w') as out:
            out.write(layer(n))
    with open(os.path.join(directory, 'Net.kt'), 'w') as out:
        out.write(network(count))


if __name__ == '__main__':
    main()
