package dev.kinit.processor.javac;

import dev.kinit.ConstructedBefore;
import dev.kinit.processor.model.Site;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * A member's {@code @ConstructedBefore}, read from javac's elements: a child's or a parameter's.
 */
final class ConstructionOrder {
  private ConstructionOrder() {}

  /** The member {@code field}'s {@code @ConstructedBefore} names, if it carries one. */
  static Optional<String> before(VariableElement field) {
    return Optional.ofNullable(mirror(field)).map(mirror -> (String) value(mirror).getValue());
  }

  /** Where {@code field}'s {@code @ConstructedBefore} is written (the field if it is not). */
  static Site site(VariableElement field) {
    AnnotationMirror mirror = mirror(field);
    return mirror == null ? JavacSite.of(field) : new JavacSite(field, mirror, value(mirror));
  }

  private static AnnotationMirror mirror(VariableElement field) {
    for (AnnotationMirror mirror : field.getAnnotationMirrors()) {
      TypeElement annotation = (TypeElement) mirror.getAnnotationType().asElement();
      if (annotation.getQualifiedName().contentEquals(ConstructedBefore.class.getCanonicalName())) {
        return mirror;
      }
    }
    return null;
  }

  private static AnnotationValue value(AnnotationMirror mirror) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        mirror.getElementValues().entrySet()) {
      return entry.getValue();
    }
    throw new IllegalStateException("@ConstructedBefore without its value");
  }
}
