package dev.kinit.processor;

import dev.kinit.Distribution;
import dev.kinit.FanMode;
import dev.kinit.Nonlinearity;
import dev.kinit.processor.LayerCase.AnnotatedField;
import dev.kinit.processor.LayerCase.Attributes;
import dev.kinit.processor.LayerCase.Bias;
import dev.kinit.processor.LayerCase.ElementKind;
import dev.kinit.processor.LayerCase.FieldType;
import dev.kinit.processor.LayerCase.Flag;
import dev.kinit.processor.LayerCase.Getter;
import dev.kinit.processor.LayerCase.Placement;
import dev.kinit.processor.LayerCase.Rule;
import dev.kinit.processor.LayerCase.SizeField;
import dev.kinit.processor.LayerCase.SizeKind;
import dev.kinit.processor.LayerCase.Superclass;
import dev.kinit.processor.LayerCase.Target;
import dev.kinit.processor.LayerCase.Visibility;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Draws random {@link LayerCase}s. Each dimension of the input (placement, annotations, type,
 * modifiers, shape, attributes, bias, superclass) is drawn on its own, biased towards valid choices
 * so that a quarter of the cases are valid; case {@code id} of seed {@code seed} is always the same
 * case, whatever else is drawn.
 */
final class LayerCaseGenerator {

  private static final List<String> LAYER_NAMES =
      List.of(
          "Layer",
          "Conv2d",
          "Head",
          "Kaiming",
          "FloatTensor",
          "DoubleTensor",
          "Objects",
          "Generated",
          "RandomGenerator",
          "Tensor");
  private static final List<String> OUTER_NAMES = List.of("Net", "Model", "Kaiming", "Objects");

  /**
   * Weight names: plain ones, the local names of the generated method ({@code layer}, {@code
   * random}), and names of types and packages the generated code refers to, which a local variable
   * of the same name would obscure.
   */
  private static final List<String> WEIGHT_NAMES =
      List.of(
          "weight",
          "w",
          "layer",
          "random",
          "tensor",
          "base",
          "ω",
          "_w",
          "$w",
          "Kaiming",
          "FloatTensor",
          "DoubleTensor",
          "FanMode",
          "Objects",
          "RandomGenerator",
          "LayerDefaults",
          "dev",
          "java",
          "fuzz");

  /**
   * Bias names: like the weight's, and the inherited fields' (which a bias of that name hides). Not
   * {@code dev}, {@code FanMode} and the like, which would obscure the weight's attribute values
   * (see {@code qualified} below).
   */
  private static final List<String> BIAS_NAMES =
      List.of(
          "bias",
          "b",
          "weight",
          "layer",
          "random",
          "tensor",
          "β",
          LayerCase.BASE_WEIGHT,
          LayerCase.BASE_BIAS,
          "LayerDefaults",
          "Kaiming",
          "FloatTensor",
          "Objects",
          "RandomGenerator",
          "java");

  private static final List<String> SIZE_NAMES = List.of("out", "in", "kh", "kw", "rows");

  private static final List<String> OTHER_PRIMITIVES =
      List.of("boolean", "byte", "short", "char", "int", "long");
  private static final List<String> BOXED =
      List.of("Boolean", "Byte", "Short", "Character", "Integer", "Long", "Float", "Double");
  private static final List<String> REFERENCES =
      List.of(
          "Object",
          "String",
          "java.util.List<Float>",
          "java.util.List<float[]>",
          "java.util.Map<String, double[][]>");
  private static final List<String> UNRESOLVED = List.of("Missing", "java.util.List<Missing>");

  /** Values of {@code a}: their source text, and the value Java gives that text. */
  private record Slope(String code, double value) {}

