package dev.kinit.processor;

import com.google.testing.compile.JavaFileObjects;
import dev.kinit.Distribution;
import dev.kinit.FanMode;
import dev.kinit.Nonlinearity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.tools.JavaFileObject;

/**
 * One generated input of {@link ProcessorFuzzTest}: a class, somewhere, with one annotated weight
 * ({@code @KaimingInit}, {@code @TorchDefaultInit} or both), maybe a bias
 * ({@code @TorchDefaultInit(biasOf = ...)}), and the {@code int}-like fields a {@code shapeFields}
 * may name. Only inputs: what the processor must make of them is {@link Specification}'s to say.
 *
 * @param id the case's number; its package is {@code fuzz.c<id>}
 * @param placement where the class with the weight sits
 * @param layerName the simple name of that class
 * @param outerName the enclosing top-level class, for placements that have one
 * @param qualified whether the source names the annotations in full (else imports them)
 * @param clash whether the file also declares a class with the name of the layer's initializer
 * @param rule the annotations on the weight
 * @param weight the weight field
 * @param sizeFields the other fields of the class, which {@code shapeFields} may name
 * @param attributes what the weight's annotation says, in the order written
 * @param bias the bias field, or null
 * @param superclass what {@code Base} declares, for a layer that {@link Placement#inherits}
 */
