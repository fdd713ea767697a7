package dev.kinit.processor;

/**
 * One valid annotated field: how to read it, its shape, and how to initialise it.
 *
 * @param label {@code DeclaringClass.field}, for comments and run-time messages
 * @param name the field's name
 * @param doubles {@code double} elements (otherwise {@code float})
 * @param access how generated code reads the array
 * @param shape where its shape comes from
 * @param init how it is initialised
 */
record WeightField(
    String label, String name, boolean doubles, Access access, Shape shape, Init init) {}
