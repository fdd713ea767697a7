package dev.kinit.processor.model;

import dev.kinit.internal.ElementType;
import org.jspecify.annotations.Nullable;

/**
 * One annotated array the initializer fills: a weight, or a bias.
 *
 * @param id {@code binary.ClassName.field}, unique in a layer (labels are not: a {@code Net.Base}
 *     may extend a {@code Base})
 * @param label {@code DeclaringClass.field}, for comments and run-time messages
 * @param name its name in parameter paths: the field's, or its {@code @Name}
 * @param elementType {@code float} or {@code double}
 * @param access how generated code reads the array
 * @param shape where its shape comes from
 * @param init how it is initialised
 * @param optional whether the field may be {@code null}, the parameter then being absent
 * @param constructedBefore the member PyTorch constructs this one before, or null
 */
public record Parameter(
    String id,
    String label,
    String name,
    ElementType elementType,
    Access access,
    Shape shape,
    InitSpec init,
    boolean optional,
    @Nullable String constructedBefore)
    implements Member {}