record LayerCase(
    int id,
    Placement placement,
    String layerName,
    String outerName,
    boolean qualified,
    boolean clash,
    Rule rule,
    AnnotatedField weight,
    List<SizeField> sizeFields,
    Attributes attributes,
    Bias bias,
    Superclass superclass) {

  /** The unannotated array field a bias's {@code biasOf} names ({@link Target#UNANNOTATED}). */
  static final String PLAIN = "plain";

  /**
   * The second bias, of the weight, that a bias's {@code biasOf} names ({@link Target#OTHER_BIAS}).
   */
  static final String OTHER_BIAS = "first";

  /** The weight {@code Base} declares: {@code float[3][2]}, public. */
  static final String BASE_WEIGHT = "base";

  /** The bias of {@link #BASE_WEIGHT}, {@code float[3]}, for {@link Superclass#TORCH_WITH_BIAS}. */
  static final String BASE_BIAS = "baseBias";

  /** An {@code int} field {@code Base} declares, which {@code shapeFields} may name. */
  static final SizeField BASE_SIZE = new SizeField("out", SizeKind.PUBLIC_INT, 5);

  /** Where the layer class sits. */
  enum Placement {
    TOP_LEVEL,
    GENERIC,
    /** A subclass of {@code Base}. */
    SUBCLASS,
    /** {@code Outer.Base}, a subclass of the top-level {@code Base}: their fields' labels match. */
    NESTED_SUBCLASS,
    STATIC_NESTED,
    INNER,
    ENUM,
    RECORD,
    INTERFACE,
    PRIVATE_NESTED,
    NESTED_IN_PRIVATE,
    LOCAL,
    ANONYMOUS,
    /** The body of an enum constant: an anonymous class. */
    ENUM_CONSTANT_BODY;

    /** Whether the class is inside a top-level class, {@code outerName}. */
    boolean nested() {
      return this != TOP_LEVEL
          && this != GENERIC
          && this != SUBCLASS
          && this != ENUM
          && this != RECORD
          && this != INTERFACE;
    }

    /** Whether the class extends {@code Base}. */
    boolean inherits() {
      return this == SUBCLASS || this == NESTED_SUBCLASS;
    }
  }

  /** What the field's element type is. */
  enum ElementKind {
    FLOAT,
    DOUBLE,
    OTHER_PRIMITIVE,
    BOXED,
    REFERENCE,
    TYPE_VARIABLE,
    UNRESOLVED
  }

  /** The declared type of a field: {@code element} with {@code rank} pairs of brackets. */
  record FieldType(String element, ElementKind kind, int rank) {
    @Override
    public String toString() {
      return element + "[]".repeat(rank);
    }

    /** A value for the field's initializer when it is not allocated. */
    String defaultValue() {
      boolean primitive =
          rank == 0
              && (kind == ElementKind.OTHER_PRIMITIVE
                  || kind == ElementKind.FLOAT
                  || kind == ElementKind.DOUBLE);
      return !primitive ? "null" : element.equals("boolean") ? "false" : "0";
    }
  }

  /** Modifiers other than the access level. */
  enum Flag {
    STATIC,
    FINAL,
    VOLATILE,
    TRANSIENT
  }

  /** The access level of a field. */
  enum Visibility {
    PACKAGE(""),
    PUBLIC("public "),
    PROTECTED("protected "),
    PRIVATE("private ");

    final String keyword;

    Visibility(String keyword) {
      this.keyword = keyword;
    }
  }

  /** The method the class declares for reading a (private) field. */
  enum Getter {
    NONE,
    /** {@code T getName()}. */
    GET,
    /** {@code T name()}, as records and Kotlin have. */
    PLAIN,
    /** {@code Object getName()}: another return type. */
    WRONG_TYPE,
    /** {@code private T getName()}. */
    PRIVATE,
    /** {@code static T getName()}. */
    STATIC,
    /** {@code T getName(int unused)}. */
    WITH_PARAMETER
  }

  /**
   * An annotated field: the weight or a bias.
   *
   * @param dims the sizes it is allocated with, when its type can be: one per dimension of a nested
   *     array, one (the length) for a flat array
   */
  record AnnotatedField(
      FieldType type,
      String name,
      Visibility visibility,
      Set<Flag> flags,
      Getter getter,
      List<Integer> dims) {}

  /** The annotations on the weight. */
  enum Rule {
    KAIMING,
    TORCH_DEFAULT,
    /** Both, {@code @KaimingInit} written first. */
    KAIMING_AND_TORCH,
    /** Both, {@code @TorchDefaultInit} written first. */
    TORCH_AND_KAIMING;

    boolean kaiming() {
      return this != TORCH_DEFAULT;
    }

    boolean torch() {
      return this != KAIMING;
    }
  }

  /** What a bias's {@code biasOf} is meant to name. */
  enum Target {
    /** The weight. */
    WEIGHT,
    /** {@link #BASE_WEIGHT}, inherited. */
    INHERITED_WEIGHT,
    /** {@link #BASE_BIAS}, inherited. */
    INHERITED_BIAS,
    /** No field: a misspelling, a method. */
    MISSING,
    /** {@link #PLAIN}. */
    UNANNOTATED,
    /** {@link #OTHER_BIAS}. */
    OTHER_BIAS,
    /** The bias itself. */
    ITSELF,
    /** One of the size fields. */
    SIZE_FIELD
  }

  /**
   * A {@code @TorchDefaultInit(biasOf = ...)} field.
   *
   * @param target what {@code biasOf} is meant to name (the name decides, not this)
   * @param biasOf the name {@code biasOf} gives; null when {@code unresolved}
   * @param beforeWeight whether it is declared before the weight
   * @param written each written attribute's source text, in source order: {@code biasOf}, maybe
   *     {@code shape} and {@code shapeFields}
   * @param unresolved whether {@code biasOf} names a constant that does not exist
   */
  record Bias(
      AnnotatedField field,
      Target target,
      String biasOf,
      boolean beforeWeight,
      Map<String, String> written,
      boolean unresolved) {}

  /** What {@code Base}, the superclass of a layer that {@link Placement#inherits}, declares. */
  enum Superclass {
    NONE,
    /** {@code @KaimingInit(nonlinearity = RELU) public final float[][] base}. */
    KAIMING,
    /** {@code @TorchDefaultInit public final float[][] base}. */
    TORCH_DEFAULT,
    /** {@link #TORCH_DEFAULT} and {@code @TorchDefaultInit(biasOf = "base") float[] baseBias}. */
    TORCH_WITH_BIAS
  }

  /** Kinds of the fields {@code shapeFields} may name. */
  enum SizeKind {
    INT("int", Visibility.PACKAGE, Getter.NONE, false),
    PUBLIC_INT("int", Visibility.PUBLIC, Getter.NONE, false),
    STATIC_INT("int", Visibility.PACKAGE, Getter.NONE, true),
    CONSTANT("int", Visibility.PACKAGE, Getter.NONE, true),
    PRIVATE_WITH_GETTER("int", Visibility.PRIVATE, Getter.GET, false),
    PRIVATE_WITH_ACCESSOR("int", Visibility.PRIVATE, Getter.PLAIN, false),
    PRIVATE("int", Visibility.PRIVATE, Getter.NONE, false),
    PRIVATE_STATIC("int", Visibility.PRIVATE, Getter.NONE, true),
    LONG("long", Visibility.PACKAGE, Getter.NONE, false),
    SHORT("short", Visibility.PACKAGE, Getter.NONE, false),
    INTEGER("Integer", Visibility.PACKAGE, Getter.NONE, false);

    final String type;
    final Visibility visibility;
    final Getter getter;
    final boolean isStatic;

    SizeKind(String type, Visibility visibility, Getter getter, boolean isStatic) {
      this.type = type;
      this.visibility = visibility;
      this.getter = getter;
      this.isStatic = isStatic;
    }
  }

  /** A field {@code shapeFields} may name, with the value it holds. */
  record SizeField(String name, SizeKind kind, int value) {}

  /**
   * What the weight's annotation says ({@code @KaimingInit}'s when it has both).
   *
   * @param written each written attribute's source text, in source order
   * @param mode the value in effect (the default when not written)
   * @param distribution the value in effect
   * @param nonlinearity the value in effect
   * @param a the value in effect
   * @param shape the sizes of {@code shape}, empty when not written
   * @param shapeFields the names in {@code shapeFields}, empty when not written
   * @param unresolved the attribute whose value names a constant that does not exist, or null
   */
  record Attributes(
      Map<String, String> written,
      FanMode mode,
      Distribution distribution,
      Nonlinearity nonlinearity,
      double a,
      List<Integer> shape,
      List<String> shapeFields,
      String unresolved) {}

  /** What this case exercises, to check that a run covers every kind of input. */
  Set<String> features() {
    Set<String> features = new HashSet<>();
    features.add("placement " + placement);
    features.add("rule " + rule);
    features.add("element " + weight.type.element());
    features.add("rank " + weight.type.rank());
    features.add("visibility " + weight.visibility);
    weight.flags.forEach(flag -> features.add("modifier " + flag));
    attributes.written().forEach((name, value) -> features.add(name + " " + value));
    if (rule.kaiming()) {
      features.add("nonlinearity " + attributes.nonlinearity());
      double a = attributes.a();
      features.add(
          "a "
              + (Double.isNaN(a)
                  ? "NaN"
                  : Double.isInfinite(a)
                      ? a > 0 ? "+infinity" : "-infinity"
                      : Double.isInfinite(a * a) ? "huge" : a < 0 ? "negative" : "finite"));
    }
    sizeFields.forEach(size -> features.add("size field " + size.kind));
    if (placement.inherits()) {
      features.add("superclass " + superclass);
    }
    if (attributes.unresolved() != null) {
      features.add("unresolved " + attributes.unresolved());
    }
    if (bias != null) {
      AnnotatedField field = bias.field;
      features.add("bias target " + bias.target);
      features.add("bias " + (bias.beforeWeight ? "before" : "after") + " the weight");
      features.add("bias element " + field.type.kind());
      features.add("bias rank " + field.type.rank());
      features.add("bias visibility " + field.visibility);
      field.flags.forEach(flag -> features.add("bias modifier " + flag));
      bias.written.forEach(
          (name, value) -> features.add("bias " + name + (value.equals("{}") ? " {}" : "")));
      if (bias.unresolved) {
        features.add("bias unresolved");
      }
    }
    return features;
  }

  /** The package of this case. */
  String packageName() {
    return String.format(Locale.ROOT, "fuzz.c%04d", id);
  }

  /** The top-level class of the source file with the weight. */
  String topName() {
    return placement.nested() ? outerName : layerName;
  }

  /** The binary name of the layer class, for loading it. */
  String layerBinaryName() {
    return packageName() + "." + (placement.nested() ? outerName + "$" : "") + layerName;
  }

  /** The initializer the README promises: {@code Net.Head} → {@code Net_HeadInitializer}. */
  String initializerName() {
    return packageName()
        + "."
        + (placement.nested() ? outerName + "_" : "")
        + layerName
        + "Initializer";
  }

  /** The weight and the bias, in the order the class body lists them. */
  List<AnnotatedField> annotatedFields() {
    if (bias == null) {
      return List.of(weight);
    }
    return bias.beforeWeight ? List.of(bias.field, weight) : List.of(weight, bias.field);
  }

  /** Whether the class declares {@link #PLAIN} or {@link #OTHER_BIAS}, for its bias to name. */
  boolean declaresHelper(String name) {
    Target target = bias == null ? null : bias.target;
    return name.equals(PLAIN) && target == Target.UNANNOTATED
        || name.equals(OTHER_BIAS) && target == Target.OTHER_BIAS;
  }

  /**
   * Whether an annotated field is a record component (rather than a field of the record's body).
   */
  boolean isComponent(AnnotatedField field) {
    return placement == Placement.RECORD && !field.flags.contains(Flag.STATIC);
  }

  /** Whether a size field is a record component. */
  boolean isComponent(SizeField size) {
    return placement == Placement.RECORD && size.kind == SizeKind.INT;
  }

  /**
   * The source files of this case and where things are in the main one.
   *
   * @param files the main file first, then {@code Base} for a subclass
   * @param classLine the line of the layer class's declaration
   * @param fieldLines the line of each annotated field's declaration, and of {@link #PLAIN}, by
   *     name
   * @param attributeLines by field name, the line of each attribute written on its annotation
   */
  record Source(
      List<JavaFileObject> files,
      int classLine,
      Map<String, Integer> fieldLines,
      Map<String, Map<String, Integer>> attributeLines) {
    JavaFileObject main() {
      return files.get(0);
    }

    int fieldLine(String field) {
      return require(fieldLines.get(field), field + " is not declared");
    }

    int attributeLine(String field, String attribute) {
      return require(
          attributeLines.getOrDefault(field, Map.of()).get(attribute),
          attribute + " is not written on " + field);
    }

    private static int require(Integer line, String otherwise) {
      if (line == null) {
        throw new IllegalStateException(otherwise);
      }
      return line;
    }
  }

  /**
   * Renders the case. With {@code fixture}, also a class {@code Fixture} whose {@code newLayer()}
   * returns an instance, for running the initializer of a valid case.
   */
  Source source(boolean fixture) {
    Lines lines = new Lines();
    lines.add("package " + packageName() + ";");
    if (!qualified) {
      lines.add("import dev.kinit.*;");
    }
    switch (placement) {
      case TOP_LEVEL -> layer(lines, "public class " + layerName + " {", "");
      case GENERIC -> layer(lines, "public class " + layerName + "<T extends Number> {", "");
      case SUBCLASS -> layer(lines, "public class " + layerName + " extends Base {", "");
      case NESTED_SUBCLASS ->
          outer(
              lines, "public static class " + layerName + " extends " + packageName() + ".Base {");
      case ENUM -> layer(lines, "public enum " + layerName + " {", "INSTANCE;");
      case INTERFACE -> layer(lines, "public interface " + layerName + " {", "");
      case RECORD -> record(lines);
      case STATIC_NESTED -> outer(lines, "static class " + layerName + " {");
      case INNER -> outer(lines, "class " + layerName + " {");
      case PRIVATE_NESTED -> outer(lines, "private static class " + layerName + " {");
      case NESTED_IN_PRIVATE -> {
        lines.add("public class " + outerName + " {");
        lines.add("private static class Hidden {");
        layer(lines, "static class " + layerName + " {", "");
        lines.add("}");
        lines.add("}");
      }
      case LOCAL -> {
        lines.add("public class " + outerName + " {");
        lines.add("Object make() {");
        layer(lines, "class " + layerName + " {", "");
        lines.add("return new " + layerName + "();");
        lines.add("}");
        lines.add("}");
      }
      case ANONYMOUS -> {
        lines.add("public class " + outerName + " {");
        lines.add("Object layer = new Object() {");
        members(lines);
        lines.add("};");
        lines.add("}");
      }
      case ENUM_CONSTANT_BODY -> {
        lines.add("public enum " + outerName + " {");
        lines.add("INSTANCE {");
        members(lines);
        lines.add("};");
        lines.add("}");
      }
    }
    if (clash) {
      String initializer = initializerName();
      lines.add("class " + initializer.substring(initializer.lastIndexOf('.') + 1) + " {}");
    }
    if (fixture) {
      lines.add("final class Fixture {");
      lines.add("static Object newLayer() {");
      lines.add("return " + newLayer() + ";");
      lines.add("}");
      lines.add("}");
    }
    List<JavaFileObject> files = new ArrayList<>();
    files.add(JavaFileObjects.forSourceLines(packageName() + "." + topName(), lines.text));
    if (placement.inherits()) {
      files.add(JavaFileObjects.forSourceLines(packageName() + ".Base", base()));
    }
    return new Source(files, lines.classLine, lines.fieldLines, lines.attributeLines);
  }

  /** The superclass {@code Base} of the layer: valid, public fields. */
  private List<String> base() {
    List<String> base = new ArrayList<>();
    base.add("package " + packageName() + ";");
    base.add("public class Base {");
    base.add("  public int " + BASE_SIZE.name() + " = " + BASE_SIZE.value() + ";");
    base.add(
        superclass == Superclass.KAIMING
            ? "  @dev.kinit.KaimingInit(nonlinearity = dev.kinit.Nonlinearity.RELU)"
            : "  @dev.kinit.TorchDefaultInit");
    base.add("  public final float[][] " + BASE_WEIGHT + " = new float[3][2];");
    if (superclass == Superclass.TORCH_WITH_BIAS) {
      base.add("  @dev.kinit.TorchDefaultInit(biasOf = \"" + BASE_WEIGHT + "\")");
      base.add("  public final float[] " + BASE_BIAS + " = new float[3];");
    }
    base.add("}");
    return base;
  }

  private void outer(Lines lines, String declaration) {
    lines.add("public class " + outerName + " {");
    layer(lines, declaration, "");
    lines.add("}");
  }

  private void layer(Lines lines, String declaration, String firstMember) {
    lines.classLine = lines.add(declaration);
    if (!firstMember.isEmpty()) {
      lines.add(firstMember);
    }
    members(lines);
    lines.add("}");
  }

  private void record(Lines lines) {
    lines.classLine = lines.add("public record " + layerName + "(");
    List<AnnotatedField> annotated = annotatedFields().stream().filter(this::isComponent).toList();
    List<String> sizes =
        sizeFields.stream().filter(this::isComponent).map(size -> "int " + size.name).toList();
    for (int i = 0; i < annotated.size(); i++) {
      AnnotatedField field = annotated.get(i);
      annotations(lines, field);
      boolean last = i + 1 == annotated.size() && sizes.isEmpty();
      lines.field(field.name, "  " + field.type + " " + field.name + (last ? ") {" : ","));
    }
    if (!sizes.isEmpty() || annotated.isEmpty()) {
      lines.add("  " + String.join(", ", sizes) + ") {");
    }
    members(lines);
    lines.add("}");
  }

  /** The fields and getters of the layer class (but record components). */
  private void members(Lines lines) {
    for (AnnotatedField field : annotatedFields()) {
      if (!isComponent(field)) {
        declare(lines, field);
      }
    }
    // A record's body has static fields only.
    String modifiers = placement == Placement.RECORD ? "static " : "";
    if (declaresHelper(PLAIN)) {
      lines.field(PLAIN, "  " + modifiers + "float[][] " + PLAIN + " = new float[2][3];");
    }
    if (declaresHelper(OTHER_BIAS)) {
      lines.add("  @" + annotationName("TorchDefaultInit") + "(biasOf = \"" + weight.name + "\")");
      lines.field(OTHER_BIAS, "  " + modifiers + "float[] " + OTHER_BIAS + " = new float[2];");
    }
    sizeFields.forEach(size -> size(lines, size));
  }

  private void declare(Lines lines, AnnotatedField field) {
    annotations(lines, field);
    StringBuilder declaration = new StringBuilder("  ").append(field.visibility.keyword);
    for (Flag flag : field.flags) {
      declaration.append(flag.name().toLowerCase(Locale.ROOT)).append(' ');
    }
    declaration.append(field.type).append(' ').append(field.name);
    String value = initialValue(field);
    if (value != null) {
      declaration.append(" = ").append(value);
    }
    lines.field(field.name, declaration.append(';').toString());
    getter(lines, field.getter, field.type.toString(), field.name, field.type.defaultValue());
  }

  /** A field's initializer: allocated when its type allows, else a default when required. */
  private String initialValue(AnnotatedField field) {
    if (!field.dims.isEmpty()) {
      return allocation(field);
    }
    boolean required = field.flags.contains(Flag.FINAL) || placement == Placement.INTERFACE;
    return required ? field.type.defaultValue() : null;
  }

  private static String allocation(AnnotatedField field) {
    return "new "
        + field.type.element()
        + field.dims.stream().map(size -> "[" + size + "]").collect(Collectors.joining());
  }

  private void annotations(Lines lines, AnnotatedField field) {
    if (field != weight) {
      annotation(lines, field.name, "TorchDefaultInit", bias.written);
      return;
    }
    if (rule == Rule.TORCH_AND_KAIMING) {
      lines.add("  @" + annotationName("TorchDefaultInit"));
    }
    annotation(
        lines,
        field.name,
        rule.kaiming() ? "KaimingInit" : "TorchDefaultInit",
        attributes.written());
    if (rule == Rule.KAIMING_AND_TORCH) {
      lines.add("  @" + annotationName("TorchDefaultInit"));
    }
  }

  private void annotation(
      Lines lines, String field, String annotation, Map<String, String> written) {
    String name = annotationName(annotation);
    if (written.isEmpty()) {
      lines.add("  @" + name);
      return;
    }
    lines.add("  @" + name + "(");
    List<String> names = new ArrayList<>(written.keySet());
    Map<String, Integer> attributeLines = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      String attribute = names.get(i);
      String end = i + 1 == names.size() ? ")" : ",";
      String value = written.get(attribute);
      if (qualified && value.matches("(FanMode|Distribution|Nonlinearity)\\..*")) {
        value = "dev.kinit." + value;
      }
      attributeLines.put(attribute, lines.add("      " + attribute + " = " + value + end));
    }
    lines.attributeLines.put(field, attributeLines);
  }

  private String annotationName(String simpleName) {
    return qualified ? "dev.kinit." + simpleName : simpleName;
  }

  private void size(Lines lines, SizeField size) {
    if (isComponent(size)) {
      return;
    }
    SizeKind kind = size.kind;
    boolean isStatic = kind.isStatic || placement == Placement.RECORD;
    String modifiers =
        placement == Placement.INTERFACE
            ? ""
            : kind.visibility.keyword
                + (isStatic ? "static " : "")
                + (kind == SizeKind.CONSTANT ? "final " : "");
    lines.add("  " + modifiers + kind.type + " " + size.name + " = " + size.value + ";");
    if (placement != Placement.INTERFACE) {
      getter(lines, kind.getter, kind.type, size.name, "0");
    }
  }

  private static void getter(
      Lines lines, Getter getter, String type, String field, String defaultValue) {
    String get = "get" + Character.toUpperCase(field.charAt(0)) + field.substring(1);
    String body = "() { return " + field + "; }";
    switch (getter) {
      case NONE -> {}
      case GET -> lines.add("  " + type + " " + get + body);
      case PLAIN -> lines.add("  " + type + " " + field + body);
      case WRONG_TYPE -> lines.add("  Object " + get + body);
      case PRIVATE -> lines.add("  private " + type + " " + get + body);
      case STATIC ->
          lines.add("  static " + type + " " + get + "() { return " + defaultValue + "; }");
      case WITH_PARAMETER ->
          lines.add("  " + type + " " + get + "(int unused) { return " + field + "; }");
    }
  }

  /** The expression {@code Fixture.newLayer()} returns. */
  private String newLayer() {
    return switch (placement) {
      case TOP_LEVEL, SUBCLASS -> "new " + layerName + "()";
      case GENERIC -> "new " + layerName + "<Integer>()";
      case ENUM -> layerName + ".INSTANCE";
      case STATIC_NESTED, NESTED_SUBCLASS -> "new " + outerName + "." + layerName + "()";
      case INNER -> "new " + outerName + "().new " + layerName + "()";
      case RECORD -> {
        List<String> arguments = new ArrayList<>();
        annotatedFields().stream()
            .filter(this::isComponent)
            .forEach(field -> arguments.add(allocation(field)));
        sizeFields.stream()
            .filter(this::isComponent)
            .forEach(size -> arguments.add(String.valueOf(size.value)));
        yield "new " + layerName + "(" + String.join(", ", arguments) + ")";
      }
      default -> throw new IllegalStateException(placement + " layers cannot be created");
    };
  }

  /** Source lines being written, and the line numbers worth remembering. */
  private static final class Lines {
    final List<String> text = new ArrayList<>();
    final Map<String, Integer> fieldLines = new HashMap<>();
    final Map<String, Map<String, Integer>> attributeLines = new HashMap<>();
    int classLine;

    /** Adds a line; returns its number, counting from 1. */
    int add(String line) {
      text.add(line);
      return text.size();
    }

    /** Adds the declaration of field {@code name}. */
    void field(String name, String line) {
      fieldLines.put(name, add(line));
    }
  }
}
