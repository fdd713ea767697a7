package dev.kinit.processor;

import com.google.testing.compile.JavaFileObjects;
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
 * One generated input of {@link ProcessorFuzzTest}: a class, somewhere, with one
 * {@code @KaimingInit} field (the weight) and the {@code int}-like fields its {@code shapeFields}
 * may name. Only inputs: what the processor must make of them is {@link Specification}'s to say.
 *
 * @param id the case's number; its package is {@code fuzz.c<id>}
 * @param placement where the class with the weight sits
 * @param layerName the simple name of that class
 * @param outerName the enclosing top-level class, for placements that have one
 * @param qualified whether the source names {@code @dev.kinit.KaimingInit} in full (else imports)
 * @param clash whether the file also declares a class with the name of the layer's initializer
 * @param weight the annotated field
 * @param sizeFields the other fields of the class, which {@code shapeFields} may name
 * @param attributes what {@code @KaimingInit} says, in the order written
 */
record LayerCase(
    int id,
    Placement placement,
    String layerName,
    String outerName,
    boolean qualified,
    boolean clash,
    Weight weight,
    List<SizeField> sizeFields,
    Attributes attributes) {

  /** Where the layer class sits. */
  enum Placement {
    TOP_LEVEL,
    GENERIC,
    SUBCLASS,
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
   * The annotated field.
   *
   * @param dims the sizes it is allocated with, when its type can be: one per dimension of a nested
   *     array, one (the length) for a flat array
   */
  record Weight(
      FieldType type,
      String name,
      Visibility visibility,
      Set<Flag> flags,
      Getter getter,
      List<Integer> dims) {}

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
   * What {@code @KaimingInit} says.
   *
   * @param written each written attribute's source text, in source order
   * @param nonlinearity the value in effect (the default when not written)
   * @param a the value in effect
   * @param shape the sizes of {@code shape}, empty when not written
   * @param shapeFields the names in {@code shapeFields}, empty when not written
   * @param unresolved the attribute whose value names a constant that does not exist, or null
   */
  record Attributes(
      Map<String, String> written,
      Nonlinearity nonlinearity,
      double a,
      List<Integer> shape,
      List<String> shapeFields,
      String unresolved) {}

  /** What this case exercises, to check that a run covers every kind of input. */
  Set<String> features() {
    Set<String> features = new HashSet<>();
    features.add("placement " + placement);
    features.add("element " + weight.type.element());
    features.add("rank " + weight.type.rank());
    features.add("visibility " + weight.visibility);
    weight.flags.forEach(flag -> features.add("modifier " + flag));
    features.add("nonlinearity " + attributes.nonlinearity());
    attributes.written().forEach((name, value) -> features.add(name + " " + value));
    double a = attributes.a();
    features.add(
        "a "
            + (Double.isNaN(a)
                ? "NaN"
                : Double.isInfinite(a)
                    ? a > 0 ? "+infinity" : "-infinity"
                    : Double.isInfinite(a * a) ? "huge" : a < 0 ? "negative" : "finite"));
    sizeFields.forEach(size -> features.add("size field " + size.kind));
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

  /** Whether the weight is a record component (rather than a field of the record's body). */
  boolean weightIsComponent() {
    return placement == Placement.RECORD && !weight.flags.contains(Flag.STATIC);
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
   * @param fieldLine the line of the weight's declaration
   * @param attributeLines the line of each written attribute
   */
  record Source(
      List<JavaFileObject> files,
      int classLine,
      int fieldLine,
      Map<String, Integer> attributeLines) {
    JavaFileObject main() {
      return files.get(0);
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
    if (placement == Placement.SUBCLASS) {
      files.add(
          JavaFileObjects.forSourceLines(
              packageName() + ".Base",
              "package " + packageName() + ";",
              "public class Base {",
              "  @dev.kinit.KaimingInit(nonlinearity = dev.kinit.Nonlinearity.RELU)",
              "  public final float[][] base = new float[3][2];",
              "}"));
    }
    return new Source(files, lines.classLine, lines.fieldLine, lines.attributeLines);
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
    List<SizeField> components = sizeFields.stream().filter(this::isComponent).toList();
    lines.classLine = lines.add("public record " + layerName + "(");
    List<String> rest = components.stream().map(size -> "int " + size.name).toList();
    if (weightIsComponent()) {
      annotation(lines);
      lines.fieldLine =
          lines.add("  " + weight.type + " " + weight.name + (rest.isEmpty() ? ") {" : ","));
    }
    if (!rest.isEmpty() || !weightIsComponent()) {
      lines.add("  " + String.join(", ", rest) + ") {");
    }
    members(lines);
    lines.add("}");
  }

  /** The fields and getters of the layer class. */
  private void members(Lines lines) {
    if (!weightIsComponent()) {
      weight(lines);
    }
    sizeFields.forEach(size -> size(lines, size));
  }

  private void weight(Lines lines) {
    annotation(lines);
    StringBuilder declaration = new StringBuilder("  ").append(weight.visibility.keyword);
    for (Flag flag : weight.flags) {
      declaration.append(flag.name().toLowerCase(Locale.ROOT)).append(' ');
    }
    declaration.append(weight.type).append(' ').append(weight.name);
    String value = weightValue();
    if (value != null) {
      declaration.append(" = ").append(value);
    }
    lines.fieldLine = lines.add(declaration.append(';').toString());
    getter(lines, weight.getter, weight.type.toString(), weight.name, weight.type.defaultValue());
  }

  /** The weight's initializer: allocated when its type allows, else a default when required. */
  private String weightValue() {
    if (!weight.dims.isEmpty()) {
      return allocation();
    }
    boolean required = weight.flags.contains(Flag.FINAL) || placement == Placement.INTERFACE;
    return required ? weight.type.defaultValue() : null;
  }

  private String allocation() {
    return "new "
        + weight.type.element()
        + weight.dims.stream().map(size -> "[" + size + "]").collect(Collectors.joining());
  }

  private void annotation(Lines lines) {
    String name = qualified ? "dev.kinit.KaimingInit" : "KaimingInit";
    if (attributes.written().isEmpty()) {
      lines.add("  @" + name);
      return;
    }
    lines.add("  @" + name + "(");
    List<String> names = new ArrayList<>(attributes.written().keySet());
    for (int i = 0; i < names.size(); i++) {
      String attribute = names.get(i);
      String end = i + 1 == names.size() ? ")" : ",";
      String value = attributes.written().get(attribute);
      if (qualified && value.matches("(FanMode|Distribution|Nonlinearity)\\..*")) {
        value = "dev.kinit." + value;
      }
      int line = lines.add("      " + attribute + " = " + value + end);
      lines.attributeLines.put(attribute, line);
    }
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
      case STATIC_NESTED -> "new " + outerName + "." + layerName + "()";
      case INNER -> "new " + outerName + "().new " + layerName + "()";
      case RECORD -> {
        List<String> arguments = new ArrayList<>();
        if (weightIsComponent()) {
          arguments.add(allocation());
        }
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
    final Map<String, Integer> attributeLines = new HashMap<>();
    int classLine;
    int fieldLine;

    /** Adds a line; returns its number, counting from 1. */
    int add(String line) {
      text.add(line);
      return text.size();
    }
  }
}
