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
 * ({@code @TorchDefaultInit(biasOf = ...)}), the {@code int}-like fields a {@code shapeFields} may
 * name, and around it what may change how generated code reaches them: superclasses in this or
 * another package, an interface of constants, deprecations, a subclass, kinit annotations where no
 * field is. Only inputs: what the processor must make of them is {@link Specification}'s to say.
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
 * @param hierarchy the classes above a layer that {@link Placement#inherits}, else null
 * @param constants an interface of constants the layer or its superclass implements, or null
 * @param deprecated the declarations marked {@code @Deprecated}, each with its {@code forRemoval}
 * @param misplaced a kinit annotation where there is no field to fill
 * @param subclass a class {@code Sub} extending the layer, or null
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
    Hierarchy hierarchy,
    Constants constants,
    Map<Deprecatable, Boolean> deprecated,
    Misplaced misplaced,
    Subclass subclass)
    implements GeneratedLayer {

  /** The unannotated array field a bias's {@code biasOf} names ({@link Target#UNANNOTATED}). */
  static final String PLAIN = "plain";

  /**
   * The second bias, of the weight, that a bias's {@code biasOf} names ({@link Target#OTHER_BIAS}).
   */
  static final String OTHER_BIAS = "first";

  /** The weight {@code Base} declares: {@code float[3][2]}. */
  static final String BASE_WEIGHT = "base";

  /** The weight's type in {@code Base}. */
  static final String BASE_WEIGHT_TYPE = "float[][]";

  /** The bias of {@link #BASE_WEIGHT}, {@code float[3]}, for {@link Superclass#TORCH_WITH_BIAS}. */
  static final String BASE_BIAS = "baseBias";

  /** An {@code int} field {@code Base} declares, which {@code shapeFields} may name. */
  static final SizeField BASE_SIZE = new SizeField("out", SizeKind.PUBLIC_INT, 5);

  /** What an override of a getter of {@code Base} returns for {@link #BASE_SIZE}. */
  static final int OVERRIDDEN_SIZE = 7;

  /** The weight of {@code Sub} when it is annotated. */
  static final String SUB_WEIGHT = "head";

  /** The array {@code Sub}'s override of the weight's getter returns. */
  static final String FROZEN = "frozen";

  /** The simple names of the classes around the layer. */
  static final String BASE = "Base";

  static final String MID = "Mid";
  static final String SIZES = "Sizes";
  static final String SUB = "Sub";
  static final String EXTRA = "Extra";

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

    /** Whether another class can extend the layer without an enclosing instance. */
    boolean extendable() {
      return this == TOP_LEVEL
          || this == GENERIC
          || this == SUBCLASS
          || this == NESTED_SUBCLASS
          || this == STATIC_NESTED;
    }

    /** Whether the class has a name that other classes of its package can use. */
    boolean named() {
      return this != LOCAL && this != ANONYMOUS && this != ENUM_CONSTANT_BODY;
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

    /** Whether this is a float[] or double[] of 1 to 5 dimensions, which can be allocated. */
    boolean weightArray() {
      return (kind == ElementKind.FLOAT || kind == ElementKind.DOUBLE) && rank >= 1 && rank <= 5;
    }
  }

  /** Modifiers other than the access level. */
  enum Flag {
    STATIC,
    FINAL,
    VOLATILE,
    TRANSIENT
  }

  /** The access level of a field, a method or a class. */
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

  /** The form of the method a class declares for reading a field. */
  enum Getter {
    NONE,
    /** {@code T getName()}. */
    GET,
    /** {@code T name()}, as records and Kotlin have. */
    PLAIN,
    /** {@code Object getName()}: another return type. */
    WRONG_TYPE,
    /** {@code static T getName()}. */
    STATIC,
    /** {@code T getName(int unused)}. */
    WITH_PARAMETER
  }

  /**
   * The method a class declares for reading a field.
   *
   * @param copies whether it returns a copy of the array rather than the field
   */
  record Accessor(Getter form, Visibility visibility, boolean isFinal, boolean copies) {
    static final Accessor NONE = new Accessor(Getter.NONE, Visibility.PACKAGE, false, false);

    /** The method's name for {@code field}. */
    String name(String field) {
      return form == Getter.PLAIN ? field : getterName(field);
    }

    /** Whether it is a getter by the README's rule: {@code getX()} or {@code x()} of the type. */
    boolean reads() {
      return form == Getter.GET || form == Getter.PLAIN;
    }

    /** Whether it is a method without parameters named {@link #name}. */
    boolean withoutParameters() {
      return form != Getter.NONE && form != Getter.WITH_PARAMETER;
    }

    /** Whether a subclass can override it (given the package rules, which the caller checks). */
    boolean overridable() {
      return reads() && !isFinal && visibility != Visibility.PRIVATE;
    }
  }

  /** {@code getName}. */
  static String getterName(String field) {
    return "get" + Character.toUpperCase(field.charAt(0)) + field.substring(1);
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
      Accessor getter,
      List<Integer> dims) {
    AnnotatedField withGetter(Accessor accessor) {
      return new AnnotatedField(type, name, visibility, flags, accessor, dims);
    }
  }

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
      boolean unresolved) {
    Bias withField(AnnotatedField field) {
      return new Bias(field, target, biasOf, beforeWeight, written, unresolved);
    }
  }

  /** What {@code Base}, the superclass of a layer that {@link Placement#inherits}, annotates. */
  enum Superclass {
    /** {@code @KaimingInit(nonlinearity = RELU) float[][] base}. */
    KAIMING,
    /** {@code @TorchDefaultInit float[][] base}. */
    TORCH_DEFAULT,
    /** {@link #TORCH_DEFAULT} and {@code @TorchDefaultInit(biasOf = "base") float[] baseBias}. */
    TORCH_WITH_BIAS
  }

  /**
   * A field of {@code Base}, with its getter.
   *
   * @param overrider the class that overrides the getter, if one does
   */
  record Member(Visibility visibility, boolean isStatic, Accessor getter, Overrider overrider) {}

  /** The class below {@code Base} that overrides one of its getters. */
  enum Overrider {
    NONE,
    MID,
    LAYER
  }

  /**
   * A class between the layer and {@code Base}.
   *
   * @param inBasePackage whether it is in {@code Base}'s package (else in the layer's)
   * @param hides the access of the {@code int} field {@link #BASE_WEIGHT} it declares, hiding
   *     {@code Base}'s, or null
   */
  record Mid(boolean inBasePackage, boolean isPublic, Visibility hides) {}

  /**
   * The classes above a layer that {@link Placement#inherits}: {@code Base}, in the layer's package
   * or in {@code <package>.b}, maybe below a class {@code Mid}.
   *
   * @param weight {@code Base}'s weight {@link #BASE_WEIGHT}
   * @param size {@code Base}'s {@link #BASE_SIZE}
   */
  record Hierarchy(
      Superclass annotations,
      boolean otherPackage,
      boolean basePublic,
      Mid mid,
      Member weight,
      Member size) {}

  /** A constant of the interface {@code Sizes}. */
  record Constant(String name, String type, String value) {}

  /**
   * An interface {@code Sizes} of constants, in the layer's package or in {@code <package>.b},
   * implemented by the layer or by {@code Base}.
   */
  record Constants(
      boolean otherPackage, boolean isPublic, boolean implementedByBase, List<Constant> members) {}

  /** The declarations a case may mark {@code @Deprecated}. */
  enum Deprecatable {
    /** The layer class. */
    LAYER,
    /** The top-level class a nested layer is in. */
    OUTER,
    WEIGHT,
    WEIGHT_GETTER,
    /** The first size field of the layer. */
    SIZE_FIELD,
    BASE,
    BASE_WEIGHT,
    BASE_GETTER,
    BASE_SIZE,
    MID,
    CONSTANTS,
    /** The first constant of {@code Sizes}. */
    CONSTANT
  }

  /** A kinit annotation where there is no field to fill. */
  enum Misplaced {
    NONE,
    /** On a method of another class. */
    METHOD,
    /** On another class. */
    CLASS,
    /** On a local variable in another class. */
    LOCAL_VARIABLE,
    /** On a constant of another enum. */
    ENUM_CONSTANT,
    /** On the layer class itself. */
    LAYER_CLASS,
    /** On the constant of an {@link Placement#ENUM} layer. */
    LAYER_CONSTANT
  }

  /**
   * A class {@code Sub} extending the layer, compiled in the same batch.
   *
   * @param annotated whether it has a weight of its own, and so an initializer
   * @param overrides whether it overrides the weight's getter, returning another array
   * @param hides whether it declares an {@code int} field of the weight's name
   */
  record Subclass(boolean annotated, boolean overrides, boolean hides) {}

  /** Kinds of the fields {@code shapeFields} may name. */
  enum SizeKind {
    INT("int", Visibility.PACKAGE, Accessor.NONE, false),
    PUBLIC_INT("int", Visibility.PUBLIC, Accessor.NONE, false),
    PROTECTED_INT("int", Visibility.PROTECTED, Accessor.NONE, false),
    STATIC_INT("int", Visibility.PACKAGE, Accessor.NONE, true),
    CONSTANT("int", Visibility.PACKAGE, Accessor.NONE, true),
    PRIVATE_WITH_GETTER("int", Visibility.PRIVATE, getter(Getter.GET, Visibility.PACKAGE), false),
    PRIVATE_WITH_ACCESSOR(
        "int", Visibility.PRIVATE, getter(Getter.PLAIN, Visibility.PACKAGE), false),
    PRIVATE_WITH_PUBLIC_FINAL_GETTER(
        "int", Visibility.PRIVATE, new Accessor(Getter.GET, Visibility.PUBLIC, true, false), false),
    PRIVATE_WITH_PROTECTED_ACCESSOR(
        "int", Visibility.PRIVATE, getter(Getter.PLAIN, Visibility.PROTECTED), false),
    PRIVATE_WITH_PRIVATE_GETTER(
        "int", Visibility.PRIVATE, getter(Getter.GET, Visibility.PRIVATE), false),
    PRIVATE("int", Visibility.PRIVATE, Accessor.NONE, false),
    PRIVATE_STATIC("int", Visibility.PRIVATE, Accessor.NONE, true),
    LONG("long", Visibility.PACKAGE, Accessor.NONE, false),
    SHORT("short", Visibility.PACKAGE, Accessor.NONE, false),
    INTEGER("Integer", Visibility.PACKAGE, Accessor.NONE, false);

    final String type;
    final Visibility visibility;
    final Accessor getter;
    final boolean isStatic;

    SizeKind(String type, Visibility visibility, Accessor getter, boolean isStatic) {
      this.type = type;
      this.visibility = visibility;
      this.getter = getter;
      this.isStatic = isStatic;
    }

    private static Accessor getter(Getter form, Visibility visibility) {
      return new Accessor(form, visibility, false, false);
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
    getterFeatures(features, "getter", weight.getter);
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
    if (hierarchy != null) {
      features.add("superclass " + hierarchy.annotations);
      features.add(
          "base "
              + (hierarchy.otherPackage ? "in another package" : "in the package")
              + (hierarchy.basePublic ? ", public" : ", package-private"));
      if (hierarchy.mid != null) {
        Mid mid = hierarchy.mid;
        features.add(
            "mid "
                + (mid.inBasePackage ? "in base's package" : "in the layer's package")
                + (mid.isPublic ? ", public" : ", package-private"));
        if (mid.hides != null) {
          features.add("mid hides the base weight, " + mid.hides);
        }
      }
      for (Map.Entry<String, Member> entry :
          Map.of("base weight", hierarchy.weight, "base size", hierarchy.size).entrySet()) {
        Member member = entry.getValue();
        features.add(entry.getKey() + " visibility " + member.visibility);
        getterFeatures(features, entry.getKey() + " getter", member.getter);
        if (member.overrider != Overrider.NONE) {
          features.add(entry.getKey() + " getter overridden in " + member.overrider);
        }
        if (member.isStatic) {
          features.add(entry.getKey() + " static");
        }
      }
    }
    if (constants != null) {
      features.add(
          "constants "
              + (constants.otherPackage ? "in another package" : "in the package")
              + (constants.isPublic ? ", public" : ", package-private")
              + (constants.implementedByBase ? ", implemented by Base" : ", implemented by layer"));
      constants.members.forEach(constant -> features.add("constant " + constant.name));
    }
    deprecated.forEach(
        (target, removal) ->
            features.add("deprecated " + target + (removal ? " for removal" : "")));
    features.add("misplaced " + misplaced);
    if (subclass != null) {
      features.add(
          "subclass"
              + (subclass.annotated ? " annotated" : "")
              + (subclass.overrides ? " overriding" : "")
              + (subclass.hides ? " hiding" : ""));
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

  private static void getterFeatures(Set<String> features, String prefix, Accessor getter) {
    features.add(prefix + " " + getter.form);
    if (getter.form != Getter.NONE) {
      features.add(prefix + " " + getter.visibility + (getter.isFinal ? " final" : ""));
    }
    if (getter.copies) {
      features.add(prefix + " copies");
    }
  }

  @Override
  public String describe() {
    return "case " + id;
  }

  @Override
  public String weightLabel() {
    return layerName + "." + weight.name;
  }

  @Override
  public List<String> biasField() {
    return bias == null ? List.of() : List.of(layerBinaryName(), bias.field.name);
  }

  /** The package of this case. */
  @Override
  public String packageName() {
    return String.format(Locale.ROOT, "fuzz.c%04d", id);
  }

  /** The package of the classes of this case that are not in the layer's: {@code <package>.b}. */
  String otherPackageName() {
    return packageName() + ".b";
  }

  /** The top-level class of the source file with the weight. */
  String topName() {
    return placement.nested() ? outerName : layerName;
  }

  /** The binary name of the layer class, for loading it. */
  @Override
  public String layerBinaryName() {
    return packageName() + "." + (placement.nested() ? outerName + "$" : "") + layerName;
  }

  /** The binary name of {@code Base}. */
  String baseName() {
    return (hierarchy.otherPackage ? otherPackageName() : packageName()) + "." + BASE;
  }

  /** The binary name of {@code Mid}. */
  String midName() {
    return (hierarchy.mid.inBasePackage && hierarchy.otherPackage
            ? otherPackageName()
            : packageName())
        + "."
        + MID;
  }

  /** The binary name of {@code Sizes}. */
  String constantsName() {
    return (constants.otherPackage ? otherPackageName() : packageName()) + "." + SIZES;
  }

  /** The binary name of {@code Sub}. */
  @Override
  public String subName() {
    return packageName() + "." + SUB;
  }

  /** The initializer the README promises: {@code Net.Head} → {@code Net_HeadInitializer}. */
  @Override
  public String initializerName() {
    return packageName()
        + "."
        + (placement.nested() ? outerName + "_" : "")
        + layerName
        + "Initializer";
  }

  /** The initializer of a top-level class {@code name} (a binary name). */
  static String initializerOf(String name) {
    return name + "Initializer";
  }

  /** The file of a top-level class, as diagnostics name it: {@code fuzz/c0001/b/Base.java}. */
  static String fileOf(String name) {
    return name.replace('.', '/') + ".java";
  }

  /** The file with the layer. */
  String mainFile() {
    return fileOf(packageName() + "." + topName());
  }

  /** The source text of the layer's type, as a class of its package names it. */
  String layerType(String typeArgument) {
    String name = placement.nested() ? outerName + "." + layerName : layerName;
    return placement == Placement.GENERIC ? name + "<" + typeArgument + ">" : name;
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

  /** A place in a source file. */
  record Place(String file, int line) {}

  /**
   * The source files of this case and where things are in them.
   *
   * @param files the main file first, then the other classes
   * @param classLine the line of the layer class's declaration in the main file
   * @param fieldLines the line of each annotated field's declaration in the main file, and of
   *     {@link #PLAIN}, by name
   * @param attributeLines by field name, the line of each attribute written on its annotation
   * @param places the other places diagnostics may point at: {@code "Base.base"} (a field), {@code
   *     "Sub"} (a class), {@code "misplaced"}
   */
  record Source(
      List<JavaFileObject> files,
      String mainFile,
      int classLine,
      Map<String, Integer> fieldLines,
      Map<String, Map<String, Integer>> attributeLines,
      Map<String, Place> places) {
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

    Place place(String what) {
      Place place = places.get(what);
      if (place == null) {
        throw new IllegalStateException(what + " is not declared");
      }
      return place;
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
   * returns an instance (of {@code Sub} when there is one), for running the initializer of a valid
   * case; with {@code use}, a class that calls the layer's initializer, which must then exist.
   */
  Source source(boolean fixture, boolean use) {
    Map<String, Place> places = new HashMap<>();
    Lines lines = new Lines();
    lines.add("package " + packageName() + ";");
    if (!qualified) {
      lines.add("import dev.kinit.*;");
    }
    String suppress = suppress();
    String layerAnnotation =
        misplaced == Misplaced.LAYER_CLASS ? "@" + annotationName("KaimingInit") + " " : "";
    String layerPrefix = suppress + deprecation(Deprecatable.LAYER) + layerAnnotation;
    String outerPrefix = suppress + deprecation(Deprecatable.OUTER);
    switch (placement) {
      case TOP_LEVEL ->
          layer(lines, layerPrefix + "public class " + layerName + extendsClause() + " {", "");
      case GENERIC ->
          layer(
              lines,
              layerPrefix
                  + "public class "
                  + layerName
                  + "<T extends Number>"
                  + extendsClause()
                  + " {",
              "");
      case SUBCLASS ->
          layer(lines, layerPrefix + "public class " + layerName + extendsClause() + " {", "");
      case NESTED_SUBCLASS -> {
        lines.add(outerPrefix + "public class " + outerName + " {");
        layer(
            lines,
            deprecation(Deprecatable.LAYER)
                + layerAnnotation
                + "public static class "
                + layerName
                + extendsClause()
                + " {",
            "");
        lines.add("}");
      }
      case ENUM ->
          layer(
              lines,
              layerPrefix + "public enum " + layerName + extendsClause() + " {",
              (misplaced == Misplaced.LAYER_CONSTANT
                      ? "@" + annotationName("KaimingInit") + " "
                      : "")
                  + "INSTANCE;");
      case INTERFACE -> layer(lines, layerPrefix + "public interface " + layerName + " {", "");
      case RECORD -> record(lines, layerPrefix);
      case STATIC_NESTED ->
          outer(lines, outerPrefix, "static class " + layerName + extendsClause());
      case INNER -> outer(lines, outerPrefix, "class " + layerName + extendsClause());
      case PRIVATE_NESTED ->
          outer(lines, outerPrefix, "private static class " + layerName + extendsClause());
      case NESTED_IN_PRIVATE -> {
        lines.add(outerPrefix + "public class " + outerName + " {");
        lines.add("private static class Hidden {");
        layer(
            lines,
            deprecation(Deprecatable.LAYER) + layerAnnotation + "static class " + layerName + " {",
            "");
        lines.add("}");
        lines.add("}");
      }
      case LOCAL -> {
        lines.add(outerPrefix + "public class " + outerName + " {");
        lines.add("Object make() {");
        layer(
            lines,
            deprecation(Deprecatable.LAYER) + layerAnnotation + "class " + layerName + " {",
            "");
        lines.add("return new " + layerName + "();");
        lines.add("}");
        lines.add("}");
      }
      case ANONYMOUS -> {
        lines.add(outerPrefix + "public class " + outerName + " {");
        lines.add("Object layer = new Object() {");
        members(lines);
        lines.add("};");
        lines.add("}");
      }
      case ENUM_CONSTANT_BODY -> {
        lines.add(outerPrefix + "public enum " + outerName + " {");
        lines.add("INSTANCE {");
        members(lines);
        lines.add("};");
        lines.add("}");
      }
    }
    if (clash) {
      String initializer = initializerName();
      lines.add(
          suppress + "class " + initializer.substring(initializer.lastIndexOf('.') + 1) + " {}");
    }
    String main = mainFile();
    if (misplaced != Misplaced.NONE) {
      int line =
          switch (misplaced) {
            case METHOD ->
                lines.add(
                    suppress
                        + "class "
                        + EXTRA
                        + " { @"
                        + annotationName("KaimingInit")
                        + " float[][] weights() { return null; } }");
            case CLASS ->
                lines.add(
                    suppress
                        + "@"
                        + annotationName("TorchDefaultInit")
                        + " class "
                        + EXTRA
                        + " {}");
            case LOCAL_VARIABLE ->
                lines.add(
                    suppress
                        + "class "
                        + EXTRA
                        + " { void build() { @"
                        + annotationName("KaimingInit")
                        + " float[][] w = new float[2][2]; } }");
            case ENUM_CONSTANT ->
                lines.add(
                    suppress
                        + "enum "
                        + EXTRA
                        + " { @"
                        + annotationName("TorchDefaultInit")
                        + " A, B }");
            case LAYER_CLASS -> lines.classLine;
            case LAYER_CONSTANT -> lines.classLine + 1;
            case NONE -> throw new AssertionError();
          };
      places.put("misplaced", new Place(main, line));
    }
    if (fixture) {
      lines.add(suppress + "final class Fixture {");
      lines.add("static Object newLayer() {");
      lines.add("return " + (subclass != null ? "new " + SUB + "()" : newLayer()) + ";");
      lines.add("}");
      lines.add("}");
    }
    if (use) {
      // Compiles only if the layer's initializer was generated.
      String initializer = initializerName();
      lines.add(
          suppress
              + "final class Use { static void use("
              + layerType("?")
              + " layer) { "
              + initializer.substring(initializer.lastIndexOf('.') + 1)
              + ".initialize(layer, new java.util.SplittableRandom(1)); } }");
    }
    List<JavaFileObject> files = new ArrayList<>();
    files.add(JavaFileObjects.forSourceLines(packageName() + "." + topName(), lines.text));
    if (hierarchy != null) {
      files.add(base(places));
      if (hierarchy.mid != null) {
        files.add(mid());
      }
    }
    if (constants != null) {
      files.add(constantsFile());
    }
    if (subclass != null) {
      files.add(sub(places));
    }
    places.put("Layer", new Place(main, lines.classLine));
    return new Source(files, main, lines.classLine, lines.fieldLines, lines.attributeLines, places);
  }

  /** {@code @SuppressWarnings} for the user's own uses of what the case deprecates. */
  private String suppress() {
    return deprecated.isEmpty() ? "" : "@SuppressWarnings({\"deprecation\", \"removal\"}) ";
  }

  private String deprecation(Deprecatable target) {
    Boolean removal = deprecated.get(target);
    return removal == null ? "" : removal ? "@Deprecated(forRemoval = true) " : "@Deprecated ";
  }

  /** {@code extends} and {@code implements}, with a leading space, or nothing. */
  private String extendsClause() {
    StringBuilder clause = new StringBuilder();
    if (hierarchy != null) {
      clause.append(" extends ").append(hierarchy.mid != null ? midName() : baseName());
    }
    if (constants != null && !constants.implementedByBase) {
      clause.append(" implements ").append(constantsName());
    }
    return clause.toString();
  }

  /** {@code Base}: its size, its weight and maybe a bias, and their getters. */
  private JavaFileObject base(Map<String, Place> places) {
    String name = baseName();
    Lines lines = new Lines();
    lines.add("package " + name.substring(0, name.lastIndexOf('.')) + ";");
    String implemented =
        constants != null && constants.implementedByBase ? " implements " + constantsName() : "";
    int classLine =
        lines.add(
            suppress()
                + deprecation(Deprecatable.BASE)
                + (hierarchy.basePublic ? "public " : "")
                + "class "
                + BASE
                + implemented
                + " {");
    Member size = hierarchy.size;
    lines.add(
        "  "
            + deprecation(Deprecatable.BASE_SIZE)
            + size.visibility.keyword
            + (size.isStatic ? "static " : "")
            + "int "
            + BASE_SIZE.name()
            + " = "
            + BASE_SIZE.value()
            + ";");
    getter(lines, "", size.getter, "int", BASE_SIZE.name(), "0");
    lines.add(
        hierarchy.annotations == Superclass.KAIMING
            ? "  @dev.kinit.KaimingInit(nonlinearity = dev.kinit.Nonlinearity.RELU)"
            : "  @dev.kinit.TorchDefaultInit");
    Member weight = hierarchy.weight;
    int fieldLine =
        lines.add(
            "  "
                + deprecation(Deprecatable.BASE_WEIGHT)
                + weight.visibility.keyword
                + "final "
                + BASE_WEIGHT_TYPE
                + " "
                + BASE_WEIGHT
                + " = new float[3][2];");
    getter(
        lines,
        deprecation(Deprecatable.BASE_GETTER),
        weight.getter,
        BASE_WEIGHT_TYPE,
        BASE_WEIGHT,
        "null");
    if (hierarchy.annotations == Superclass.TORCH_WITH_BIAS) {
      lines.add("  @dev.kinit.TorchDefaultInit(biasOf = \"" + BASE_WEIGHT + "\")");
      lines.add("  public final float[] " + BASE_BIAS + " = new float[3];");
    }
    lines.add("}");
    String file = fileOf(name);
    places.put("Base", new Place(file, classLine));
    places.put("Base." + BASE_WEIGHT, new Place(file, fieldLine));
    return JavaFileObjects.forSourceLines(name, lines.text);
  }

  /** {@code Mid}: maybe a field hiding {@code Base}'s weight, maybe overrides of its getters. */
  private JavaFileObject mid() {
    String name = midName();
    Mid mid = hierarchy.mid;
    List<String> lines = new ArrayList<>();
    lines.add("package " + name.substring(0, name.lastIndexOf('.')) + ";");
    lines.add(
        suppress()
            + deprecation(Deprecatable.MID)
            + (mid.isPublic ? "public " : "")
            + "class "
            + MID
            + " extends "
            + baseName()
            + " {");
    if (mid.hides != null) {
      lines.add("  " + mid.hides.keyword + "int " + BASE_WEIGHT + ";");
    }
    lines.addAll(overrides(Overrider.MID));
    lines.add("}");
    return JavaFileObjects.forSourceLines(name, lines);
  }

  /**
   * The overrides of {@code Base}'s getters that {@code overrider} declares: they return another
   * array, another size.
   */
  private List<String> overrides(Overrider overrider) {
    List<String> lines = new ArrayList<>();
    if (hierarchy == null) {
      return lines;
    }
    if (hierarchy.weight.overrider == overrider) {
      lines.add(
          "  @Override public "
              + BASE_WEIGHT_TYPE
              + " "
              + hierarchy.weight.getter.name(BASE_WEIGHT)
              + "() { return new float[3][2]; }");
    }
    if (hierarchy.size.overrider == overrider) {
      lines.add(
          "  @Override public int "
              + hierarchy.size.getter.name(BASE_SIZE.name())
              + "() { return "
              + OVERRIDDEN_SIZE
              + "; }");
    }
    return lines;
  }

  /** {@code Sizes}: the constants. */
  private JavaFileObject constantsFile() {
    String name = constantsName();
    List<String> lines = new ArrayList<>();
    lines.add("package " + name.substring(0, name.lastIndexOf('.')) + ";");
    lines.add(
        suppress()
            + deprecation(Deprecatable.CONSTANTS)
            + (constants.isPublic ? "public " : "")
            + "interface "
            + SIZES
            + " {");
    for (int i = 0; i < constants.members.size(); i++) {
      Constant constant = constants.members.get(i);
      lines.add(
          "  "
              + (i == 0 ? deprecation(Deprecatable.CONSTANT) : "")
              + constant.type
              + " "
              + constant.name
              + " = "
              + constant.value
              + ";");
    }
    lines.add("}");
    return JavaFileObjects.forSourceLines(name, lines);
  }

  /** {@code Sub}, a subclass of the layer in a file of its own. */
  private JavaFileObject sub(Map<String, Place> places) {
    String name = subName();
    Lines lines = new Lines();
    lines.add("package " + packageName() + ";");
    int classLine =
        lines.add(suppress() + "public class " + SUB + " extends " + layerType("Integer") + " {");
    if (subclass.hides) {
      lines.add("  public int " + weight.name + ";");
    }
    if (subclass.overrides) {
      lines.add("  final " + weight.type + " " + FROZEN + " = " + allocation(weight) + ";");
      lines.add(
          "  @Override public "
              + weight.type
              + " "
              + weight.getter.name(weight.name)
              + "() { return "
              + FROZEN
              + "; }");
    }
    if (subclass.annotated) {
      lines.add("  @dev.kinit.KaimingInit float[][] " + SUB_WEIGHT + " = new float[2][2];");
    }
    lines.add("}");
    places.put(SUB, new Place(fileOf(name), classLine));
    return JavaFileObjects.forSourceLines(name, lines.text);
  }

  private void outer(Lines lines, String outerPrefix, String declaration) {
    lines.add(outerPrefix + "public class " + outerName + " {");
    String annotation =
        misplaced == Misplaced.LAYER_CLASS ? "@" + annotationName("KaimingInit") + " " : "";
    layer(lines, deprecation(Deprecatable.LAYER) + annotation + declaration + " {", "");
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

  private void record(Lines lines, String prefix) {
    lines.classLine = lines.add(prefix + "public record " + layerName + "(");
    List<AnnotatedField> annotated = annotatedFields().stream().filter(this::isComponent).toList();
    List<String> sizes =
        sizeFields.stream().filter(this::isComponent).map(size -> "int " + size.name).toList();
    for (int i = 0; i < annotated.size(); i++) {
      AnnotatedField field = annotated.get(i);
      annotations(lines, field);
      boolean last = i + 1 == annotated.size() && sizes.isEmpty();
      lines.field(
          field.name,
          "  "
              + (field == weight ? deprecation(Deprecatable.WEIGHT) : "")
              + field.type
              + " "
              + field.name
              + (last ? ")" + extendsClause() + " {" : ","));
    }
    if (!sizes.isEmpty() || annotated.isEmpty()) {
      lines.add("  " + String.join(", ", sizes) + ")" + extendsClause() + " {");
    }
    for (AnnotatedField field : annotated) {
      if (field.getter.copies) {
        // An explicit accessor returning a defensive copy.
        lines.add(
            "  @Override public "
                + field.type
                + " "
                + field.name
                + "() { return "
                + field.name
                + ".clone(); }");
      }
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
    for (int i = 0; i < sizeFields.size(); i++) {
      size(lines, sizeFields.get(i), i == 0 ? deprecation(Deprecatable.SIZE_FIELD) : "");
    }
    if (placement != Placement.INTERFACE) {
      overrides(Overrider.LAYER).forEach(lines::add);
    }
  }

  private void declare(Lines lines, AnnotatedField field) {
    annotations(lines, field);
    boolean isWeight = field == weight;
    StringBuilder declaration =
        new StringBuilder("  ")
            .append(isWeight ? deprecation(Deprecatable.WEIGHT) : "")
            .append(field.visibility.keyword);
    for (Flag flag : field.flags) {
      declaration.append(flag.name().toLowerCase(Locale.ROOT)).append(' ');
    }
    declaration.append(field.type).append(' ').append(field.name);
    String value = initialValue(field);
    if (value != null) {
      declaration.append(" = ").append(value);
    }
    lines.field(field.name, declaration.append(';').toString());
    getter(
        lines,
        isWeight ? deprecation(Deprecatable.WEIGHT_GETTER) : "",
        field.getter,
        field.type.toString(),
        field.name,
        field.type.defaultValue());
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

  private void size(Lines lines, SizeField size, String deprecation) {
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
    lines.add(
        "  " + deprecation + modifiers + kind.type + " " + size.name + " = " + size.value + ";");
    if (placement != Placement.INTERFACE) {
      getter(lines, "", kind.getter, kind.type, size.name, "0");
    }
  }

  private static void getter(
      Lines lines,
      String deprecation,
      Accessor getter,
      String type,
      String field,
      String defaultValue) {
    if (getter.form == Getter.NONE) {
      return;
    }
    String modifiers =
        "  " + deprecation + getter.visibility.keyword + (getter.isFinal ? "final " : "");
    String name = getter.name(field);
    String value = getter.copies ? field + ".clone()" : field;
    String body = "() { return " + value + "; }";
    switch (getter.form) {
      case GET, PLAIN -> lines.add(modifiers + type + " " + name + body);
      case WRONG_TYPE -> lines.add(modifiers + "Object " + name + body);
      case STATIC ->
          lines.add(
              modifiers + "static " + type + " " + name + "() { return " + defaultValue + "; }");
      case WITH_PARAMETER ->
          lines.add(modifiers + type + " " + name + "(int unused) { return " + field + "; }");
      case NONE -> throw new AssertionError();
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
