package dev.kinit.processor;

import com.tschuchort.compiletesting.SourceFile;
import dev.kinit.Distribution;
import dev.kinit.FanMode;
import dev.kinit.Nonlinearity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One generated Kotlin input of {@link ProcessorFuzzTest}: a Kotlin class with an annotated weight
 * property of one of the forms Kotlin has (a {@code val} or {@code var} with its getter, {@code
 * lateinit}, {@code @JvmField}, a constructor property; {@code internal}, {@code protected}, {@code
 * private}; a getter renamed by {@code @get:JvmName}; {@code open}), maybe a bias, the size
 * properties {@code shapeFields} may name (some of a value class, or in the companion object), a
 * Java or Kotlin superclass, a subclass overriding the weight, and kinit annotations where no field
 * is. Only inputs: {@link KotlinSpecification} says what the processor must make of them.
 *
 * @param id the case's number; its package is {@code kfuzz.k<id>}
 * @param kind what kind of class the layer is
 * @param weight the annotated weight
 * @param kaiming whether the weight has {@code @KaimingInit} (else {@code @TorchDefaultInit})
 * @param attributes the weight's annotation's attributes but the shape, source text by name
 * @param nonlinearity the value in effect
 * @param a the value in effect
 * @param mode the value in effect
 * @param distribution the value in effect
 * @param shape the sizes of {@code shape}, empty when not written
 * @param shapeFields the names in {@code shapeFields}, empty when not written
 * @param bias a {@code @TorchDefaultInit(biasOf = ...)} property, or null
 * @param biasOf the name the bias's {@code biasOf} gives
 * @param sizes the {@code Int}-like properties
 * @param base the superclass, or null
 * @param subclass a subclass {@code Sub} of an open layer, or null
 * @param misplaced a kinit annotation where there is no field
 */