  private static final List<Slope> FINITE_SLOPES =
      List.of(
          new Slope("0", 0),
          new Slope("-0.0", -0.0),
          new Slope("0.01", 0.01),
          new Slope("0.2", 0.2),
          new Slope("-0.5", -0.5),
          new Slope("1", 1),
          new Slope("5", 5),
          new Slope("-100", -100));
  private static final List<Slope> EXTREME_SLOPES =
      List.of(
          new Slope("1e-300", 1e-300),
          new Slope("Double.MIN_VALUE", Double.MIN_VALUE),
          new Slope("Float.MAX_VALUE", Float.MAX_VALUE),
          new Slope("1e154", 1e154),
          new Slope("-1.3e154", -1.3e154),
          new Slope("1.4e154", 1.4e154),
          new Slope("1e200", 1e200),
          new Slope("Double.MAX_VALUE", Double.MAX_VALUE),
          new Slope("-Double.MAX_VALUE", -Double.MAX_VALUE),
          new Slope("Double.NaN", Double.NaN),
          new Slope("0.0 / 0.0", 0.0 / 0.0),
          new Slope("Float.NaN", Float.NaN),
          new Slope("Double.POSITIVE_INFINITY", Double.POSITIVE_INFINITY),
          new Slope("Double.NEGATIVE_INFINITY", Double.NEGATIVE_INFINITY),
          new Slope("1e308 * 10", 1e308 * 10),
          new Slope("-1.0 / 0.0", -1.0 / 0.0));

  /** Sizes of {@code shape} beyond the usual small ones. */
  private static final List<Integer> ODD_SIZES =
      List.of(-1, -20, Integer.MIN_VALUE, 65536, 1 << 20, Integer.MAX_VALUE);

  /** The longest flat array allocated; a larger shape gets 6 elements, which do not match it. */
  static final int MAX_ALLOCATED = 1 << 16;

  private final int id;
  private final SplittableRandom random;

  private LayerCaseGenerator(int id, long seed) {
    this.id = id;
    this.random = new SplittableRandom(seed * 1_000_003L + id);
  }

  /** Case {@code id} of the run with {@code seed}. */
  static LayerCase generate(int id, long seed) {
    return new LayerCaseGenerator(id, seed).generate();
  }

  private LayerCase generate() {
    Placement placement =
        weighted(
            Map.ofEntries(
                Map.entry(Placement.TOP_LEVEL, 14),
                Map.entry(Placement.GENERIC, 8),
                Map.entry(Placement.SUBCLASS, 7),
                Map.entry(Placement.NESTED_SUBCLASS, 5),
                Map.entry(Placement.STATIC_NESTED, 8),
                Map.entry(Placement.INNER, 8),
                Map.entry(Placement.ENUM, 7),
                Map.entry(Placement.RECORD, 8),
                Map.entry(Placement.INTERFACE, 3),
                Map.entry(Placement.PRIVATE_NESTED, 2),
                Map.entry(Placement.NESTED_IN_PRIVATE, 2),
                Map.entry(Placement.LOCAL, 2),
                Map.entry(Placement.ANONYMOUS, 2),
                Map.entry(Placement.ENUM_CONSTANT_BODY, 1)));
    // A nested class named like its superclass: Outer.Base's labels are those of Base.
    String layerName = placement == Placement.NESTED_SUBCLASS ? "Base" : pick(LAYER_NAMES);
    String outerName = pick(OUTER_NAMES);
    while (outerName.equals(layerName)) {
      outerName = pick(OUTER_NAMES);
    }

    Rule rule =
        weighted(
            Map.of(
                Rule.KAIMING, 46,
                Rule.TORCH_DEFAULT, 44,
                Rule.KAIMING_AND_TORCH, 5,
                Rule.TORCH_AND_KAIMING, 5));
    Declaration declaration = declaration(placement, false);
    String name = pick(WEIGHT_NAMES);
    if (placement == Placement.NESTED_SUBCLASS && chance(0.5)) {
      name = LayerCase.BASE_WEIGHT; // hides Base.base, which has the same label
    } else if (chance(0.05)) {
      name = placement.nested() ? outerName : layerName;
    }
    List<SizeField> sizeFields = sizeFields(placement, declaration.type);
    List<SizeField> visible = new ArrayList<>(sizeFields);
    if (placement.inherits()
        && sizeFields.stream().noneMatch(size -> size.name().equals(LayerCase.BASE_SIZE.name()))) {
      visible.add(LayerCase.BASE_SIZE);
    }
    Attributes attributes = attributes(placement, rule, declaration.type, name, visible);
    AnnotatedField weight = declaration.field(name, dims(declaration.type, attributes, visible));
    Superclass superclass =
        !placement.inherits()
            ? Superclass.NONE
            : weighted(
                Map.of(
                    Superclass.KAIMING, 4,
                    Superclass.TORCH_DEFAULT, 3,
                    Superclass.TORCH_WITH_BIAS, 3));
    Bias bias =
        chance(rule == Rule.KAIMING ? 0.3 : 0.55)
            ? bias(placement, superclass, weight, attributes, visible)
            : null;
    // The source's own attribute values start with FanMode., Nonlinearity., Distribution. (when
    // imported) or dev. (when qualified): a field of that name would obscure them (JLS 6.4.2).
    boolean qualified =
        switch (name) {
          case "FanMode", "Nonlinearity", "Distribution" -> true;
          case "dev" -> false;
          default -> chance(0.3);
        };
    return new LayerCase(
        id,
        placement,
        layerName,
        outerName,
        qualified,
        chance(0.02),
        rule,
        weight,
        sizeFields,
        attributes,
        bias,
        superclass);
  }

