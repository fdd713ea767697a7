package dev.kinit.processor.javac;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import dev.kinit.processor.model.Site;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import org.jspecify.annotations.Nullable;

/**
 * A place javac can point at: an element, one of its annotations, or one value of that annotation
 * (an attribute, or one element of an array attribute), through its {@code Messager}; or a source
 * tree, through its {@code Trees}, for what the element model does not place (one of several
 * repeated annotations).
 */
record JavacSite(
    Element element,
    @Nullable AnnotationMirror annotation,
    @Nullable AnnotationValue value,
    @Nullable Tree tree,
    @Nullable CompilationUnitTree unit)
    implements Site {

  JavacSite(
      Element element, @Nullable AnnotationMirror annotation, @Nullable AnnotationValue value) {
    this(element, annotation, value, null, null);
  }

  static JavacSite of(Element element) {
    return new JavacSite(element, null, null);
  }
}