record KotlinLayerCase(
    int id,
    Kind kind,
    Property weight,
    boolean kaiming,
    Map<String, String> attributes,
    Nonlinearity nonlinearity,
    double a,
    FanMode mode,
    Distribution distribution,
    List<Integer> shape,
    List<String> shapeFields,
    Property bias,
    String biasOf,
    List<Property> sizes,
    Base base,
    Subclass subclass,
    Misplaced misplaced)
    implements GeneratedLayer {

  static final String LAYER = "Layer";
  static final String OUTER = "Outer";
  static final String SUB = "Sub";

  /** The package of what the cases of a compilation share: the value classes, the fixtures. */
  static final String SHARED = "kfuzz";

  /** The class of the shared file's functions, among them each case's fixture. */
  static final String SHARED_CLASS = SHARED + ".SharedKt";

  /** The value class of sizes, over {@code Int}, and of weights, over {@code FloatArray}. */
  static final String SIZE_CLASS = SHARED + ".Size";

  static final String WEIGHTS_CLASS = SHARED + ".Weights";

  /** The weight and the size of {@link Base}, {@code float[3][2]} and {@code 5}. */
  static final String BASE_WEIGHT = "base";

  static final String BASE_SIZE = "out";
  static final int BASE_SIZE_VALUE = 5;

  /** The weight of {@code Sub} when it is annotated. */
  static final String SUB_WEIGHT = "head";

  /** What kind of class the layer is. */
  enum Kind {
    CLASS,
    OPEN_CLASS,
    DATA_CLASS,
    /** {@code Outer.Layer}. */
    NESTED,
    /** {@code inner class} of {@code Outer}. */
    INNER,
    /** A private nested class, which generated code cannot name. */
    PRIVATE_NESTED,
    /** An {@code object}: its properties' fields are static. */
    OBJECT,
    /** An {@code enum class} with constants {@code A} and {@code B}. */
    ENUM_CLASS;

    boolean nested() {
      return this == NESTED || this == INNER || this == PRIVATE_NESTED;
    }

    /** Whether a primary constructor may declare properties. */
    boolean constructs() {
      return this != OBJECT && this != ENUM_CLASS;
    }

    /** Whether it may have a companion object. */
    boolean companion() {
      return this != OBJECT && this != INNER;
    }
  }

  /** How a property is declared. */
  enum Form {
    VAL,
    /** A {@code val} whose getter returns a copy: {@code get() = field.copyOf()}. */
    VAL_COPY,
    /** {@code val x by lazy { ... }}: its field is the delegate, {@code x$delegate}. */
    DELEGATED,
    VAR,
    LATEINIT,
    JVM_FIELD,
    /** A {@code val} of the primary constructor. */
    CONSTRUCTOR,
    /** A {@code @JvmField val} of the primary constructor. */
    CONSTRUCTOR_JVM_FIELD,
    /** {@code const val} in the companion object: a public static final field of the class. */
    COMPANION_CONST,
    /** {@code val} in the companion object: a private static field, its getter the companion's. */
    COMPANION_VAL,
    /** {@code @JvmField val} in the companion object: a public static field. */
    COMPANION_JVM_FIELD;

    boolean jvmField() {
      return this == JVM_FIELD || this == CONSTRUCTOR_JVM_FIELD || this == COMPANION_JVM_FIELD;
    }

    boolean inConstructor() {
      return this == CONSTRUCTOR || this == CONSTRUCTOR_JVM_FIELD;
    }

    boolean inCompanion() {
      return this == COMPANION_CONST || this == COMPANION_VAL || this == COMPANION_JVM_FIELD;
    }
  }

  /** A Kotlin visibility. */
  enum Visibility {
    PUBLIC(""),
    INTERNAL("internal "),
    PROTECTED("protected "),
    PRIVATE("private ");

    final String keyword;

    Visibility(String keyword) {
      this.keyword = keyword;
    }
  }

  /** The Kotlin types of properties, with the JVM types of their fields. */
  enum Type {
    FLOATS("FloatArray", "float[]", 1),
    DOUBLES("DoubleArray", "double[]", 1),
    FLOATS_2("Array<FloatArray>", "float[][]", 2),
    DOUBLES_2("Array<DoubleArray>", "double[][]", 2),
    FLOATS_3("Array<Array<FloatArray>>", "float[][][]", 3),
    DOUBLES_4("Array<Array<Array<DoubleArray>>>", "double[][][][]", 4),
    /** A value class over {@code FloatArray}: its field is a {@code float[]}. */
    WEIGHTS(WEIGHTS_CLASS, "float[]", 1),
    BOXED("Array<Float>", "java.lang.Float[]", 1),
    INTS("IntArray", "int[]", 1),
    LIST("List<FloatArray>", "java.util.List<float[]>", 0),
    INT("Int", "int", 0),
    LONG("Long", "long", 0),
    /** A value class over {@code Int}: its field is an {@code int}. */
    SIZE(SIZE_CLASS, "int", 0);

    final String kotlin;
    final String jvm;
    final int rank;

    Type(String kotlin, String jvm, int rank) {
      this.kotlin = kotlin;
      this.jvm = jvm;
      this.rank = rank;
    }

    /** Whether the field is a float[] or double[] of 1 to 5 dimensions. */
    boolean weightArray() {
      return this == FLOATS
          || this == DOUBLES
          || this == FLOATS_2
          || this == DOUBLES_2
          || this == FLOATS_3
          || this == DOUBLES_4
          || this == WEIGHTS;
    }

    /** Whether its getter's JVM name has a hash appended, which Java cannot call. */
    boolean valueClass() {
      return this == WEIGHTS || this == SIZE;
    }

    boolean isDouble() {
      return jvm.startsWith("double");
    }
  }

  /**
   * A property.
   *
   * @param jvmName whether its getter is renamed {@code fetch<Name>} by {@code @get:JvmName}
   * @param open whether it is {@code open} (in an open class)
   * @param dims the sizes it is allocated with (one per dimension; a flat array's length), or its
   *     value for an {@code Int}
   */
  record Property(
      String name,
      Form form,
      Visibility visibility,
      boolean jvmName,
      boolean open,
      Type type,
      List<Integer> dims) {

    /** The JVM name of its getter, if it has one: {@code getX}, {@code getX$main}, {@code isX}. */
    String getter() {
      if (form.jvmField() || form.inCompanion() || visibility == Visibility.PRIVATE) {
        return null;
      }
      if (jvmName) {
        return "fetch" + capitalized();
      }
      boolean is =
          name.startsWith("is") && name.length() > 2 && Character.isUpperCase(name.charAt(2));
      String getter = is ? name : "get" + capitalized();
      if (type.valueClass()) {
        getter += "-hash"; // Kotlin appends a hash of the signature; Java cannot call it
      }
      // kctfork's module is "main".
      return visibility == Visibility.INTERNAL ? getter + "$main" : getter;
    }

    private String capitalized() {
      return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** The name of its field: a delegated property's is the delegate's. */
    String fieldName() {
      return form == Form.DELEGATED ? name + "$delegate" : name;
    }

    /** The Kotlin expression that allocates it. */
    String allocation() {
      return switch (type) {
        case FLOATS -> "FloatArray(" + dims.get(0) + ")";
        case DOUBLES -> "DoubleArray(" + dims.get(0) + ")";
        case WEIGHTS -> WEIGHTS_CLASS + "(FloatArray(" + dims.get(0) + "))";
        case FLOATS_2, DOUBLES_2, FLOATS_3, DOUBLES_4 -> nested(0);
        case BOXED -> "Array(2) { 0f }";
        case INTS -> "IntArray(2)";
        case LIST -> "listOf(FloatArray(2))";
        case INT -> String.valueOf(dims.get(0));
        case LONG -> dims.get(0) + "L";
        case SIZE -> SIZE_CLASS + "(" + dims.get(0) + ")";
      };
    }

    private String nested(int level) {
      if (level == dims.size() - 1) {
        return (type.isDouble() ? "DoubleArray(" : "FloatArray(") + dims.get(level) + ")";
      }
      return "Array(" + dims.get(level) + ") { " + nested(level + 1) + " }";
    }
  }

  /** How {@code Base} declares its weight {@link #BASE_WEIGHT}. */
  enum BaseForm {
    /** Kotlin {@code val}: a private field, a public getter. */
    VAL,
    PROTECTED_VAL,
    INTERNAL_VAL,
    /** Kotlin {@code open val}, which the layer may override. */
    OPEN_VAL,
    JVM_FIELD,
    PRIVATE_VAL,
    /** Java: a public field. */
    JAVA_PUBLIC,
    JAVA_PROTECTED,
    /** Java: a package-private field. */
    JAVA_PACKAGE,
    /** Java: a private field with a public getter. */
    JAVA_PRIVATE_PUBLIC_GETTER,
    JAVA_PRIVATE_PROTECTED_GETTER,
    JAVA_PRIVATE;

    boolean java() {
      return name().startsWith("JAVA_");
    }
  }

  /**
   * The superclass {@code Base<id>}, Kotlin or Java, in the layer's package or in {@code
   * <package>.b}, with a weight {@link #BASE_WEIGHT} and a size {@link #BASE_SIZE}.
   *
   * @param torch whether its weight has {@code @TorchDefaultInit} (else {@code @KaimingInit})
   * @param overridden whether the layer overrides the {@code open val} weight
   * @param sizeForm how it declares its size: {@link Form#VAL} (with a getter) or {@link
   *     Form#JVM_FIELD} (public), unless {@code sizePrivate}
   */
  record Base(
      BaseForm form,
      boolean otherPackage,
      boolean torch,
      boolean overridden,
      Form sizeForm,
      boolean sizePrivate) {}

  /**
   * A class {@code Sub} extending the (open) layer, overriding its {@code open} weight.
   *
   * @param annotated whether it has a weight of its own, and so an initializer
   */
  record Subclass(boolean annotated) {}

  /** A kinit annotation where no field is. */
  enum Misplaced {
    NONE,
    /** {@code @get:KaimingInit} on a property of the layer. */
    GETTER,
    /** {@code @property:KaimingInit} on a property of the layer. */
    PROPERTY,
    /** On a function of the layer. */
    FUNCTION,
    /** On another class. */
    CLASS,
    /** On an entry of an enum class. */
    ENUM_ENTRY
  }

  /** What this case exercises, for the coverage check. */
  Set<String> features() {
    Set<String> features = new HashSet<>();
    features.add("kotlin kind " + kind);
    features.add("kotlin weight " + describe(weight));
    features.add("kotlin weight type " + weight.type);
    for (Property size : sizes) {
      features.add("kotlin size " + describe(size));
      features.add("kotlin size type " + size.type);
    }
    if (bias != null) {
      features.add("kotlin bias " + describe(bias));
      features.add("kotlin bias of " + (biasOf.equals(BASE_WEIGHT) ? "base" : "weight"));
    }
    if (base != null) {
      features.add("kotlin base " + base.form);
      features.add("kotlin base in " + (base.otherPackage ? "another package" : "the package"));
      features.add("kotlin base size " + (base.sizePrivate ? "private " : "") + base.sizeForm);
      if (base.overridden) {
        features.add("kotlin base weight overridden");
      }
    }
    if (subclass != null) {
      features.add("kotlin subclass" + (subclass.annotated ? " annotated" : ""));
    }
    features.add("kotlin misplaced " + misplaced);
    features.add(
        "kotlin shape "
            + (!shape.isEmpty() ? "shape" : !shapeFields.isEmpty() ? "shapeFields" : "none"));
    return features;
  }

  private static String describe(Property property) {
    return property.form
        + " "
        + property.visibility
        + (property.jvmName ? " jvmName" : "")
        + (property.open ? " open" : "");
  }

  @Override
  public String describe() {
    return "kotlin case " + id;
  }

  @Override
  public String weightLabel() {
    return LAYER + "." + weight.name;
  }

  @Override
  public List<String> biasField() {
    return bias == null ? List.of() : List.of(layerBinaryName(), bias.name);
  }

  /** The package of this case. */
  @Override
  public String packageName() {
    return String.format(Locale.ROOT, "kfuzz.k%04d", id);
  }

  /** The file with the layer: {@code K0001.kt}. */
  String mainFile() {
    return String.format(Locale.ROOT, "K%04d.kt", id);
  }

  /** The simple name of {@code Base}, unique among the cases (Java needs a file of its name). */
  String baseSimpleName() {
    return String.format(Locale.ROOT, "Base%04d", id);
  }

  String basePackage() {
    return base.otherPackage ? packageName() + ".b" : packageName();
  }

  String baseName() {
    return basePackage() + "." + baseSimpleName();
  }

  /** The file of {@code Base}. */
  String baseFile() {
    return base.form.java()
        ? baseSimpleName() + ".java"
        : String.format(Locale.ROOT, "K%04dBase.kt", id);
  }

  /** The binary name of the layer class. */
  @Override
  public String layerBinaryName() {
    return packageName() + "." + (kind.nested() ? OUTER + "$" : "") + LAYER;
  }

  @Override
  public String subName() {
    return packageName() + "." + SUB;
  }

  /** The initializer the README promises. */
  @Override
  public String initializerName() {
    return packageName() + "." + (kind.nested() ? OUTER + "_" : "") + LAYER + "Initializer";
  }

  /** The name of this case's fixture function, which returns a layer (a {@code Sub} if any). */
  String fixture() {
    return String.format(Locale.ROOT, "newLayer%04d", id);
  }

  /** The properties of the layer: the weight, the bias, the sizes. */
  List<Property> properties() {
    List<Property> properties = new ArrayList<>();
    properties.add(weight);
    if (bias != null) {
      properties.add(bias);
    }
    properties.addAll(sizes);
    return properties;
  }

  /**
   * The sources of this case and where things are.
   *
   * @param texts each file's text, by file name
   * @param lines by name ({@code "class"}, {@code "Sub"}, {@code "misplaced"}, a property's name,
   *     {@code "Base.base"}), the file and line
   */
  record Source(Map<String, String> texts, Map<String, LayerCase.Place> lines) {
    /** The files, for kctfork. */
    List<SourceFile> files() {
      List<SourceFile> files = new ArrayList<>();
      texts.forEach(
          (name, text) ->
              files.add(
                  name.endsWith(".java")
                      ? SourceFile.Companion.java(name, text, false)
                      : SourceFile.Companion.kotlin(name, text, false)));
      return files;
    }

    LayerCase.Place place(String what) {
      LayerCase.Place place = lines.get(what);
      if (place == null) {
        throw new IllegalStateException(what + " is not declared");
      }
      return place;
    }
  }

  /**
   * The file the cases of a compilation share, {@code Shared.kt}: the value classes, and for each
   * of {@code runnable} a function that creates its layer ({@link #fixture()}). Each class costs
   * kapt time, so the cases do not declare these themselves.
   */
  static SourceFile shared(List<KotlinLayerCase> runnable) {
    List<String> lines = new ArrayList<>();
    lines.add("package " + SHARED);
    lines.add("@JvmInline value class Size(val n: Int)");
    lines.add("@JvmInline value class Weights(val a: FloatArray)");
    for (KotlinLayerCase layer : runnable) {
      String created =
          layer.packageName() + "." + (layer.subclass != null ? SUB + "()" : layer.newLayer());
      lines.add("fun " + layer.fixture() + "(): Any = " + created);
    }
    return SourceFile.Companion.kotlin("Shared.kt", String.join("\n", lines) + "\n", false);
  }

  /** Renders the case (its fixture is in {@link #shared}). */
  Source source() {
    Map<String, LayerCase.Place> places = new HashMap<>();
    String main = mainFile();
    List<String> lines = new ArrayList<>();
    lines.add("package " + packageName());
    lines.add("import dev.kinit.*");
    if (misplaced == Misplaced.CLASS) {
      // A class of its own, before the layer.
      place(places, "misplaced", main, add(lines, "@KaimingInit class Extra"));
    }
    if (kind.nested()) {
      lines.add("class " + OUTER + " {");
    }
    String superclass = base == null ? "" : " : " + baseName() + "()";
    List<Property> constructor = properties().stream().filter(p -> p.form.inConstructor()).toList();
    String header =
        switch (kind) {
          case CLASS, NESTED -> "class " + LAYER;
          case OPEN_CLASS -> "open class " + LAYER;
          case DATA_CLASS -> "data class " + LAYER;
          case INNER -> "inner class " + LAYER;
          case PRIVATE_NESTED -> "private class " + LAYER;
          case OBJECT -> "object " + LAYER;
          case ENUM_CLASS -> "enum class " + LAYER;
        };
    if (constructor.isEmpty()) {
      place(places, "class", main, add(lines, header + superclass + " {"));
    } else {
      place(places, "class", main, add(lines, header + "("));
      for (Property property : constructor) {
        place(places, property.name, main, add(lines, "  " + declaration(property) + ","));
      }
      add(lines, ")" + superclass + " {");
    }
    if (kind == Kind.ENUM_CLASS) {
      add(lines, "  A, B;");
    }
    List<String> initialized = new ArrayList<>();
    for (Property property : properties()) {
      if (!property.form.inConstructor() && !property.form.inCompanion()) {
        place(places, property.name, main, add(lines, "  " + declaration(property)));
        if (property.form == Form.LATEINIT) {
          initialized.add(property.name + " = " + property.allocation());
        }
      }
    }
    if (base != null && base.overridden) {
      add(lines, "  override val " + BASE_WEIGHT + " = Array(3) { FloatArray(2) }");
    }
    String extra =
        switch (misplaced) {
          case GETTER -> "  @get:KaimingInit val extra = Array(2) { FloatArray(2) }";
          case PROPERTY -> "  @property:KaimingInit val extra = Array(2) { FloatArray(2) }";
          case FUNCTION ->
              "  @TorchDefaultInit fun extra(): Array<FloatArray> = Array(2) { FloatArray(2) }";
          default -> null;
        };
    if (extra != null) {
      place(places, "misplaced", main, add(lines, extra));
    }
    if (!initialized.isEmpty()) {
      add(lines, "  init { " + String.join("; ", initialized) + " }");
    }
    List<Property> companion = properties().stream().filter(p -> p.form.inCompanion()).toList();
    if (!companion.isEmpty()) {
      add(lines, "  companion object {");
      for (Property property : companion) {
        place(places, property.name, main, add(lines, "    " + declaration(property)));
      }
      add(lines, "  }");
    }
    add(lines, "}");
    if (kind.nested()) {
      add(lines, "}");
    }
    if (misplaced == Misplaced.ENUM_ENTRY) {
      place(places, "misplaced", main, add(lines, "enum class Extra { @KaimingInit A, B }"));
    }
    if (subclass != null) {
      place(places, SUB, main, add(lines, "class " + SUB + " : " + newLayer() + " {"));
      add(lines, "  override val " + weight.name + " = " + weight.allocation());
      if (subclass.annotated) {
        add(lines, "  @KaimingInit val " + SUB_WEIGHT + " = Array(2) { FloatArray(2) }");
      }
      add(lines, "}");
    }
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put(main, String.join("\n", lines) + "\n");
    if (base != null) {
      texts.put(baseFile(), base(places));
    }
    return new Source(texts, places);
  }

  private static void place(
      Map<String, LayerCase.Place> places, String what, String file, int line) {
    places.put(what, new LayerCase.Place(file, line));
  }

  private static int add(List<String> lines, String line) {
    lines.add(line);
    return lines.size();
  }

  /** A property's declaration on one line, with its annotation if it has one. */
  private String declaration(Property property) {
    StringBuilder text = new StringBuilder();
    if (property == weight) {
      text.append(weightAnnotation()).append(' ');
    } else if (property == bias) {
      text.append("@TorchDefaultInit(biasOf = \"").append(biasOf).append("\") ");
    }
    if (property.jvmName) {
      text.append("@get:JvmName(\"fetch")
          .append(Character.toUpperCase(property.name.charAt(0)))
          .append(property.name.substring(1))
          .append("\") ");
    }
    if (property.form.jvmField()) {
      text.append("@JvmField ");
    }
    text.append(property.visibility.keyword);
    if (property.open) {
      text.append("open ");
    }
    if (property.form == Form.DELEGATED) {
      return text.append("val ")
          .append(property.name)
          .append(" by lazy { ")
          .append(property.allocation())
          .append(" }")
          .toString();
    }
    switch (property.form) {
      case VAL,
          VAL_COPY,
          JVM_FIELD,
          CONSTRUCTOR,
          CONSTRUCTOR_JVM_FIELD,
          COMPANION_VAL,
          COMPANION_JVM_FIELD ->
          text.append("val ");
      case VAR -> text.append("var ");
      case LATEINIT -> text.append("lateinit var ");
      case COMPANION_CONST -> text.append("const val ");
      case DELEGATED -> throw new AssertionError();
    }
    text.append(property.name).append(": ").append(property.type.kotlin);
    if (!property.form.inConstructor() && property.form != Form.LATEINIT) {
      text.append(" = ").append(property.allocation());
    }
    if (property.form == Form.VAL_COPY) {
      text.append("; get() = field.copyOf()");
    }
    return text.toString();
  }

  private String weightAnnotation() {
    List<String> written = new ArrayList<>();
    attributes.forEach((name, value) -> written.add(name + " = " + value));
    if (!shape.isEmpty()) {
      written.add(
          "shape = "
              + shape.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]")));
    }
    if (!shapeFields.isEmpty()) {
      written.add(
          "shapeFields = "
              + shapeFields.stream()
                  .map(name -> '"' + name + '"')
                  .collect(Collectors.joining(", ", "[", "]")));
    }
    String name = kaiming ? "@KaimingInit" : "@TorchDefaultInit";
    return written.isEmpty() ? name : name + "(" + String.join(", ", written) + ")";
  }

  /** The expression that creates a layer (its constructor call, for {@code Sub} too). */
  String newLayer() {
    String arguments =
        properties().stream()
            .filter(p -> p.form.inConstructor())
            .map(Property::allocation)
            .collect(Collectors.joining(", ", "(", ")"));
    return switch (kind) {
      case CLASS, OPEN_CLASS, DATA_CLASS -> LAYER + arguments;
      case NESTED -> OUTER + "." + LAYER + arguments;
      case INNER -> OUTER + "()." + LAYER + arguments;
      case OBJECT -> LAYER;
      case ENUM_CLASS -> LAYER + ".A";
      case PRIVATE_NESTED -> throw new IllegalStateException("a private class cannot be created");
    };
  }

  /** The text of {@code Base}, in Kotlin or Java. */
  private String base(Map<String, LayerCase.Place> places) {
    List<String> lines = new ArrayList<>();
    String file = baseFile();
    String annotation =
        base.torch
            ? "@dev.kinit.TorchDefaultInit"
            : "@dev.kinit.KaimingInit(nonlinearity = dev.kinit.Nonlinearity.RELU)";
    int weightLine;
    if (base.form.java()) {
      lines.add("package " + basePackage() + ";");
      place(places, "Base", file, add(lines, "public class " + baseSimpleName() + " {"));
      boolean publicSize = !base.sizePrivate && base.sizeForm == Form.JVM_FIELD;
      lines.add(
          "  "
              + (publicSize ? "public" : "private")
              + " int "
              + BASE_SIZE
              + " = "
              + BASE_SIZE_VALUE
              + ";");
      if (!base.sizePrivate && base.sizeForm != Form.JVM_FIELD) {
        lines.add("  public int getOut() { return " + BASE_SIZE + "; }");
      }
      String access =
          switch (base.form) {
            case JAVA_PUBLIC -> "public ";
            case JAVA_PROTECTED -> "protected ";
            case JAVA_PACKAGE -> "";
            default -> "private ";
          };
      weightLine =
          add(
              lines,
              "  "
                  + annotation
                  + " "
                  + access
                  + "final float[][] "
                  + BASE_WEIGHT
                  + " = new float[3][2];");
      if (base.form == BaseForm.JAVA_PRIVATE_PUBLIC_GETTER) {
        lines.add("  public float[][] getBase() { return " + BASE_WEIGHT + "; }");
      } else if (base.form == BaseForm.JAVA_PRIVATE_PROTECTED_GETTER) {
        lines.add("  protected float[][] getBase() { return " + BASE_WEIGHT + "; }");
      }
      lines.add("}");
    } else {
      lines.add("package " + basePackage());
      place(places, "Base", file, add(lines, "open class " + baseSimpleName() + " {"));
      // Kotlin rejects @JvmField on a private property.
      String size =
          base.sizePrivate ? "private " : base.sizeForm == Form.JVM_FIELD ? "@JvmField " : "";
      lines.add("  " + size + "val " + BASE_SIZE + " = " + BASE_SIZE_VALUE);
      String declaration =
          switch (base.form) {
            case VAL -> "val";
            case PROTECTED_VAL -> "protected val";
            case INTERNAL_VAL -> "internal val";
            case OPEN_VAL -> "open val";
            case JVM_FIELD -> "@JvmField val";
            case PRIVATE_VAL -> "private val";
            default -> throw new AssertionError(base.form);
          };
      weightLine =
          add(
              lines,
              "  "
                  + annotation
                  + " "
                  + declaration
                  + " "
                  + BASE_WEIGHT
                  + " = Array(3) { FloatArray(2) }");
      lines.add("}");
    }
    place(places, "Base." + BASE_WEIGHT, file, weightLine);
    return String.join("\n", lines) + "\n";
  }
}
