package dev.kinit.processor.rules;

import dev.kinit.processor.model.Site;
import java.util.Optional;

/**
 * A member of a layer or network, in declaration order: a parameter field ({@link
 * FieldDeclaration}) or a child module ({@link ChildDeclaration}).
 */
public interface MemberDeclaration {
  /** The field's name. */
  String name();

  /** {@code DeclaringClass.field}, for messages. */
  String label();

  /** The field, in the source. */
  Site site();

  /** Whether the class itself declares it (else a superclass does). */
  boolean own();

  /** The member {@code @ConstructedBefore} names, if the field carries it. */
  Optional<String> constructedBefore();

  /** Where {@code @ConstructedBefore} is written (the field if it is not). */
  Site constructedBeforeSite();
}