  /** An annotated field's type, modifiers and getter, before its name and sizes are drawn. */
  private record Declaration(
      FieldType type, Visibility visibility, Set<Flag> flags, Getter getter) {
    AnnotatedField field(String name, List<Integer> dims) {
      return new AnnotatedField(type, name, visibility, flags, getter, dims);
    }
  }

  /** Draws the declaration of the weight or, with {@code bias}, of a bias. */
  private Declaration declaration(Placement placement, boolean bias) {
    Visibility visibility =
        weighted(
            Map.of(
                Visibility.PACKAGE, 55,
                Visibility.PUBLIC, 12,
                Visibility.PROTECTED, 6,
                Visibility.PRIVATE, 27));
    Set<Flag> flags = EnumSet.noneOf(Flag.class);
    addIf(flags, Flag.STATIC, 0.06);
    addIf(flags, Flag.FINAL, 0.35);
    if (!flags.contains(Flag.FINAL)) {
      addIf(flags, Flag.VOLATILE, 0.15); // final volatile is not Java
    }
    addIf(flags, Flag.TRANSIENT, 0.12);
    boolean isStatic = flags.contains(Flag.STATIC);
    FieldType type = bias ? biasType(placement, isStatic) : type(placement, isStatic);
    Getter getter =
        visibility == Visibility.PRIVATE
            ? weighted(
                Map.of(
                    Getter.GET, 40,
                    Getter.PLAIN, 30,
                    Getter.NONE, 8,
                    Getter.WRONG_TYPE, 6,
                    Getter.PRIVATE, 6,
                    Getter.STATIC, 5,
                    Getter.WITH_PARAMETER, 5))
            : chance(0.1) ? Getter.GET : Getter.NONE;
    if (type.kind() == ElementKind.UNRESOLVED
        || type.kind() == ElementKind.TYPE_VARIABLE && getter == Getter.STATIC) {
      getter = Getter.NONE; // javac would report the getter itself, away from the field
    }
    if (placement == Placement.INTERFACE) {
      // Interface fields are public static final: only these modifiers may be written.
      visibility = chance(0.5) ? Visibility.PUBLIC : Visibility.PACKAGE;
      flags.retainAll(EnumSet.of(Flag.STATIC, Flag.FINAL));
      getter = Getter.NONE;
    } else if (placement == Placement.RECORD && !isStatic) {
      // A record component: a private final field with an accessor of its name.
      visibility = Visibility.PRIVATE;
      flags = EnumSet.of(Flag.FINAL);
      getter = Getter.PLAIN;
    }
    return new Declaration(type, visibility, flags, getter);
  }

