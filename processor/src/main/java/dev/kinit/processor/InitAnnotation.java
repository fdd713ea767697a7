package dev.kinit.processor;

import dev.kinit.Distribution;
import dev.kinit.FanMode;
import dev.kinit.KaimingInit;
import dev.kinit.Nonlinearity;
import dev.kinit.TorchDefaultInit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * One {@code @KaimingInit} or {@code @TorchDefaultInit} on a field: its attributes with defaults
 * applied, and where each explicitly written attribute is, so that a diagnostic can point at it.
 */
final class InitAnnotation {

  /** The annotations this processor reads, by qualified name. */
  static final List<String> NAMES =
      List.of(KaimingInit.class.getCanonicalName(), TorchDefaultInit.class.getCanonicalName());

  /** An attribute whose value javac could not resolve yet (javac reports the cause itself). */
  static final class UnresolvedValueException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String attribute;

    UnresolvedValueException(String attribute) {
      super(attribute + " is not resolved");
      this.attribute = attribute;
    }

    /** The attribute whose value is not resolved: {@code shape}. */
    String attribute() {
      return attribute;
    }
  }

  private final AnnotationMirror mirror;
  private final boolean kaiming;
  private final Map<String, AnnotationValue> written = new HashMap<>();
  private final Map<String, AnnotationValue> values = new HashMap<>();

  private InitAnnotation(AnnotationMirror mirror, boolean kaiming, Elements elements) {
    this.mirror = mirror;
    this.kaiming = kaiming;
    mirror.getElementValues().forEach((k, v) -> written.put(name(k), v));
    elements.getElementValuesWithDefaults(mirror).forEach((k, v) -> values.put(name(k), v));
  }

  /** The {@code @KaimingInit} and {@code @TorchDefaultInit} on {@code field}, in source order. */
  static List<InitAnnotation> of(Element field, Elements elements) {
    List<InitAnnotation> found = new ArrayList<>();
    for (AnnotationMirror mirror : field.getAnnotationMirrors()) {
      String name =
          ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
      if (NAMES.contains(name)) {
        found.add(new InitAnnotation(mirror, name.equals(NAMES.get(0)), elements));
      }
    }
    return found;
  }

  /** How the annotation is written: {@code @KaimingInit} or {@code @TorchDefaultInit}. */
  String simpleName() {
    return "@" + mirror.getAnnotationType().asElement().getSimpleName();
  }

  /** {@code @KaimingInit}, as opposed to {@code @TorchDefaultInit}. */
  boolean isKaiming() {
    return kaiming;
  }

  /** A {@code @TorchDefaultInit(biasOf = ...)}. */
  boolean isBias() {
    return !kaiming && !biasOf().isEmpty();
  }

  AnnotationMirror mirror() {
    return mirror;
  }

  /** Where {@code attribute} is written, or null when it takes its default. */
  AnnotationValue written(String attribute) {
    return written.get(attribute);
  }

  FanMode mode() {
    return FanMode.valueOf(enumConstant("mode"));
  }

  Nonlinearity nonlinearity() {
    return Nonlinearity.valueOf(enumConstant("nonlinearity"));
  }

  Distribution distribution() {
    return Distribution.valueOf(enumConstant("distribution"));
  }

  double a() {
    return value("a", Double.class);
  }

  /** {@code @TorchDefaultInit}'s {@code biasOf}. */
  String biasOf() {
    return value("biasOf", String.class);
  }

  /** The {@code shape} sizes, in order. */
  List<Integer> shape() {
    List<Integer> sizes = new ArrayList<>();
    for (AnnotationValue size : list("shape")) {
      sizes.add(typed("shape", size, Integer.class));
    }
    return sizes;
  }

  /** The {@code shapeFields} names, in order. */
  List<String> shapeFields() {
    List<String> names = new ArrayList<>();
    for (AnnotationValue name : list("shapeFields")) {
      names.add(typed("shapeFields", name, String.class));
    }
    return names;
  }

  private String enumConstant(String attribute) {
    return value(attribute, VariableElement.class).getSimpleName().toString();
  }

  @SuppressWarnings("unchecked") // an array attribute's value is a List<AnnotationValue>
  private List<AnnotationValue> list(String attribute) {
    return (List<AnnotationValue>) value(attribute, List.class);
  }

  private <T> T value(String attribute, Class<T> type) {
    AnnotationValue value = values.get(attribute);
    if (value == null) {
      throw new UnresolvedValueException(attribute);
    }
    return typed(attribute, value, type);
  }

  private static <T> T typed(String attribute, AnnotationValue value, Class<T> type) {
    // javac gives a constant it cannot resolve the value "<error>", a String; a literal "<error>"
    // differs in its source form, which is quoted.
    Object content = value.getValue();
    if (!type.isInstance(content) || value.toString().equals("<error>")) {
      throw new UnresolvedValueException(attribute);
    }
    return type.cast(content);
  }

  private static String name(ExecutableElement attribute) {
    return attribute.getSimpleName().toString();
  }
}
