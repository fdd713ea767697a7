package dev.kinit.processor;

import dev.kinit.Distribution;
import dev.kinit.FanMode;
import dev.kinit.Nonlinearity;
import dev.kinit.processor.KotlinLayerCase.Base;
import dev.kinit.processor.KotlinLayerCase.BaseForm;
import dev.kinit.processor.KotlinLayerCase.Form;
import dev.kinit.processor.KotlinLayerCase.Kind;
import dev.kinit.processor.KotlinLayerCase.Misplaced;
import dev.kinit.processor.KotlinLayerCase.Property;
import dev.kinit.processor.KotlinLayerCase.Subclass;
import dev.kinit.processor.KotlinLayerCase.Type;
import dev.kinit.processor.KotlinLayerCase.Visibility;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws {@link KotlinLayerCase}s: layers whose weights take, case after case, every form a Kotlin
 * property has (some the processor must reject: a private property, a value class's getter, an
 * overridden getter, a delegate, a static field of an object), with superclasses of every form and
 * misplaced annotations in turn too, the rest of each case drawn at random. Kotlin cases cost kapt
 * time, so a run has a few hundred at most: the turns make sure they reach every form. Case {@code
 * id} of seed {@code seed} is always the same case.
 */
final class KotlinLayerCaseGenerator extends RandomDraws {

  private static final List<String> WEIGHT_NAMES =
      List.of("weight", "w", "kernel", "isWeight", "value", "layer");
  private static final List<String> BIAS_NAMES = List.of("bias", "b", "isBias");
  private static final List<String> SIZE_NAMES = List.of("outFeatures", "inFeatures", "kh", "n");

  /** How the weight is declared, and whether the class must be open for it. */
  private record Profile(Form form, Visibility visibility, boolean jvmName, boolean open) {
    boolean needsOpenClass() {
      return open || visibility == Visibility.PROTECTED;
    }
  }

  /**
   * The declarations of a weight property the cases take in turn, by id, so that a few hundred
   * cases (each costs kapt time) reach every one; the rest of a case is drawn at random.
   */
  private static final List<Profile> PROFILES =
      List.of(
          new Profile(Form.VAL, Visibility.PUBLIC, false, false),
          new Profile(Form.VAL, Visibility.INTERNAL, false, false),
          new Profile(Form.VAL, Visibility.PRIVATE, false, false),
          new Profile(Form.VAL, Visibility.PROTECTED, false, false),
          new Profile(Form.VAL, Visibility.PUBLIC, true, false),
          new Profile(Form.VAL, Visibility.INTERNAL, true, false),
          new Profile(Form.VAL, Visibility.PUBLIC, false, true),
          new Profile(Form.VAL_COPY, Visibility.PUBLIC, false, false),
          new Profile(Form.DELEGATED, Visibility.PUBLIC, false, false),
          new Profile(Form.VAR, Visibility.PUBLIC, false, false),
          new Profile(Form.VAR, Visibility.INTERNAL, false, false),
          new Profile(Form.LATEINIT, Visibility.PUBLIC, false, false),
          new Profile(Form.LATEINIT, Visibility.INTERNAL, false, false),
          new Profile(Form.LATEINIT, Visibility.PRIVATE, false, false),
          new Profile(Form.JVM_FIELD, Visibility.PUBLIC, false, false),
          new Profile(Form.JVM_FIELD, Visibility.INTERNAL, false, false),
          new Profile(Form.CONSTRUCTOR, Visibility.PUBLIC, false, false),
          new Profile(Form.CONSTRUCTOR, Visibility.INTERNAL, false, false),
          new Profile(Form.CONSTRUCTOR, Visibility.PUBLIC, false, true),
          new Profile(Form.CONSTRUCTOR_JVM_FIELD, Visibility.PUBLIC, false, false),
          new Profile(Form.CONSTRUCTOR_JVM_FIELD, Visibility.INTERNAL, false, false));

  private final int id;