  /**
   * A bias: mostly of the weight, which may be valid or not, and a 1-D float[] or double[] as long
   * as the weight's output size; else of something that is not a weight, of another type, with a
   * shape, or declared before its weight.
   */
  private Bias bias(
      Placement placement,
      Superclass superclass,
      AnnotatedField weight,
      Attributes attributes,
      List<SizeField> sizeFields) {
    boolean inherits = superclass != Superclass.NONE;
    boolean baseBias = superclass == Superclass.TORCH_WITH_BIAS;
    Target target =
        weighted(
            Map.of(
                Target.WEIGHT, 56,
                Target.INHERITED_WEIGHT, inherits ? 25 : 0,
                Target.INHERITED_BIAS, baseBias ? 25 : 0,
                Target.MISSING, 8,
                Target.UNANNOTATED, 8,
                Target.OTHER_BIAS, 6,
                Target.ITSELF, 4,
                Target.SIZE_FIELD, sizeFields.isEmpty() ? 0 : 6));
    Declaration declaration = declaration(placement, true);
    String name = pick(BIAS_NAMES);
    while (name.equals(weight.name())) {
      name = pick(BIAS_NAMES);
    }
    String biasOf =
        switch (target) {
          case WEIGHT -> weight.name();
          case INHERITED_WEIGHT -> LayerCase.BASE_WEIGHT;
          case INHERITED_BIAS -> LayerCase.BASE_BIAS;
          case MISSING -> missing(weight.name(), name, sizeFields);
          case UNANNOTATED -> LayerCase.PLAIN;
          case OTHER_BIAS -> LayerCase.OTHER_BIAS;
          case ITSELF -> name;
          case SIZE_FIELD -> pick(sizeFields).name();
        };
    boolean unresolved = chance(0.02);
    Map<String, String> written = new LinkedHashMap<>();
    written.put("biasOf", unresolved ? "Missing.NAME" : '"' + biasOf + '"');
    String shapes =
        weighted(Map.of("none", 86, "shape", 5, "shapeFields", 4, "both", 2, "empty", 3));
    if (shapes.equals("shape") || shapes.equals("both")) {
      written.put("shape", list(shape().stream().map(String::valueOf).toList()));
    }
    if (shapes.equals("shapeFields") || shapes.equals("both")) {
      String size = sizeFields.isEmpty() ? "out" : pick(sizeFields).name();
      written.put("shapeFields", list(List.of('"' + size + '"')));
    }
    if (shapes.equals("empty")) {
      written.put(chance(0.5) ? "shape" : "shapeFields", "{}");
    }
    List<Integer> dims = List.of();
    FieldType type = declaration.type;
    boolean elements = type.kind() == ElementKind.FLOAT || type.kind() == ElementKind.DOUBLE;
    if (elements && type.rank() == 1) {
      dims =
          List.of(
              chance(0.75)
                  ? outputSize(weight, attributes, sizeFields)
                  : chance(0.3) ? 0 : 1 + random.nextInt(5));
    } else if (elements && type.rank() >= 2 && type.rank() <= 5) {
      dims = nested(type.rank());
    }
    return new Bias(
        declaration.field(name, dims),
        target,
        unresolved ? null : biasOf,
        chance(0.25),
        shuffled(written),
        unresolved);
  }

  /** A name of no field of the class: a misspelling of the weight's, a method's. */
  private String missing(String weight, String bias, List<SizeField> sizeFields) {
    String name = pick(List.of("nope", "toString", weight + "s", weight.toUpperCase(Locale.ROOT)));
    boolean taken =
        name.equals(weight)
            || name.equals(bias)
            || sizeFields.stream().anyMatch(size -> size.name().equals(name))
            || List.of(LayerCase.BASE_WEIGHT, LayerCase.BASE_BIAS).contains(name);
    return taken ? "nope" : name;
  }

