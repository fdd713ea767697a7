package dev.kinit.processor.javac;

import dev.kinit.processor.model.Site;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import org.jspecify.annotations.Nullable;

/**
 * A place javac's {@code Messager} can point at: an element, one of its annotations, or one value
 * of that annotation (an attribute, or one element of an array attribute).
 */
record JavacSite(
    Element element, @Nullable AnnotationMirror annotation, @Nullable AnnotationValue value)
    implements Site {

  static JavacSite of(Element element) {
    return new JavacSite(element, null, null);
  }
}