  private KotlinLayerCaseGenerator(int id, long seed) {
    super(seed * 7_000_003L + id);
    this.id = id;
  }

  static KotlinLayerCase generate(int id, long seed) {
    return new KotlinLayerCaseGenerator(id, seed).generate();
  }

  private KotlinLayerCase generate() {
    Profile profile = PROFILES.get(id % PROFILES.size());
    // Half the cases take the kinds of class in turn, the others draw one.
    Kind kind =
        id % 2 == 0
            ? Kind.values()[(id / 2) % Kind.values().length]
            : weighted(
                Map.of(
                    Kind.CLASS, 30,
                    Kind.OPEN_CLASS, 20,
                    Kind.DATA_CLASS, 10,
                    Kind.NESTED, 10,
                    Kind.INNER, 8,
                    Kind.ENUM_CLASS, 8,
                    Kind.OBJECT, 3,
                    Kind.PRIVATE_NESTED, 3));
    // Every third case has a superclass, of each form in turn.
    boolean inherits = id % 3 == 1 || chance(0.1);
    if (profile.needsOpenClass()) {
      kind = Kind.OPEN_CLASS;
    } else if (profile.form().inConstructor() && !kind.constructs()
        || inherits && !canExtend(kind)) {
      kind = Kind.CLASS;
    }
    boolean open = kind == Kind.OPEN_CLASS;
    Type weightType =
        chance(0.95)
            ? pick(
                List.of(
                    Type.FLOATS,
                    Type.DOUBLES,
                    Type.FLOATS_2,
                    Type.DOUBLES_2,
                    Type.FLOATS_3,
                    Type.DOUBLES_4))
            : chance(0.4) ? Type.WEIGHTS : pick(List.of(Type.BOXED, Type.INTS, Type.LIST));
    // Kotlin allows a value-class property no lateinit, @JvmField, @JvmName, copyOf, lazy.
    boolean plainVal =
        (profile.form() == Form.VAL || profile.form() == Form.CONSTRUCTOR) && !profile.jvmName();
    if (plainVal && chance(0.15)) {
      weightType = Type.WEIGHTS;
    } else if (weightType == Type.WEIGHTS && !plainVal) {
      weightType = Type.FLOATS;
    }
    boolean flat = weightType.rank == 1;
    String weightName = pick(WEIGHT_NAMES);

    // The sizes first, so that shapeFields can name them and the flat weight be allocated.
    List<Property> sizes = new ArrayList<>();
    List<String> names = new ArrayList<>(SIZE_NAMES);
    shuffle(names);
    int count = flat ? 2 + random.nextInt(2) : random.nextInt(2);
    for (int i = 0; i < count; i++) {
      sizes.add(size(names.get(i), kind));
    }
    Base base = inherits ? base() : null;

    Map<String, String> attributes = new LinkedHashMap<>();
    boolean kaiming = chance(0.6);
    Nonlinearity nonlinearity = Nonlinearity.LEAKY_RELU;
    double a = 0;
    FanMode mode = FanMode.FAN_IN;
    Distribution distribution = Distribution.NORMAL;
    if (kaiming) {
      if (chance(0.6)) {
        nonlinearity =
            pick(
                List.of(
                    Nonlinearity.RELU,
                    Nonlinearity.LEAKY_RELU,
                    Nonlinearity.LINEAR,
                    Nonlinearity.TANH,
                    Nonlinearity.SELU));
        attributes.put("nonlinearity", "Nonlinearity." + nonlinearity.name());
      }
      if (chance(0.25)) {
        a = chance(0.9) ? pick(List.of(0.2, -0.5, 3.0)) : Double.NaN;
        attributes.put("a", Double.isNaN(a) ? "Double.NaN" : String.valueOf(a));
      }
      if (chance(0.3)) {
        mode = pick(List.of(FanMode.values()));
        attributes.put("mode", "FanMode." + mode.name());
      }
      if (chance(0.3)) {
        distribution = pick(List.of(Distribution.values()));
        attributes.put("distribution", "Distribution." + distribution.name());
      }
    }
    List<Integer> shape = List.of();
    List<String> shapeFields = List.of();
    List<Integer> dims;
    if (flat) {
      double draw = random.nextDouble();
      if (draw < 0.45) {
        shape = List.of(1 + random.nextInt(4), chance(0.05) ? 0 : 1 + random.nextInt(4));
      } else if (draw < 0.95) {
        List<String> candidates = new ArrayList<>(sizes.stream().map(Property::name).toList());
        if (base != null) {
          candidates.add(KotlinLayerCase.BASE_SIZE);
        }
        List<String> chosen = new ArrayList<>();
        while (chosen.size() < 2) {
          chosen.add(chance(0.04) ? "missing" : pick(candidates));
        }
        shapeFields = chosen;
      }
      long length = 1;
      for (int size : shape) {
        length *= size;
      }
      for (String field : shapeFields) {
        length *= valueOf(field, sizes);
      }
      boolean mismatch = chance(0.03);
      dims = List.of((int) length + (mismatch ? 1 : 0));
    } else if (weightType.rank > 1) {
      dims = new ArrayList<>();
      for (int i = 0; i < weightType.rank; i++) {
        dims.add(1 + random.nextInt(3));
      }
      if (chance(0.03)) {
        shape = List.of(2, 2); // on a nested array: an error
      }
    } else {
      dims = List.of();
    }
    Property weight =
        new Property(
            weightName,
            profile.form(),
            profile.visibility(),
            profile.jvmName(),
            profile.open(),
            weightType,
            dims);
    Property bias = null;
    String biasOf = null;
    if (chance(0.35)) {
      int length = flat ? (shape.isEmpty() ? 2 : shape.get(0)) : dims.isEmpty() ? 2 : dims.get(0);
      if (!shapeFields.isEmpty()) {
        length = valueOf(shapeFields.get(0), sizes);
      }
      String name = pick(BIAS_NAMES);
      bias = property(name, Type.FLOATS, List.of(Math.max(length, 0)), kind, open);
      biasOf = base != null && chance(0.3) ? KotlinLayerCase.BASE_WEIGHT : weightName;
    }
    if (kind == Kind.DATA_CLASS
        && !weight.form().inConstructor()
        && (bias == null || !bias.form().inConstructor())
        && sizes.stream().noneMatch(p -> p.form().inConstructor())) {
      // A data class needs a property in its primary constructor.
      weight =
          new Property(
              weight.name(),
              Form.CONSTRUCTOR,
              weight.visibility(),
              false,
              false,
              weight.type(),
              weight.dims());
    }
    // Every other open val of a superclass (its cycle's parity) is overridden by the layer.
    if (base != null && base.form() == BaseForm.OPEN_VAL && (id / 36) % 2 == 0) {
      base =
          new Base(
              base.form(),
              base.otherPackage(),
              base.torch(),
              true,
              base.sizeForm(),
              base.sizePrivate());
    }
    // An open weight is overridden by a subclass, with a weight of its own every other time.
    Subclass subclass =
        kind == Kind.OPEN_CLASS && weight.open()
            ? new Subclass((id / PROFILES.size()) % 2 == 0)
            : null;
    // Every eighth case has a misplaced annotation, of each kind in turn.
    List<Misplaced> misplacedKinds =
        List.of(Misplaced.values()).subList(1, Misplaced.values().length);
    Misplaced misplaced =
        id % 8 == 5 ? misplacedKinds.get((id / 8) % misplacedKinds.size()) : Misplaced.NONE;
    return new KotlinLayerCase(
        id,
        kind,
        weight,
        kaiming,
        attributes,
        nonlinearity,
        a,
        mode,
        distribution,
        shape,
        shapeFields,
        bias,
        biasOf,
        sizes,
        base,
        subclass,
        misplaced);
  }