  /** The weight's first size, which a bias's length usually is, when the weight has one. */
  private int outputSize(AnnotatedField weight, Attributes attributes, List<SizeField> sizeFields) {
    if (weight.dims().size() > 1) {
      return weight.dims().get(0);
    }
    if (!attributes.shape().isEmpty() && attributes.shape().get(0) >= 0) {
      return Math.min(attributes.shape().get(0), 64);
    }
    if (!attributes.shapeFields().isEmpty()) {
      String first = attributes.shapeFields().get(0);
      return sizeFields.stream()
          .filter(size -> size.name().equals(first))
          .mapToInt(SizeField::value)
          .findFirst()
          .orElse(3);
    }
    return 1 + random.nextInt(4);
  }

  /**
   * Mostly float[] or double[]; else a weight's type, and often a type variable where there is one.
   */
  private FieldType biasType(Placement placement, boolean isStatic) {
    if (chance(0.75)) {
      return floatsOrDoubles(1);
    }
    if (placement == Placement.GENERIC && !isStatic && chance(0.3)) {
      return new FieldType("T", ElementKind.TYPE_VARIABLE, random.nextInt(3));
    }
    return type(placement, isStatic);
  }

  private FieldType type(Placement placement, boolean isStatic) {
    if (chance(0.72)) {
      return floatsOrDoubles(chance(0.4) ? 1 : 2 + random.nextInt(4));
    }
    int rank = random.nextInt(7);
    return switch (random.nextInt(6)) {
      case 0 -> floatsOrDoubles(chance(0.5) ? 0 : 6);
      case 1 -> new FieldType(pick(OTHER_PRIMITIVES), ElementKind.OTHER_PRIMITIVE, rank);
      case 2 -> new FieldType(pick(BOXED), ElementKind.BOXED, rank);
      case 3 ->
          placement == Placement.GENERIC && !isStatic
              ? new FieldType("T", ElementKind.TYPE_VARIABLE, rank)
              : new FieldType(pick(REFERENCES), ElementKind.REFERENCE, rank);
      case 4 -> new FieldType(pick(REFERENCES), ElementKind.REFERENCE, rank);
      default -> new FieldType(pick(UNRESOLVED), ElementKind.UNRESOLVED, rank);
    };
  }

  private FieldType floatsOrDoubles(int rank) {
    return chance(0.6)
        ? new FieldType("float", ElementKind.FLOAT, rank)
        : new FieldType("double", ElementKind.DOUBLE, rank);
  }

