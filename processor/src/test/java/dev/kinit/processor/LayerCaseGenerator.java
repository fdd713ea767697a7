package dev.kinit.processor;

import dev.kinit.Distribution;
import dev.kinit.FanMode;
import dev.kinit.Nonlinearity;
import dev.kinit.processor.LayerCase.Accessor;
import dev.kinit.processor.LayerCase.AnnotatedField;
import dev.kinit.processor.LayerCase.Attributes;
import dev.kinit.processor.LayerCase.Bias;
import dev.kinit.processor.LayerCase.Constants;
import dev.kinit.processor.LayerCase.Deprecatable;
import dev.kinit.processor.LayerCase.ElementKind;
import dev.kinit.processor.LayerCase.FieldType;
import dev.kinit.processor.LayerCase.Flag;
import dev.kinit.processor.LayerCase.Getter;
import dev.kinit.processor.LayerCase.Hierarchy;
import dev.kinit.processor.LayerCase.Mid;
import dev.kinit.processor.LayerCase.Misplaced;
import dev.kinit.processor.LayerCase.Overrider;
import dev.kinit.processor.LayerCase.Placement;
import dev.kinit.processor.LayerCase.Rule;
import dev.kinit.processor.LayerCase.SizeField;
import dev.kinit.processor.LayerCase.SizeKind;
import dev.kinit.processor.LayerCase.Subclass;
import dev.kinit.processor.LayerCase.Superclass;
import dev.kinit.processor.LayerCase.Target;
import dev.kinit.processor.LayerCase.Visibility;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Draws random {@link LayerCase}s. Each dimension of the input (placement, annotations, type,
 * modifiers, getters, shape, attributes, bias, superclasses and their packages, interface
 * constants, deprecations, subclass, misplaced annotations) is drawn on its own, biased towards
 * valid choices so that a sixth of the cases are valid; the rarest combinations are given to cases
 * in turn (see {@link #generate()}). Case {@code id} of seed {@code seed} is always the same case,
 * whatever else is drawn.
 */
final class LayerCaseGenerator extends RandomDraws {

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
          "fuzz",
          LayerCase.BASE,
          LayerCase.MID,
          LayerCase.SIZES);

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
          LayerCase.BASE,
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

  /** The misplaced annotations the cases take in turn. */
  private static final List<Misplaced> MISPLACED =
      List.of(Misplaced.values()).subList(1, Misplaced.values().length);

  private final int id;

  /** Whether this case names ambiguous fields (see {@link #generate()}). */
  private boolean ambiguous;

  private LayerCaseGenerator(int id, long seed) {
    super(seed * 1_000_003L + id);
    this.id = id;
  }

  /** Case {@code id} of the run with {@code seed}. */
  static LayerCase generate(int id, long seed) {
    return new LayerCaseGenerator(id, seed).generate();
  }

  private LayerCase generate() {
    // Some inputs are too rare at random for a run to be sure to have them: every tenth case has a
    // misplaced annotation, of each kind in turn; every 25th an inherited field and an interface
    // constant of the same name, ambiguous in the layer, which shapeFields and biasOf name.
    Misplaced cycled = id % 10 == 3 ? MISPLACED.get((id / 10) % MISPLACED.size()) : Misplaced.NONE;
    ambiguous = id % 25 == 17;
    Placement placement =
        ambiguous
            ? Placement.SUBCLASS
            : cycled == Misplaced.LAYER_CONSTANT
                ? Placement.ENUM
                : weighted(
                    Map.ofEntries(
                        Map.entry(Placement.TOP_LEVEL, 13),
                        Map.entry(Placement.GENERIC, 7),
                        Map.entry(Placement.SUBCLASS, 14),
                        Map.entry(Placement.NESTED_SUBCLASS, 7),
                        Map.entry(Placement.STATIC_NESTED, 7),
                        Map.entry(Placement.INNER, 6),
                        Map.entry(Placement.ENUM, 6),
                        Map.entry(Placement.RECORD, 7),
                        Map.entry(Placement.INTERFACE, 3),
                        Map.entry(Placement.PRIVATE_NESTED, 2),
                        Map.entry(Placement.NESTED_IN_PRIVATE, 2),
                        Map.entry(Placement.LOCAL, 2),
                        Map.entry(Placement.ANONYMOUS, 2),
                        Map.entry(Placement.ENUM_CONSTANT_BODY, 1)));
    // A nested class named like its superclass: Outer.Base's labels are those of Base.
    String layerName = placement == Placement.NESTED_SUBCLASS ? LayerCase.BASE : pick(LAYER_NAMES);
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
    if (ambiguous) {
      declaration =
          new Declaration(
              floatsOrDoubles(1), declaration.visibility, declaration.flags, declaration.getter);
    }
    String name = pick(WEIGHT_NAMES);
    if (ambiguous) {
      name = "weight";
    } else if (placement.inherits()
        && chance(placement == Placement.NESTED_SUBCLASS ? 0.5 : 0.15)) {
      name = LayerCase.BASE_WEIGHT; // hides Base.base (which has the same label in Outer.Base)
    } else if (chance(0.05)) {
      name = placement.nested() ? outerName : layerName;
    }
    Hierarchy hierarchy = placement.inherits() ? hierarchy(placement) : null;
    Constants constants =
        ambiguous
            ? new Constants(
                false,
                true,
                false,
                List.of(
                    new LayerCase.Constant("IN", "int", "3"),
                    new LayerCase.Constant(LayerCase.BASE_WEIGHT, "String", "\"w\""),
                    new LayerCase.Constant(
                        LayerCase.BASE_SIZE.name(),
                        "int",
                        String.valueOf(LayerCase.BASE_SIZE.value()))))
            : constants(placement, hierarchy);
    List<SizeField> sizeFields = sizeFields(placement, declaration.type);
    if (ambiguous) {
      // The layer's own "out" would hide both.
      sizeFields.removeIf(size -> size.name().equals(LayerCase.BASE_SIZE.name()));
    }
    // What shapeFields may name: the class's own sizes, Base's, the constants. Base's and a
    // constant of the same name hold the same value, so the length to allocate is known.
    List<SizeField> visible = new ArrayList<>(sizeFields);
    if (hierarchy != null) {
      visible.add(LayerCase.BASE_SIZE);
    }
    if (constants != null) {
      for (LayerCase.Constant constant : constants.members()) {
        if (!constant.type().equals("String")) {
          visible.add(
              new SizeField(
                  constant.name(),
                  constant.type().equals("int") ? SizeKind.CONSTANT : SizeKind.LONG,
                  Integer.parseInt(constant.value().replace("L", ""))));
        }
      }
    }
    visible = firstOfEachName(visible);
    Attributes attributes = attributes(placement, rule, declaration.type, name, visible, constants);
    AnnotatedField weight = declaration.field(name, dims(declaration.type, attributes, visible));
    Bias bias =
        ambiguous || chance(rule == Rule.KAIMING ? 0.3 : 0.55)
            ? bias(placement, hierarchy, weight, attributes, visible)
            : null;
    // The layer declares no method of the name of a getter of Base (which it would override,
    // maybe illegally) but the overrides drawn for the purpose.
    if (hierarchy != null) {
      Set<String> taken = new HashSet<>();
      for (LayerCase.Member member : List.of(hierarchy.weight(), hierarchy.size())) {
        String field = member == hierarchy.weight() ? LayerCase.BASE_WEIGHT : "out";
        if (member.getter().withoutParameters()) {
          taken.add(member.getter().name(field));
        }
      }
      if (taken.contains(weight.getter().name(weight.name()))) {
        weight = weight.withGetter(Accessor.NONE);
      }
      if (bias != null && taken.contains(bias.field().getter().name(bias.field().name()))) {
        bias = bias.withField(bias.field().withGetter(Accessor.NONE));
      }
      List<SizeField> own = new ArrayList<>();
      for (SizeField size : sizeFields) {
        boolean clashes =
            size.kind().getter.withoutParameters()
                && taken.contains(size.kind().getter.name(size.name()));
        own.add(clashes ? new SizeField(size.name(), SizeKind.INT, size.value()) : size);
      }
      sizeFields = own;
    }
    Subclass subclass = subclass(placement, weight);
    boolean anonymous =
        placement == Placement.ANONYMOUS || placement == Placement.ENUM_CONSTANT_BODY;
    Misplaced misplaced = cycled == Misplaced.LAYER_CLASS && anonymous ? Misplaced.METHOD : cycled;
    Map<Deprecatable, Boolean> deprecated =
        deprecated(placement, weight, sizeFields, hierarchy, constants);
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
        hierarchy,
        constants,
        deprecated,
        misplaced,
        subclass);
  }

  /** The first of the fields of each name: the class's own hide the others. */
  private static List<SizeField> firstOfEachName(List<SizeField> fields) {
    Map<String, SizeField> first = new LinkedHashMap<>();
    fields.forEach(field -> first.putIfAbsent(field.name(), field));
    return new ArrayList<>(first.values());
  }

  /**
   * {@code Base} and maybe {@code Mid}: in the layer's package or another, public or not (a
   * package-private {@code Base} in another package is reached through a public {@code Mid}), with
   * fields of every access, getters of every access, final or overridden.
   */
  private Hierarchy hierarchy(Placement placement) {
    Superclass annotations =
        weighted(
            Map.of(
                Superclass.KAIMING, 4,
                Superclass.TORCH_DEFAULT, 3,
                Superclass.TORCH_WITH_BIAS, 3));
    boolean otherPackage = chance(0.5);
    boolean basePublic = chance(0.65);
    Mid mid = null;
    if (otherPackage && !basePublic) {
      mid = new Mid(true, true, null); // the only way to extend it from the layer's package
    } else if (chance(0.4)) {
      boolean inBasePackage = !otherPackage || chance(0.5);
      // A class in another package is extended only if public.
      boolean isPublic = otherPackage && inBasePackage || chance(0.5);
      mid = new Mid(inBasePackage, isPublic, null);
    }
    if (mid != null && chance(0.4)) {
      mid =
          new Mid(
              mid.inBasePackage(),
              mid.isPublic(),
              chance(0.6) ? Visibility.PUBLIC : Visibility.PRIVATE);
    }
    String basePackage = otherPackage ? "b" : "a";
    String midPackage = mid == null ? null : mid.inBasePackage() ? basePackage : "a";
    return new Hierarchy(
        annotations,
        otherPackage,
        basePublic,
        mid,
        member(false, basePackage, midPackage),
        member(true, basePackage, midPackage));
  }

  /**
   * A field of {@code Base} ({@code size}: its {@code int}, else its weight) with its access, maybe
   * a getter, and maybe an override of that getter in {@code Mid} or the layer, where Java allows
   * one: a package-private method is overridden only in its own package (packages {@code "a"}, the
   * layer's, and {@code "b"}).
   */
  private LayerCase.Member member(boolean size, String basePackage, String midPackage) {
    Visibility visibility =
        weighted(
            Map.of(
                Visibility.PUBLIC, 30,
                Visibility.PROTECTED, 20,
                Visibility.PACKAGE, 20,
                Visibility.PRIVATE, 30));
    boolean isStatic = size && chance(0.2);
    Accessor getter = Accessor.NONE;
    if (chance(visibility == Visibility.PRIVATE ? 0.85 : 0.3)) {
      getter =
          new Accessor(
              chance(0.5) ? Getter.GET : Getter.PLAIN,
              weighted(
                  Map.of(
                      Visibility.PUBLIC, 45,
                      Visibility.PROTECTED, 25,
                      Visibility.PACKAGE, 15,
                      Visibility.PRIVATE, 15)),
              chance(0.3),
              false);
    }
    List<Overrider> overriders = new ArrayList<>();
    if (getter.overridable()) {
      boolean anywhere = getter.visibility() != Visibility.PACKAGE;
      if (midPackage != null && (anywhere || midPackage.equals(basePackage))) {
        overriders.add(Overrider.MID);
      }
      if (anywhere || basePackage.equals("a")) {
        overriders.add(Overrider.LAYER);
      }
    }
    Overrider overrider = !overriders.isEmpty() && chance(0.35) ? pick(overriders) : Overrider.NONE;
    return new LayerCase.Member(visibility, isStatic, getter, overrider);
  }

  /** Sometimes an interface of constants that the layer, or its {@code Base}, implements. */
  private Constants constants(Placement placement, Hierarchy hierarchy) {
    boolean implementable =
        switch (placement) {
          case TOP_LEVEL,
              GENERIC,
              SUBCLASS,
              NESTED_SUBCLASS,
              STATIC_NESTED,
              INNER,
              ENUM,
              RECORD,
              PRIVATE_NESTED ->
              true;
          default -> false;
        };
    if (!implementable || !chance(0.4)) {
      return null;
    }
    boolean byBase = hierarchy != null && chance(0.4);
    boolean otherPackage = chance(0.4);
    // Implemented from another package, it must be public.
    boolean implementerInOther = byBase && hierarchy.otherPackage();
    boolean isPublic = otherPackage != implementerInOther || chance(0.5);
    List<LayerCase.Constant> members = new ArrayList<>();
    members.add(new LayerCase.Constant("IN", "int", "3"));
    if (chance(0.5)) {
      members.add(new LayerCase.Constant("K", "int", "2"));
    }
    if (chance(0.15)) {
      members.add(new LayerCase.Constant("WIDE", "long", "2L"));
    }
    if (hierarchy != null && chance(0.5)) {
      // Base's field names: ambiguous where the layer inherits both.
      members.add(new LayerCase.Constant(LayerCase.BASE_WEIGHT, "String", "\"w\""));
    }
    if (hierarchy != null && chance(0.5)) {
      members.add(
          new LayerCase.Constant(
              LayerCase.BASE_SIZE.name(), "int", String.valueOf(LayerCase.BASE_SIZE.value())));
    }
    shuffle(members);
    return new Constants(otherPackage, isPublic, byBase, members);
  }

  /**
   * Sometimes a class {@code Sub} extending the layer: with a weight of its own or not, overriding
   * the weight's getter (where one can be) or hiding the weight with a field of its name.
   */
  private Subclass subclass(Placement placement, AnnotatedField weight) {
    if (!placement.extendable() || !weight.type().weightArray() || weight.getter().copies()) {
      return null;
    }
    if (!chance(0.3)) {
      return null;
    }
    boolean overrides = weight.getter().overridable() && chance(0.75);
    boolean hides = !overrides || chance(0.5);
    return new Subclass(chance(0.5), overrides, hides);
  }

  /** Sometimes some declarations the case has, {@code @Deprecated}, for removal or not. */
  private Map<Deprecatable, Boolean> deprecated(
      Placement placement,
      AnnotatedField weight,
      List<SizeField> sizeFields,
      Hierarchy hierarchy,
      Constants constants) {
    Map<Deprecatable, Boolean> deprecated = new EnumMap<>(Deprecatable.class);
    if (!chance(0.2)) {
      return deprecated;
    }
    List<Deprecatable> targets = new ArrayList<>(List.of(Deprecatable.WEIGHT));
    if (placement.named()) {
      targets.add(Deprecatable.LAYER);
    }
    if (placement.nested()) {
      targets.add(Deprecatable.OUTER);
    }
    if (weight.getter().form() != Getter.NONE && placement != Placement.RECORD) {
      targets.add(Deprecatable.WEIGHT_GETTER);
    }
    if (!sizeFields.isEmpty()) {
      targets.add(Deprecatable.SIZE_FIELD);
    }
    if (hierarchy != null) {
      targets.addAll(List.of(Deprecatable.BASE, Deprecatable.BASE_WEIGHT, Deprecatable.BASE_SIZE));
      if (hierarchy.weight().getter().form() != Getter.NONE) {
        targets.add(Deprecatable.BASE_GETTER);
      }
      if (hierarchy.mid() != null) {
        targets.add(Deprecatable.MID);
      }
    }
    if (constants != null) {
      targets.addAll(List.of(Deprecatable.CONSTANTS, Deprecatable.CONSTANT));
    }
    for (Deprecatable target : targets) {
      if (chance(0.35)) {
        deprecated.put(target, chance(0.4));
      }
    }
    if (deprecated.isEmpty()) {
      deprecated.put(pick(targets), chance(0.4));
    }
    return deprecated;
  }

  /** An annotated field's type, modifiers and getter, before its name and sizes are drawn. */
  private record Declaration(
      FieldType type, Visibility visibility, Set<Flag> flags, Accessor getter) {
    AnnotatedField field(String name, List<Integer> dims) {
      return new AnnotatedField(type, name, visibility, flags, getter, dims);
    }
  }

  /** Draws the declaration of the weight or, with {@code bias}, of a bias. */
  private Declaration declaration(Placement placement, boolean bias) {
    Visibility visibility =
        weighted(
            Map.of(
                Visibility.PACKAGE, 50,
                Visibility.PUBLIC, 12,
                Visibility.PROTECTED, 8,
                Visibility.PRIVATE, 30));
    Set<Flag> flags = EnumSet.noneOf(Flag.class);
    addIf(flags, Flag.STATIC, 0.06);
    addIf(flags, Flag.FINAL, 0.35);
    if (!flags.contains(Flag.FINAL)) {
      addIf(flags, Flag.VOLATILE, 0.15); // final volatile is not Java
    }
    addIf(flags, Flag.TRANSIENT, 0.12);
    boolean isStatic = flags.contains(Flag.STATIC);
    FieldType type = bias ? biasType(placement, isStatic) : type(placement, isStatic);
    Getter form =
        visibility == Visibility.PRIVATE
            ? weighted(
                Map.of(
                    Getter.GET, 44,
                    Getter.PLAIN, 34,
                    Getter.NONE, 8,
                    Getter.WRONG_TYPE, 6,
                    Getter.STATIC, 5,
                    Getter.WITH_PARAMETER, 5))
            : chance(0.15) ? (chance(0.5) ? Getter.GET : Getter.PLAIN) : Getter.NONE;
    if (type.kind() == ElementKind.UNRESOLVED
        || type.kind() == ElementKind.TYPE_VARIABLE && form == Getter.STATIC) {
      form = Getter.NONE; // javac would report the getter itself, away from the field
    }
    Visibility access =
        weighted(
            Map.of(
                Visibility.PACKAGE, 50,
                Visibility.PUBLIC, 20,
                Visibility.PROTECTED, 15,
                Visibility.PRIVATE, 15));
    boolean copies = !bias && form == Getter.GET && type.rank() > 0 && chance(0.06);
    Accessor getter =
        form == Getter.NONE ? Accessor.NONE : new Accessor(form, access, chance(0.25), copies);
    if (placement == Placement.INTERFACE) {
      // Interface fields are public static final: only these modifiers may be written.
      visibility = chance(0.5) ? Visibility.PUBLIC : Visibility.PACKAGE;
      flags.retainAll(EnumSet.of(Flag.STATIC, Flag.FINAL));
      getter = Accessor.NONE;
    } else if (placement == Placement.RECORD && !isStatic) {
      // A record component: a private final field with a public accessor of its name, which may
      // be written to return a defensive copy.
      visibility = Visibility.PRIVATE;
      flags = EnumSet.of(Flag.FINAL);
      getter =
          new Accessor(
              Getter.PLAIN, Visibility.PUBLIC, false, !bias && type.weightArray() && chance(0.15));
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
      Hierarchy hierarchy,
      AnnotatedField weight,
      Attributes attributes,
      List<SizeField> sizeFields) {
    boolean inherits = hierarchy != null;
    boolean baseBias = inherits && hierarchy.annotations() == Superclass.TORCH_WITH_BIAS;
    Target target =
        ambiguous
            ? Target.INHERITED_WEIGHT
            : weighted(
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
    // Distinct getter names too: Base and base would both have getBase(). A bias of an ambiguous
    // name must not be that name itself.
    while (LayerCase.getterName(name).equals(LayerCase.getterName(weight.name()))
        || ambiguous && (name.equals(LayerCase.BASE_WEIGHT) || name.equals(LayerCase.BASE_BIAS))) {
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
    if (placement == Placement.GENERIC && !isStatic && chance(0.6)) {
      return new FieldType("T", ElementKind.TYPE_VARIABLE, random.nextInt(3));
    }
    return type(placement, isStatic);
  }

  private FieldType type(Placement placement, boolean isStatic) {
    if (chance(0.72)) {
      return floatsOrDoubles(chance(0.5) ? 1 : 2 + random.nextInt(4));
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
                      Map.entry(SizeKind.PROTECTED_INT, 4),
                      Map.entry(SizeKind.STATIC_INT, 8),
                      Map.entry(SizeKind.CONSTANT, 8),
                      Map.entry(SizeKind.PRIVATE_WITH_GETTER, 10),
                      Map.entry(SizeKind.PRIVATE_WITH_ACCESSOR, 8),
                      Map.entry(SizeKind.PRIVATE_WITH_PUBLIC_FINAL_GETTER, 4),
                      Map.entry(SizeKind.PRIVATE_WITH_PROTECTED_ACCESSOR, 4),
                      Map.entry(SizeKind.PRIVATE_WITH_PRIVATE_GETTER, 2),
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
      List<SizeField> sizeFields,
      Constants constants) {
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
    if (ambiguous) {
      shapes = "shapeFields";
    } else if (elements && type.rank() == 1) {
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
      shapeFields = shapeFieldNames(weightName, sizeFields, placement.inherits(), constants);
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
      String weightName, List<SizeField> sizeFields, boolean inherits, Constants constants) {
    int count = chance(0.1) ? random.nextInt(2) : 2 + random.nextInt(3);
    List<String> names = new ArrayList<>();
    if (count > 0 && inherits && (ambiguous || chance(0.5))) {
      names.add(LayerCase.BASE_SIZE.name()); // Base's, or the class's own, which hides it
    }
    if (names.size() < count && constants != null && chance(0.6)) {
      names.add(pick(constants.members()).name()); // may be ambiguous, or not an int
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

  private void addIf(Set<Flag> flags, Flag flag, double probability) {
    if (chance(probability)) {
      flags.add(flag);
    }
  }
}
