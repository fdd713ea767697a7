/**
 * What the processor knows about a layer once it is validated, as plain values that the javac and
 * KSP front ends both fill and the writer turns into code: {@link dev.kinit.processor.model.Layer},
 * its {@link dev.kinit.processor.model.Parameter}s, each with an {@link
 * dev.kinit.processor.model.Access access path}, a {@link dev.kinit.processor.model.Shape} and an
 * {@link dev.kinit.processor.model.InitSpec}. The only front-end type is the opaque {@link
 * dev.kinit.processor.model.Site}, where a diagnostic points.
 */
@NullMarked
package dev.kinit.processor.model;

import org.jspecify.annotations.NullMarked;
