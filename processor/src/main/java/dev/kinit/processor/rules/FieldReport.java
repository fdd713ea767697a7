package dev.kinit.processor.rules;

import dev.kinit.processor.model.Site;
import org.jspecify.annotations.Nullable;

/**
 * Reports the problems of one annotated field at the most precise place: the attribute at fault, or
 * one element of it, else the field. A superclass's field has no place in the class being
 * validated: its own problems are reported once, where its class is validated (or, for a class from
 * a library, at the class being validated), and warnings about it are not repeated.
 */
final class FieldReport {

  private final Report report;
  private final LayerDeclaration layer;
  private final FieldDeclaration field;
  private final AnnotationUse annotation;

  FieldReport(
      Report report, LayerDeclaration layer, FieldDeclaration field, AnnotationUse annotation) {
    this.report = report;
    this.layer = layer;
    this.field = field;
    this.annotation = annotation;
  }

  /** A problem of the field's declaration, at {@code attribute} if written, else the field. */
  void error(Message message, @Nullable String attribute, Object... args) {
    intrinsic(message, attribute == null ? field.site() : annotation.site(attribute), args);
  }

  /** A problem of element {@code index} of the array attribute {@code attribute}. */
  void errorAt(Message message, String attribute, int index, Object... args) {
    intrinsic(message, annotation.site(attribute, index), args);
  }

  /**
   * A problem of how this layer's initializer reaches the field, which its own class's initializer
   * may not have: at the field, or at the layer for an inherited one.
   */
  void layerError(Message message, Site ownSite, Object... args) {
    report.add(message, field.own() ? ownSite : layer.site(), args);
  }

  /** A warning about the field's own declaration; not repeated for a superclass's field. */
  void warning(Message message, String attribute, Object... args) {
    if (field.own()) {
      report.add(message, annotation.site(attribute), args);
    }
  }

  void defer(Unresolved unresolved) {
    report.defer(unresolved);
  }

  private void intrinsic(Message message, Site ownSite, Object... args) {
    if (field.own()) {
      report.add(message, ownSite, args);
    } else if (field.validatedWithItsClass()) {
      report.addReportedElsewhere(message, args);
    } else {
      report.add(message, layer.site(), args);
    }
  }
}