  private List<SizeField> sizeFields(Placement placement, FieldType type) {
    int count = type.rank() == 1 ? 2 + random.nextInt(2) : random.nextInt(3);
    List<String> names = new ArrayList<>(SIZE_NAMES);
    shuffle(names);
    if (placement.inherits() && chance(0.5)) {
      // Often hide Base's size field of that name.
      names.remove(LayerCase.BASE_SIZE.name());
      names.add(0, LayerCase.BASE_SIZE.name());
    }
    List<SizeField> fields = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      SizeKind kind =
          placement == Placement.INTERFACE
              ? pick(List.of(SizeKind.INT, SizeKind.LONG, SizeKind.SHORT, SizeKind.INTEGER))
              : weighted(
                  Map.ofEntries(
                      Map.entry(SizeKind.INT, 25),
                      Map.entry(SizeKind.PUBLIC_INT, 5),
                      Map.entry(SizeKind.STATIC_INT, 8),
                      Map.entry(SizeKind.CONSTANT, 8),
                      Map.entry(SizeKind.PRIVATE_WITH_GETTER, 10),
                      Map.entry(SizeKind.PRIVATE_WITH_ACCESSOR, 8),
                      Map.entry(SizeKind.PRIVATE, 4),
                      Map.entry(SizeKind.PRIVATE_STATIC, 3),
                      Map.entry(SizeKind.LONG, 3),
                      Map.entry(SizeKind.SHORT, 2),
                      Map.entry(SizeKind.INTEGER, 3)));
      fields.add(new SizeField(names.get(i), kind, chance(0.1) ? 0 : 1 + random.nextInt(4)));
    }
    return fields;
  }

  /**
   * The attributes of the weight's annotation: {@code @KaimingInit}'s when it has one, else those
   * {@code @TorchDefaultInit} has for a weight (the shape, and now and then {@code biasOf = ""}).
   */
  private Attributes attributes(
      Placement placement,
      Rule rule,
      FieldType type,
      String weightName,
      List<SizeField> sizeFields) {
    Map<String, String> written = new LinkedHashMap<>();
    FanMode mode = FanMode.FAN_IN;
    Distribution distribution = Distribution.NORMAL;
    Nonlinearity nonlinearity = Nonlinearity.LEAKY_RELU;
    double a = 0;
    if (rule.kaiming()) {
      if (chance(0.3)) {
        mode = pick(List.of(FanMode.values()));
        written.put("mode", "FanMode." + mode.name());
      }
      if (chance(0.3)) {
        distribution = pick(List.of(Distribution.values()));
        written.put("distribution", "Distribution." + distribution.name());
      }
      if (chance(0.5)) {
        nonlinearity = pick(List.of(Nonlinearity.values()));
        written.put("nonlinearity", "Nonlinearity." + nonlinearity.name());
      }
      if (chance(0.35)) {
        Slope slope = chance(0.6) ? pick(FINITE_SLOPES) : pick(EXTREME_SLOPES);
        a = slope.value();
        written.put("a", slope.code());
      }
    } else if (chance(0.1)) {
      written.put("biasOf", "\"\""); // the default: a weight
    }

    String shapes;
    boolean elements = type.kind() == ElementKind.FLOAT || type.kind() == ElementKind.DOUBLE;
    if (elements && type.rank() == 1) {
      shapes = weighted(Map.of("shape", 45, "shapeFields", 40, "none", 7, "both", 5, "empty", 3));
    } else {
      shapes = weighted(Map.of("none", 88, "shape", 5, "shapeFields", 5, "both", 2));
    }
    List<Integer> shape = List.of();
    List<String> shapeFields = List.of();
    if (shapes.equals("shape") || shapes.equals("both")) {
      shape = shape();
      written.put("shape", list(shape.stream().map(String::valueOf).toList()));
    }
    if (shapes.equals("shapeFields") || shapes.equals("both")) {
      shapeFields = shapeFieldNames(weightName, sizeFields, placement.inherits());
      written.put("shapeFields", list(shapeFields.stream().map(name -> '"' + name + '"').toList()));
    }
    if (shapes.equals("empty")) {
      written.put(chance(0.5) ? "shape" : "shapeFields", "{}");
    }
    String unresolved = null;
    if (chance(0.04)) {
      unresolved = rule.kaiming() && chance(0.4) ? "a" : chance(0.5) ? "shape" : "shapeFields";
      switch (unresolved) {
        case "a" -> {
          written.put("a", "Missing.SLOPE");
          a = 0;
        }
        case "shape" -> {
          written.put("shape", "{Missing.OUT, 4}");
          shape = List.of();
        }
        default -> {
          written.put("shapeFields", "{Missing.NAME, \"in\"}");
          shapeFields = List.of();
        }
      }
    }

    return new Attributes(
        shuffled(written), mode, distribution, nonlinearity, a, shape, shapeFields, unresolved);
  }

  /** The attributes in a random order. */
  private Map<String, String> shuffled(Map<String, String> written) {
    List<String> order = new ArrayList<>(written.keySet());
    shuffle(order);
    Map<String, String> shuffled = new LinkedHashMap<>();
    order.forEach(attribute -> shuffled.put(attribute, written.get(attribute)));
    return shuffled;
  }

  private List<Integer> shape() {
    int rank = chance(0.1) ? random.nextInt(2) : 2 + random.nextInt(5);
    List<Integer> sizes = new ArrayList<>();
    for (int i = 0; i < rank; i++) {
      sizes.add(chance(0.04) ? 0 : chance(0.04) ? pick(ODD_SIZES) : 1 + random.nextInt(4));
    }
    return sizes;
  }

  private List<String> shapeFieldNames(
      String weightName, List<SizeField> sizeFields, boolean inherits) {
    int count = chance(0.1) ? random.nextInt(2) : 2 + random.nextInt(3);
    List<String> names = new ArrayList<>();
    if (count > 0 && inherits && chance(0.5)) {
      names.add(LayerCase.BASE_SIZE.name()); // Base's, or the class's own, which hides it
    }
    while (names.size() < count) {
      double draw = random.nextDouble();
      if (draw < 0.85 && !sizeFields.isEmpty()) {
        names.add(pick(sizeFields).name());
      } else if (draw < 0.9) {
        names.add("nope"); // no such member
      } else if (draw < 0.95) {
        names.add("toString"); // a method, not a field
      } else {
        names.add(weightName); // a field, but a float[] or double[]
      }
    }
    return names;
  }

  /** An array attribute's source: {@code {2, 3}}, or a lone value without braces. */
  private String list(List<String> values) {
    return values.size() == 1 && chance(0.5)
        ? values.get(0)
        : values.stream().collect(Collectors.joining(", ", "{", "}"));
  }

  /**
   * What the weight is allocated with: its sizes for a nested array; for a flat one, the length its
   * shape asks for when the shape can be read and is small, else an arbitrary length.
   */
  private List<Integer> dims(FieldType type, Attributes attributes, List<SizeField> sizeFields) {
    boolean allocatable = type.kind() == ElementKind.FLOAT || type.kind() == ElementKind.DOUBLE;
    if (!allocatable || type.rank() < 1 || type.rank() > 5) {
      return List.of();
    }
    if (type.rank() > 1) {
      return nested(type.rank());
    }
    long length = 1;
    if (!attributes.shape().isEmpty()) {
      for (int size : attributes.shape()) {
        length = Math.min(length * Math.max(0, size), Integer.MAX_VALUE);
      }
    } else {
      for (String name : attributes.shapeFields()) {
        length *=
            sizeFields.stream()
                .filter(size -> size.name().equals(name))
                .mapToInt(SizeField::value)
                .findFirst()
                .orElse(1);
      }
    }
    return List.of(length <= MAX_ALLOCATED ? (int) length : 6);
  }

  /** The sizes of a nested array. */
  private List<Integer> nested(int rank) {
    List<Integer> dims = new ArrayList<>();
    for (int i = 0; i < rank; i++) {
      dims.add(chance(0.03) ? 0 : 1 + random.nextInt(3));
    }
    return dims;
  }

  private boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  private <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  /** One of the keys, with probability proportional to its weight (keys in a stable order). */
  private <T> T weighted(Map<T, Integer> weights) {
    List<Map.Entry<T, Integer>> entries = new ArrayList<>(weights.entrySet());
    entries.sort(Map.Entry.comparingByKey(java.util.Comparator.comparing(String::valueOf)));
    int total = entries.stream().mapToInt(Map.Entry::getValue).sum();
    int draw = random.nextInt(total);
    for (Map.Entry<T, Integer> entry : entries) {
      draw -= entry.getValue();
      if (draw < 0) {
        return entry.getKey();
      }
    }
    throw new AssertionError();
  }

  private <T> void shuffle(List<T> items) {
    for (int i = items.size() - 1; i > 0; i--) {
      Collections.swap(items, i, random.nextInt(i + 1));
    }
  }

  private void addIf(Set<Flag> flags, Flag flag, double probability) {
    if (chance(probability)) {
      flags.add(flag);
    }
  }
}
