package dev.kinit.processor;

/**
 * One valid annotated field: how to read it, its shape, and how to initialise it.
 *
 * @param id {@code binary.ClassName.field}, unique in a layer (labels are not: a {@code Net.Base}
 *     may extend a {@code Base})
 * @param label {@code DeclaringClass.field}, for comments and run-time messages
 * @param name the field's name
 * @param doubles {@code double} elements (otherwise {@code float})
 * @param access how generated code reads the array
 * @param shape where its shape comes from
 * @param init how it is initialised
 */
record WeightField(
    String id, String label, String name, boolean doubles, Access access, Shape shape, Init init) {}
