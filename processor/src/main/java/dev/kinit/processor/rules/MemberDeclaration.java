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

  /** The value of {@code annotation} on the field, if it carries it. */
  Optional<String> annotated(MemberAnnotation annotation);

  /** Where {@code annotation} is written (the field if it is not). */
  Site annotationSite(MemberAnnotation annotation);

  /** Its name in parameter paths: the one {@code @Name} gives it, else the field's. */
  default String pathName() {
    return annotated(MemberAnnotation.NAME).orElse(name());
  }

  /** The member {@code @ConstructedBefore} names, if the field carries it. */
  default Optional<String> constructedBefore() {
    return annotated(MemberAnnotation.CONSTRUCTED_BEFORE);
  }
}
