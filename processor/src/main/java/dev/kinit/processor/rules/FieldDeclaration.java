package dev.kinit.processor.rules;

import dev.kinit.processor.model.Site;
import java.util.List;
import java.util.Optional;

/**
 * A field of a layer class or of one of its superclasses, as a front end reads it; the rules ask,
 * the front end answers by its language's rules and reports nothing.
 */
public interface FieldDeclaration extends MemberDeclaration {

  /** {@code DeclaringClass.field}, for messages and comments. */
  String label();

  /** {@code binary.ClassName.field}: unique, unlike labels. */
  String id();

  /** The simple name of the class that declares it. */
  String declaringClass();

  /** Whether the layer class itself declares it (else it is inherited). */
  boolean own();

  /**
   * Whether the class that declares it is validated on its own in this compilation (it is a source
   * class with annotated fields), so that the field's own problems are reported there, once.
   */
  boolean validatedWithItsClass();

  /** Whether this is an enum constant rather than a field. */
  boolean isEnumConstant();

  boolean isStatic();

  FieldType type();

  /** The kinit annotations on it, in source order. */
  List<AnnotationUse> annotations();

  /** The field, in the source. */
  Site site();

  /** How the initializer of the layer being validated reads it. */
  Reach reach();

  /**
   * How the initializer of the class that declares this field would read {@code member}: this
   * field, or a field its {@code shapeFields} names (a declaration of the same front end).
   */
  Reach reachFromItsClass(FieldDeclaration member);

  /**
   * The field that {@code name} denotes in the code of the class that declares this one: its own
   * field, else an inherited one (a superclass's or an interface constant), by the language's
   * hiding rules.
   */
  Optional<FieldDeclaration> resolve(String name);

  /**
   * Whether the field may hold {@code null}, meaning the parameter is absent (PyTorch's {@code
   * None}, as a {@code bias=False} layer's): it carries a {@code @Nullable} annotation (a Kotlin
   * property of a nullable type does).
   */
  boolean isNullable();

  /** Whether this field is declared before {@code other} in the same class. */
  boolean isDeclaredBefore(FieldDeclaration other);
}
