package dev.kinit.processor;

import dev.kinit.Distribution;
import dev.kinit.FanMode;
import dev.kinit.Nonlinearity;

/**
 * One valid {@code @KaimingInit} field: how to read it, its shape, and the configuration, with the
 * gain folded at compile time.
 *
 * @param label {@code DeclaringClass.field}, for comments and run-time messages
 * @param name the field's name
 * @param doubles {@code double} elements (otherwise {@code float})
 * @param access how generated code reads the array
 * @param shape where its shape comes from
 * @param gain {@code nonlinearity.gain(a)}, computed by the runtime's own rule
 */
record WeightField(
    String label,
    String name,
    boolean doubles,
    Access access,
    Shape shape,
    Distribution distribution,
    FanMode mode,
    Nonlinearity nonlinearity,
    double a,
    double gain) {}
