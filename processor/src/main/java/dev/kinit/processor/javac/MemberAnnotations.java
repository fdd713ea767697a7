package dev.kinit.processor.javac;

import dev.kinit.processor.model.Site;
import dev.kinit.processor.rules.MemberAnnotation;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * A member's {@code @ConstructedBefore} and {@code @Name}, read from javac's elements: a child's or
 * a parameter's.
 */
final class MemberAnnotations {
  private MemberAnnotations() {}

  /** The value of {@code annotation} on {@code field}, if it carries it. */
  static Optional<String> value(VariableElement field, MemberAnnotation annotation) {
    return Optional.ofNullable(mirror(field, annotation))
        .map(mirror -> (String) value(mirror).getValue());
  }

  /** Where {@code annotation} is written on {@code field} (the field if it is not). */
  static Site site(VariableElement field, MemberAnnotation annotation) {
    AnnotationMirror mirror = mirror(field, annotation);
    return mirror == null ? JavacSite.of(field) : new JavacSite(field, mirror, value(mirror));
  }

  private static AnnotationMirror mirror(VariableElement field, MemberAnnotation annotation) {
    for (AnnotationMirror mirror : field.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(annotation.qualifiedName())) {
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
    throw new IllegalStateException(mirror + " without its value");
  }
}
