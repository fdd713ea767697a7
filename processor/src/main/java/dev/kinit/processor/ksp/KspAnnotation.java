package dev.kinit.processor.ksp;

import com.google.devtools.ksp.symbol.KSAnnotated;
import com.google.devtools.ksp.symbol.KSAnnotation;
import com.google.devtools.ksp.symbol.KSClassDeclaration;
import com.google.devtools.ksp.symbol.KSNode;
import com.google.devtools.ksp.symbol.KSType;
import com.google.devtools.ksp.symbol.KSValueArgument;
import com.google.devtools.ksp.symbol.Origin;
import dev.kinit.processor.model.Site;
import dev.kinit.processor.rules.AnnotationUse;
import dev.kinit.processor.rules.InitAnnotation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kotlin.sequences.SequencesKt;
import org.jspecify.annotations.Nullable;

/**
 * A kinit annotation on a symbol, read from KSP's annotation: its arguments with defaults applied,
 * each written one with its place in the source.
 */
final class KspAnnotation implements AnnotationUse {

  private final InitAnnotation annotation;

  /** The annotated declaration, where the annotation itself is reported. */
  private final KSNode declaration;

  /**
   * For an annotation nested in a {@code @Reinit} rule, where every diagnostic about it points: the
   * rule's site. Null for an annotation on a field.
   */
  private final @Nullable Site outer;

  private final Map<String, KSValueArgument> written = new LinkedHashMap<>();
  private final Map<String, @Nullable Object> values = new LinkedHashMap<>();

  private KspAnnotation(
      InitAnnotation annotation, KSAnnotation use, KSNode declaration, @Nullable Site outer) {
    this.annotation = annotation;
    this.declaration = declaration;
    this.outer = outer;
    for (KSValueArgument argument : use.getDefaultArguments()) {
      values.put(argument.getName().asString(), argument.getValue());
    }
    for (KSValueArgument argument : use.getArguments()) {
      if (argument.getName() == null) {
        continue;
      }
      String name = argument.getName().asString();
      values.put(name, argument.getValue());
      if (argument.getOrigin() != Origin.SYNTHETIC) {
        written.put(name, argument);
      }
    }
  }

  /**
   * The kinit initialisation annotations on {@code symbol} that sit on its field (written without a
   * use-site target, or with {@code @field:}), in source order.
   */
  static List<AnnotationUse> of(KSAnnotated symbol) {
    List<AnnotationUse> found = new ArrayList<>();
    for (KSAnnotation use : SequencesKt.asIterable(symbol.getAnnotations())) {
      if (KspDiscovery.onField(use)) {
        InitAnnotation.named(JvmView.annotationName(use))
            .ifPresent(kind -> found.add(new KspAnnotation(kind, use, symbol, null)));
      }
    }
    return found;
  }

  /**
   * The annotation {@code nested}, of {@code kind}, in a rule on {@code type} placed at {@code
   * outer}.
   */
  static AnnotationUse nested(
      InitAnnotation kind, KSAnnotation nested, KSClassDeclaration type, Site outer) {
    return new KspAnnotation(kind, nested, type, outer);
  }

  @Override
  public InitAnnotation annotation() {
    return annotation;
  }

  @Override
  public Site site() {
    return outer != null ? outer : new KspSite(declaration);
  }

  @Override
  public Site site(String attribute) {
    KSValueArgument argument = written.get(attribute);
    return outer != null || argument == null ? site() : KspSite.of(argument, declaration);
  }

  @Override
  public Site site(String attribute, int index) {
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
    return isResolved(values.get(attribute));
  }

  /** Whether KSP resolved the value: an unresolved constant is null, or an error type. */
  private static boolean isResolved(@Nullable Object value) {
    if (value instanceof List<?> list) {
      return list.stream().allMatch(KspAnnotation::isResolved);
    }
    return value != null && !(value instanceof KSType type && type.isError());
  }

  @Override
  public double doubleValue(String attribute) {
    return ((Number) values.get(attribute)).doubleValue();
  }

  @Override
  public int intValue(String attribute) {
    return ((Number) values.get(attribute)).intValue();
  }

  @Override
  public boolean booleanValue(String attribute) {
    return (Boolean) values.get(attribute);
  }

  @Override
  public String stringValue(String attribute) {
    return (String) values.get(attribute);
  }

  @Override
  public String enumValue(String attribute) {
    return enumName(values.get(attribute));
  }

  /** The name of the enum constant KSP gives as its entry's declaration, or as its type. */
  static String enumName(@Nullable Object value) {
    if (value instanceof KSClassDeclaration entry) {
      return entry.getSimpleName().asString();
    }
    if (value instanceof KSType type) {
      return type.getDeclaration().getSimpleName().asString();
    }
    String text = String.valueOf(value);
    return text.substring(text.lastIndexOf('.') + 1);
  }

  @Override
  public List<Integer> intValues(String attribute) {
    return list(attribute).stream().map(v -> ((Number) v).intValue()).toList();
  }

  @Override
  public List<String> stringValues(String attribute) {
    return list(attribute).stream().map(v -> (String) v).toList();
  }

  /** An array attribute's elements; a single value written without brackets is one element. */
  private List<?> list(String attribute) {
    Object value = values.get(attribute);
    return value instanceof List<?> list ? list : List.of(value);
  }
}
