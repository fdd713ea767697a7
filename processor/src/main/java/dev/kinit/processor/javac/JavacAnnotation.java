package dev.kinit.processor.javac;

import dev.kinit.processor.model.Site;
import dev.kinit.processor.rules.AnnotationUse;
import dev.kinit.processor.rules.InitAnnotation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import org.jspecify.annotations.Nullable;

/** A kinit annotation on an element, read from javac's annotation mirror. */
final class JavacAnnotation implements AnnotationUse {

  private final InitAnnotation annotation;
  private final Element element;
  private final AnnotationMirror mirror;

  /**
   * For an annotation nested in a {@code @Reinit} rule: the rule's mirror and the attribute that
   * holds this one, where every diagnostic about it points (javac has no position of its own for a
   * nested annotation). Null for an annotation on a field.
   */
  private final @Nullable AnnotationMirror outer;

  private final @Nullable AnnotationValue outerValue;
  private final Map<String, AnnotationValue> written = new LinkedHashMap<>();
  private final Map<String, AnnotationValue> values = new LinkedHashMap<>();
  private final Map<String, TypeMirror> types = new LinkedHashMap<>();

  private JavacAnnotation(
      InitAnnotation annotation,
      Element element,
      AnnotationMirror mirror,
      @Nullable AnnotationMirror outer,
      @Nullable AnnotationValue outerValue,
      Elements elements) {
    this.annotation = annotation;
    this.element = element;
    this.mirror = mirror;
    this.outer = outer;
    this.outerValue = outerValue;
    mirror.getElementValues().forEach((k, v) -> written.put(name(k), v));
    elements
        .getElementValuesWithDefaults(mirror)
        .forEach(
            (k, v) -> {
              values.put(name(k), v);
              types.put(name(k), k.getReturnType());
            });
  }

  /** The kinit annotations on {@code element}, in source order. */
  static List<AnnotationUse> of(Element element, Elements elements) {
    List<AnnotationUse> found = new ArrayList<>();
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      String name =
          ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
      InitAnnotation.named(name)
          .ifPresent(
              kind -> found.add(new JavacAnnotation(kind, element, mirror, null, null, elements)));
    }
    return found;
  }

  /**
   * The annotation {@code nested}, of {@code kind}, written in the attribute {@code outerValue} of
   * the rule {@code outer} on {@code element}.
   */
  static AnnotationUse nested(
      InitAnnotation kind,
      AnnotationMirror nested,
      Element element,
      AnnotationMirror outer,
      AnnotationValue outerValue,
      Elements elements) {
    return new JavacAnnotation(kind, element, nested, outer, outerValue, elements);
  }

  @Override
  public InitAnnotation annotation() {
    return annotation;
  }

  @Override
  public Site site() {
    return outer != null
        ? new JavacSite(element, outer, outerValue)
        : new JavacSite(element, mirror, null);
  }

  @Override
  public Site site(String attribute) {
    return outer != null ? site() : new JavacSite(element, mirror, written.get(attribute));
  }

  @Override
  public Site site(String attribute, int index) {
    if (outer != null) {
      return site();
    }
    AnnotationValue value = written.get(attribute);
    if (value != null && value.getValue() instanceof List<?> list && index < list.size()) {
      // A one-element array may be written without braces: its value is then the element.
      return new JavacSite(element, mirror, (AnnotationValue) list.get(index));
    }
    return site(attribute);
  }

  @Override
  public boolean isWritten(String attribute) {
    return written.containsKey(attribute);
  }

  @Override
  public Optional<String> unresolved() {
    return values.keySet().stream().filter(attribute -> !isResolved(attribute)).findFirst();
  }

  @Override
  public boolean isResolved(String attribute) {
    return isResolved(types.get(attribute), values.get(attribute));
  }

  /**
   * Whether javac resolved {@code value} to a value of {@code type}. A constant it cannot resolve
   * becomes the String {@code "<error>"} (a literal "<error>" differs in its source form, quoted).
   */
  private static boolean isResolved(TypeMirror type, AnnotationValue value) {
    Object content = value.getValue();
    if (value.toString().equals("<error>")) {
      return false;
    }
    if (type.getKind() == TypeKind.ARRAY) {
      TypeMirror component = ((ArrayType) type).getComponentType();
      return content instanceof List<?> list
          && list.stream().allMatch(v -> isResolved(component, (AnnotationValue) v));
    }
    return switch (type.getKind()) {
      case DOUBLE -> content instanceof Double;
      case INT -> content instanceof Integer;
      case DECLARED ->
          type.toString().equals(String.class.getName())
              ? content instanceof String
              : content instanceof VariableElement constant
                  && constant.asType().getKind() != TypeKind.ERROR;
      default -> true;
    };
  }

  @Override
  public double doubleValue(String attribute) {
    return (Double) values.get(attribute).getValue();
  }

  @Override
  public int intValue(String attribute) {
    return (Integer) values.get(attribute).getValue();
  }

  @Override
  public boolean booleanValue(String attribute) {
    return (Boolean) values.get(attribute).getValue();
  }

  @Override
  public String stringValue(String attribute) {
    return (String) values.get(attribute).getValue();
  }

  @Override
  public String enumValue(String attribute) {
    return ((VariableElement) values.get(attribute).getValue()).getSimpleName().toString();
  }

  @Override
  public List<Integer> intValues(String attribute) {
    return list(attribute).stream().map(v -> (Integer) v.getValue()).toList();
  }

  @Override
  public List<String> stringValues(String attribute) {
    return list(attribute).stream().map(v -> (String) v.getValue()).toList();
  }

  private List<AnnotationValue> list(String attribute) {
    List<AnnotationValue> list = new ArrayList<>();
    for (Object value : (List<?>) values.get(attribute).getValue()) {
      list.add((AnnotationValue) value);
    }
    return list;
  }

  private static String name(ExecutableElement attribute) {
    return attribute.getSimpleName().toString();
  }
}