  /** Whether a class of {@code kind} can extend {@code Base}. */
  private static boolean canExtend(Kind kind) {
    return kind == Kind.CLASS
        || kind == Kind.OPEN_CLASS
        || kind == Kind.DATA_CLASS
        || kind.nested();
  }

  /** The value of a size named {@code name} when it exists, to allocate a flat array with. */
  private static int valueOf(String name, List<Property> sizes) {
    if (name.equals(KotlinLayerCase.BASE_SIZE)) {
      return KotlinLayerCase.BASE_SIZE_VALUE;
    }
    return sizes.stream()
        .filter(size -> size.name().equals(name))
        .map(size -> size.dims().get(0))
        .findFirst()
        .orElse(1);
  }

  /**
   * A bias or a size property: its form and visibility among those the kind of class allows (Kotlin
   * rejects the others).
   */
  private Property property(
      String name, Type type, List<Integer> dims, Kind kind, boolean openClass) {
    List<Form> forms = new ArrayList<>(List.of(Form.VAL, Form.VAL, Form.VAR));
    if (!type.valueClass()) {
      // Kotlin allows neither lateinit nor @JvmField on a value-class property.
      forms.addAll(List.of(Form.LATEINIT, Form.JVM_FIELD));
    }
    if (kind.constructs()) {
      forms.addAll(List.of(Form.CONSTRUCTOR, Form.CONSTRUCTOR));
      if (!type.valueClass()) {
        forms.add(Form.CONSTRUCTOR_JVM_FIELD);
      }
    }
    Form form = pick(forms);
    List<Visibility> visibilities =
        new ArrayList<>(
            List.of(Visibility.PUBLIC, Visibility.PUBLIC, Visibility.PUBLIC, Visibility.INTERNAL));
    if (openClass) {
      visibilities.add(Visibility.PROTECTED);
    }
    if (!form.jvmField() && chance(0.5)) {
      visibilities.add(Visibility.PRIVATE);
    }
    Visibility visibility = pick(visibilities);
    boolean open =
        openClass
            && (form == Form.VAL || form == Form.CONSTRUCTOR)
            && visibility != Visibility.PRIVATE
            && chance(0.2);
    boolean jvmName =
        !open
            && !form.jvmField()
            && visibility != Visibility.PRIVATE
            && !type.valueClass()
            && chance(0.2);
    return new Property(name, form, visibility, jvmName, open, type, dims);
  }

