/** Turns a validated {@link dev.kinit.processor.model.Layer} into Java source, with JavaPoet. */
@NullMarked
package dev.kinit.processor.writer;

import org.jspecify.annotations.NullMarked;
