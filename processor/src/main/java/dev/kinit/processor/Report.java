package dev.kinit.processor;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * The diagnostics found while validating one layer class, printed together. Each points at the most
 * precise place known: an annotation attribute, the annotation, or the element.
 */
final class Report {

  private record Item(
      String text,
      Diagnostic.Kind kind,
      Element element,
      AnnotationMirror annotation,
      AnnotationValue value) {}

  private final List<Item> items = new ArrayList<>();

  void add(
      Message message,
      Element element,
      AnnotationMirror annotation,
      AnnotationValue value,
      Object... args) {
    items.add(new Item(message.format(args), message.kind(), element, annotation, value));
  }

  void add(Message message, Element element, Object... args) {
    add(message, element, null, null, args);
  }

  boolean hasErrors() {
    return items.stream().anyMatch(item -> item.kind() == Diagnostic.Kind.ERROR);
  }

  void printTo(Messager messager) {
    for (Item item : items) {
      if (item.value() != null) {
        messager.printMessage(
            item.kind(), item.text(), item.element(), item.annotation(), item.value());
      } else if (item.annotation() != null) {
        messager.printMessage(item.kind(), item.text(), item.element(), item.annotation());
      } else {
        messager.printMessage(item.kind(), item.text(), item.element());
      }
    }
    items.clear();
  }
}
