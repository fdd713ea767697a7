package dev.kinit.processor;

import dev.kinit.Nonlinearity;
import dev.kinit.processor.LayerCase.Attributes;
import dev.kinit.processor.LayerCase.ElementKind;
import dev.kinit.processor.LayerCase.FieldType;
import dev.kinit.processor.LayerCase.Flag;
import dev.kinit.processor.LayerCase.Getter;
import dev.kinit.processor.LayerCase.Placement;
import dev.kinit.processor.LayerCase.SizeField;
import dev.kinit.processor.LayerCase.SizeKind;
import dev.kinit.processor.LayerCase.Visibility;
import dev.kinit.processor.LayerCase.Weight;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Draws random {@link LayerCase}s. Each dimension of the input (placement, type, modifiers, shape,
 * attributes) is drawn on its own, biased towards valid choices so that about half of the cases are
 * valid; case {@code id} of seed {@code seed} is always the same case, whatever else is drawn.
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
          "dev",
          "java",
          "fuzz");

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
                Map.entry(Placement.SUBCLASS, 8),
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
    String layerName = pick(LAYER_NAMES);
    String outerName = pick(OUTER_NAMES);
    while (outerName.equals(layerName)) {
      outerName = pick(OUTER_NAMES);
    }

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
    FieldType type = type(placement, flags.contains(Flag.STATIC));
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
    } else if (placement == Placement.RECORD && !flags.contains(Flag.STATIC)) {
      // A record component: a private final field with an accessor of its name.
      visibility = Visibility.PRIVATE;
      flags = EnumSet.of(Flag.FINAL);
      getter = Getter.PLAIN;
    }
    String name = pick(WEIGHT_NAMES);
    if (chance(0.05)) {
      name = placement.nested() ? outerName : layerName;
    }

    List<SizeField> sizeFields = sizeFields(placement, type);
    Attributes attributes = attributes(type, name, sizeFields);
    Weight weight =
        new Weight(type, name, visibility, flags, getter, dims(type, attributes, sizeFields));
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
        weight,
        sizeFields,
        attributes);
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

  private Attributes attributes(FieldType type, String weightName, List<SizeField> sizeFields) {
    Map<String, String> written = new LinkedHashMap<>();
    if (chance(0.3)) {
      written.put("mode", "FanMode." + pick(List.of("FAN_IN", "FAN_OUT")));
    }
    if (chance(0.3)) {
      written.put("distribution", "Distribution." + pick(List.of("NORMAL", "UNIFORM")));
    }
    Nonlinearity nonlinearity = Nonlinearity.LEAKY_RELU;
    if (chance(0.5)) {
      nonlinearity = pick(List.of(Nonlinearity.values()));
      written.put("nonlinearity", "Nonlinearity." + nonlinearity.name());
    }
    double a = 0;
    if (chance(0.35)) {
      Slope slope = chance(0.6) ? pick(FINITE_SLOPES) : pick(EXTREME_SLOPES);
      a = slope.value();
      written.put("a", slope.code());
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
      shapeFields = shapeFieldNames(weightName, sizeFields);
      written.put("shapeFields", list(shapeFields.stream().map(name -> '"' + name + '"').toList()));
    }
    if (shapes.equals("empty")) {
      written.put(chance(0.5) ? "shape" : "shapeFields", "{}");
    }
    String unresolved = null;
    if (chance(0.03)) {
      if (chance(0.5)) {
        unresolved = "a";
        written.put("a", "Missing.SLOPE");
        a = 0;
      } else {
        unresolved = "shape";
        written.put("shape", "{Missing.OUT, 4}");
        shape = List.of();
      }
    }

    List<String> order = new ArrayList<>(written.keySet());
    shuffle(order);
    Map<String, String> shuffled = new LinkedHashMap<>();
    order.forEach(attribute -> shuffled.put(attribute, written.get(attribute)));
    return new Attributes(shuffled, nonlinearity, a, shape, shapeFields, unresolved);
  }

  private List<Integer> shape() {
    int rank = chance(0.1) ? random.nextInt(2) : 2 + random.nextInt(5);
    List<Integer> sizes = new ArrayList<>();
    for (int i = 0; i < rank; i++) {
      sizes.add(chance(0.04) ? 0 : chance(0.04) ? pick(ODD_SIZES) : 1 + random.nextInt(4));
    }
    return sizes;
  }

  private List<String> shapeFieldNames(String weightName, List<SizeField> sizeFields) {
    int count = chance(0.1) ? random.nextInt(2) : 2 + random.nextInt(3);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < count; i++) {
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
      List<Integer> dims = new ArrayList<>();
      for (int i = 0; i < type.rank(); i++) {
        dims.add(chance(0.03) ? 0 : 1 + random.nextInt(3));
      }
      return dims;
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
