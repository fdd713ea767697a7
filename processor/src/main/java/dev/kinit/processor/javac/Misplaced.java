package dev.kinit.processor.javac;

import dev.kinit.processor.rules.InitAnnotation;
import dev.kinit.processor.rules.LayerRules;
import dev.kinit.processor.rules.Report;
import java.util.Locale;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * A kinit annotation on a declaration that is not a field: a method (a getter, often, or a Kotlin
 * property's with {@code @get:}) or a class. The annotations allow these targets only so that the
 * mistake is reported here, at the declaration, while javac goes on to generate the initializers of
 * every valid class; were the target not allowed, javac would stop before annotation processing and
 * report each use of a missing initializer as well.
 */
public final class Misplaced {

  private static final String KOTLIN_PROPERTY_ANNOTATIONS = "$annotations";

  private Misplaced() {}

  /**
   * Reports {@code annotation} on {@code element}, unless it is the accessor of a field that
   * carries the same annotation: a record component's annotation reaches its accessor too (JLS
   * 8.10.3), as Kotlin's {@code @all:} reaches the getter.
   */
  public static void report(
      Element element, InitAnnotation annotation, Types types, Report report) {
    if (element instanceof ExecutableElement method
        && accessesAnnotatedField(method, annotation, types)) {
      return;
    }
    JavacSite site = JavacSite.of(element);
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (mirror.getAnnotationType().toString().equals(annotation.qualifiedName())) {
        site = new JavacSite(element, mirror, null);
      }
    }
    LayerRules.misplaced(annotation, describe(element), site, report);
  }

  private static boolean accessesAnnotatedField(
      ExecutableElement method, InitAnnotation annotation, Types types) {
    if (!method.getParameters().isEmpty()
        || !(method.getEnclosingElement() instanceof TypeElement owner)) {
      return false;
    }
    String name = method.getSimpleName().toString();
    for (VariableElement field : ElementFilter.fieldsIn(owner.getEnclosedElements())) {
      String fieldName = field.getSimpleName().toString();
      boolean annotated =
          field.getAnnotationMirrors().stream()
              .anyMatch(m -> m.getAnnotationType().toString().equals(annotation.qualifiedName()));
      boolean accessor =
          name.equals(fieldName)
              || name.equals(GetterLookup.conventionalName(fieldName))
              || KotlinMetadata.getterOf(owner, fieldName).filter(name::equals).isPresent();
      if (annotated && accessor && types.isSameType(field.asType(), method.getReturnType())) {
        return true;
      }
    }
    return false;
  }

  /** {@code method Linear.weight()}, {@code class layers.Linear}. */
  static String describe(Element element) {
    String kind = element.getKind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    String name = element.getSimpleName().toString();
    if (element instanceof ExecutableElement && name.endsWith(KOTLIN_PROPERTY_ANNOTATIONS)) {
      // Where Kotlin keeps a property's own annotations (@property:): getWeight$annotations().
      String property = name.substring(0, name.length() - KOTLIN_PROPERTY_ANNOTATIONS.length());
      property = property.startsWith("get") ? property.substring(3) : property;
      return "property "
          + element.getEnclosingElement().getSimpleName()
          + "."
          + Character.toLowerCase(property.charAt(0))
          + property.substring(1)
          + " (@property:)";
    }
    if (element instanceof ExecutableElement method) {
      return kind
          + " "
          + method.getEnclosingElement().getSimpleName()
          + "."
          + method.getSimpleName()
          + "()";
    }
    if (element instanceof TypeElement type) {
      return kind + " " + type.getQualifiedName();
    }
    return kind + " " + element.getSimpleName();
  }
}