  /** A size property: an {@code Int} mostly, of every form, or a {@code Long} or a value class. */
  private Property size(String name, Kind kind) {
    Type type = chance(0.7) ? Type.INT : chance(0.5) ? Type.SIZE : Type.LONG;
    int value = chance(0.05) ? 0 : 1 + random.nextInt(4);
    if (kind.companion() && type != Type.SIZE && chance(0.25)) {
      Form form =
          pick(
              List.of(
                  Form.COMPANION_CONST,
                  Form.COMPANION_CONST,
                  Form.COMPANION_VAL,
                  Form.COMPANION_JVM_FIELD));
      return new Property(
          name.toUpperCase(java.util.Locale.ROOT),
          form,
          Visibility.PUBLIC,
          false,
          false,
          type,
          List.of(value));
    }
    Property property = property(name, type, List.of(value), kind, kind == Kind.OPEN_CLASS);
    if (property.form() == Form.LATEINIT) {
      // Not for Int: a plain val.
      property =
          new Property(
              name,
              Form.VAL,
              property.visibility(),
              property.jvmName(),
              property.open(),
              type,
              property.dims());
    }
    return property;
  }

  /** {@code Base}: Kotlin or Java, in this package or another, its weight of every form. */
  private Base base() {
    BaseForm form = BaseForm.values()[(id / 3) % BaseForm.values().length];
    boolean otherPackage = form != BaseForm.JAVA_PACKAGE && chance(0.5);
    Form sizeForm = chance(0.5) ? Form.VAL : Form.JVM_FIELD;
    return new Base(form, otherPackage, chance(0.5), false, sizeForm, chance(0.15));
  }
}
