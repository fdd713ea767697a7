package dev.kinit.processor.javac;

import dev.kinit.processor.model.Deprecation;
import java.util.EnumSet;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/** The deprecation warnings that naming a declaration in generated code gives. */
final class Deprecations {

  private Deprecations() {}

  /** Of naming {@code member} (a field or method). */
  static Set<Deprecation> of(Element member, Elements elements) {
    Set<Deprecation> found = EnumSet.noneOf(Deprecation.class);
    add(member, elements, found);
    return found;
  }

  /** Of naming {@code type}, which names every class it is nested in. */
  static Set<Deprecation> ofType(TypeElement type, Elements elements) {
    Set<Deprecation> found = EnumSet.noneOf(Deprecation.class);
    for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
      add(e, elements, found);
    }
    return found;
  }

  private static void add(Element element, Elements elements, Set<Deprecation> found) {
    if (!elements.isDeprecated(element)) {
      return;
    }
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (mirror.getAnnotationType().toString().equals(Deprecated.class.getName())
          && mirror.getElementValues().entrySet().stream()
              .anyMatch(
                  e ->
                      e.getKey().getSimpleName().contentEquals("forRemoval")
                          && Boolean.TRUE.equals(e.getValue().getValue()))) {
        found.add(Deprecation.FOR_REMOVAL);
        return;
      }
    }
    found.add(Deprecation.DEPRECATED);
  }
}
