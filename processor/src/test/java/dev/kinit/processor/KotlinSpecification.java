package dev.kinit.processor;

import dev.kinit.Distribution;
import dev.kinit.FanMode;
import dev.kinit.Nonlinearity;
import dev.kinit.processor.JavaMembers.Lookup;
import dev.kinit.processor.JavaMembers.Reading;
import dev.kinit.processor.JavaMembers.Var;
import dev.kinit.processor.JavaMembers.Viewer;
import dev.kinit.processor.KotlinLayerCase.Base;
import dev.kinit.processor.KotlinLayerCase.BaseForm;
import dev.kinit.processor.KotlinLayerCase.Form;
import dev.kinit.processor.KotlinLayerCase.Kind;
import dev.kinit.processor.KotlinLayerCase.Misplaced;
import dev.kinit.processor.KotlinLayerCase.Property;
import dev.kinit.processor.LayerCase.Place;
import dev.kinit.processor.LayerCase.Visibility;
import dev.kinit.processor.Specification.Expectation;
import dev.kinit.processor.Specification.Fill;
import dev.kinit.processor.Specification.Finding;
import dev.kinit.processor.Specification.Outcome;
import dev.kinit.processor.rules.Message;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * What the processor must make of a {@link KotlinLayerCase}: the rules of {@link Specification}
 * over the class as Java sees it through kapt's stubs, which the Kotlin documentation states (a
 * {@code val}'s field is private and its getter {@code getX}, or {@code getX$module} if {@code
 * internal}, or its {@code @JvmName}; {@code @JvmField}, {@code lateinit} and {@code const} fields
 * have the property's visibility; an object's fields are static; a value class's getter has a hash
 * appended) and the README ({@code [kinit.getter-uncallable]} for that hash). Diagnostics are at
 * the {@code .kt} line of the declaration (kapt's {@code mapDiagnosticLocations}); each declaration
 * is on one line.
 */
final class KotlinSpecification {

  private final KotlinLayerCase layer;
  private final KotlinLayerCase.Source source;
  private final JavaMembers types = new JavaMembers();
  private final Map<Var, Property> properties = new HashMap<>();
  private final Set<Finding> errors = new LinkedHashSet<>();
  private final Set<Finding> warnings = new LinkedHashSet<>();
  private final Set<String> reached = new LinkedHashSet<>();

  private KotlinSpecification(KotlinLayerCase layer, KotlinLayerCase.Source source) {
    this.layer = layer;
    this.source = source;
    declareTypes();
  }

  static Expectation of(KotlinLayerCase layer, KotlinLayerCase.Source source) {
    return new KotlinSpecification(layer, source).expect();
  }

  private Expectation expect() {
    Map<String, Boolean> initializers = new LinkedHashMap<>();
    List<Set<Finding>> obligations = new ArrayList<>();
    boolean baseValid = true;
    Base base = layer.base();
    if (base != null) {
      Reading reading = read(baseWeight(), layer.baseName());
      if (!reading.readable()) {
        Place place = source.place("Base." + KotlinLayerCase.BASE_WEIGHT);
        Finding finding = new Finding(reading.problem(), place.file(), place.line());
        errors.add(finding);
        obligations.add(Set.of(finding));
        baseValid = false;
      }
      initializers.put(layer.baseName() + "Initializer", baseValid);
    }
    Set<Finding> before = new LinkedHashSet<>(errors);
    layerOwn();
    Set<Finding> ownErrors = new LinkedHashSet<>(errors);
    ownErrors.removeAll(before);
    if (!ownErrors.isEmpty()) {
      // The processor may stop at a field's first problem, but reports some problem of each.
      obligations.add(ownErrors);
    }
    boolean layerValid = ownErrors.isEmpty() && baseValid;
    if (baseValid && base != null && layer.kind() != Kind.PRIVATE_NESTED) {
      Reading reading = read(baseWeight(), layer.layerBinaryName());
      note(reading, "a field of Base");
      if (!reading.readable()) {
        Place place = source.place("class");
        Finding finding = new Finding(reading.problem(), place.file(), place.line());
        errors.add(finding);
        obligations.add(Set.of(finding));
        layerValid = false;
      }
    }
    initializers.put(layer.initializerName(), layerValid);
    if (layer.misplaced() != Misplaced.NONE) {
      Place place = source.place("misplaced");
      Message message =
          layer.misplaced() == Misplaced.ENUM_ENTRY ? Message.ENUM_CONSTANT : Message.NOT_A_FIELD;
      Finding finding = new Finding(message, place.file(), place.line());
      errors.add(finding);
      obligations.add(Set.of(finding));
    }
    if (layer.subclass() != null && layer.subclass().annotated()) {
      // Sub's initializer reads the layer's weight too, through the getter Sub overrides.
      boolean subValid = layerValid;
      Reading reading = read(own(layer.weight()), layer.subName());
      boolean layerReads = read(own(layer.weight()), layer.layerBinaryName()).readable();
      if (!reading.readable() && layerReads) {
        Place place = source.place(KotlinLayerCase.SUB);
        Finding finding = new Finding(reading.problem(), place.file(), place.line());
        errors.add(finding);
        if (layerValid) {
          obligations.add(Set.of(finding));
        }
        subValid = false;
      }
      initializers.put(layer.subName() + "Initializer", subValid && reading.readable());
    }
    Reading weight = layerValid ? read(own(layer.weight()), layer.layerBinaryName()) : null;
    boolean valid = errors.isEmpty();
    return new Expectation(
        errors,
        obligations,
        warnings,
        initializers,
        elements(),
        outcome(weight),
        biasFilled(),
        valid ? fills() : List.of(),
        weight != null && weight.throughGetter() ? weight.getter().name() : null,
        lengthMatches(),
        reached);
  }

  // ---------------------------------------------------------------------------------------------
  // The classes as Java sees them

  private void declareTypes() {
    String pkg = layer.packageName();
    String name = layer.layerBinaryName();
    Kind kind = layer.kind();
    Base base = layer.base();
    types.add(
        new JavaMembers.Type(
            name,
            KotlinLayerCase.LAYER,
            pkg,
            pkg + "." + (kind.nested() ? KotlinLayerCase.OUTER : KotlinLayerCase.LAYER),
            true,
            kind != Kind.PRIVATE_NESTED,
            false,
            base == null ? null : layer.baseName(),
            List.of()));
    for (Property property : layer.properties()) {
      declare(name, property);
    }
    if (base != null) {
      declareBase(base);
      if (base.overridden()) {
        // The override has a backing field of its own, and a getter overriding Base's.
        types.add(
            new Var(name, KotlinLayerCase.BASE_WEIGHT, Visibility.PRIVATE, false, "float[][]"));
        types.add(method(name, "getBase", Visibility.PUBLIC, false, "float[][]"));
      }
    }
    if (layer.subclass() != null) {
      String sub = layer.subName();
      types.add(
          new JavaMembers.Type(
              sub, KotlinLayerCase.SUB, pkg, sub, true, true, false, name, List.of()));
      Property weight = layer.weight();
      types.add(new Var(sub, weight.name(), Visibility.PRIVATE, false, weight.type().jvm));
      types.add(
          method(sub, weight.getter(), jvmAccess(weight.visibility()), false, weight.type().jvm));
    }
  }

  /** A property's field and getter, by the Kotlin documentation's mapping to the JVM. */
  private void declare(String owner, Property property) {
    Form form = property.form();
    boolean isStatic = layer.kind() == Kind.OBJECT || form.inCompanion();
    Visibility access;
    if (form == Form.COMPANION_VAL) {
      access = Visibility.PRIVATE;
    } else if (form.jvmField() || form == Form.COMPANION_CONST || form == Form.LATEINIT) {
      access = jvmAccess(property.visibility());
    } else {
      access = Visibility.PRIVATE;
    }
    String type = form == Form.DELEGATED ? "kotlin.Lazy" : property.type().jvm;
    Var field = new Var(owner, property.fieldName(), access, isStatic, type);
    types.add(field);
    properties.put(field, property);
    if (property.getter() != null) {
      types.add(
          new JavaMembers.Method(
              owner,
              property.getter(),
              jvmAccess(property.visibility()),
              false,
              !property.open(),
              property.type().jvm,
              false,
              form != Form.VAL_COPY));
    }
  }

  /** Kotlin's {@code internal} is public on the JVM. */
  private static Visibility jvmAccess(KotlinLayerCase.Visibility visibility) {
    return switch (visibility) {
      case PUBLIC, INTERNAL -> Visibility.PUBLIC;
      case PROTECTED -> Visibility.PROTECTED;
      case PRIVATE -> Visibility.PRIVATE;
    };
  }

  private static JavaMembers.Method method(
      String owner, String name, Visibility access, boolean isFinal, String type) {
    return new JavaMembers.Method(owner, name, access, false, isFinal, type, false, true);
  }

  private void declareBase(Base base) {
    String name = layer.baseName();
    types.add(
        new JavaMembers.Type(
            name,
            layer.baseSimpleName(),
            layer.basePackage(),
            name,
            true,
            true,
            false,
            null,
            List.of()));
    boolean java = base.form().java();
    Visibility sizeAccess =
        !base.sizePrivate() && base.sizeForm() == Form.JVM_FIELD
            ? Visibility.PUBLIC
            : Visibility.PRIVATE;
    types.add(new Var(name, KotlinLayerCase.BASE_SIZE, sizeAccess, false, "int"));
    if (!base.sizePrivate() && base.sizeForm() != Form.JVM_FIELD) {
      types.add(method(name, "getOut", Visibility.PUBLIC, true, "int"));
    }
    Visibility weightAccess =
        switch (base.form()) {
          case JVM_FIELD, JAVA_PUBLIC -> Visibility.PUBLIC;
          case JAVA_PROTECTED -> Visibility.PROTECTED;
          case JAVA_PACKAGE -> Visibility.PACKAGE;
          default -> Visibility.PRIVATE;
        };
    types.add(new Var(name, KotlinLayerCase.BASE_WEIGHT, weightAccess, false, "float[][]"));
    String getter = baseGetter();
    if (getter != null) {
      Visibility access =
          base.form() == BaseForm.PROTECTED_VAL
                  || base.form() == BaseForm.JAVA_PRIVATE_PROTECTED_GETTER
              ? Visibility.PROTECTED
              : Visibility.PUBLIC;
      // Java's getters here are not final, Kotlin's are unless open.
      boolean isFinal = !java && base.form() != BaseForm.OPEN_VAL;
      types.add(method(name, getter, access, isFinal, "float[][]"));
    }
  }

  /** The getter of {@code Base}'s weight, if it has one. */
  private String baseGetter() {
    return switch (layer.base().form()) {
      case VAL,
          PROTECTED_VAL,
          OPEN_VAL,
          JAVA_PRIVATE_PUBLIC_GETTER,
          JAVA_PRIVATE_PROTECTED_GETTER ->
          "getBase";
      case INTERNAL_VAL -> "getBase$main";
      default -> null;
    };
  }

  private Var baseWeight() {
    return types.declared(layer.baseName(), KotlinLayerCase.BASE_WEIGHT);
  }

  private Var own(Property property) {
    return types.declared(layer.layerBinaryName(), property.fieldName());
  }

  /**
   * How the initializer of {@code reader} reads {@code field}: by {@link JavaMembers#read} with the
   * names the processor tries (a Kotlin property's real getter, else the conventional ones), and a
   * getter Java cannot call is {@code [kinit.getter-uncallable]}, whatever else is wrong with it.
   */
  private Reading read(Var field, String reader) {
    Property property = properties.get(field);
    List<String> names;
    if (property != null && property.getter() != null) {
      names = List.of(property.getter());
    } else if (field.equals(layer.base() == null ? null : baseWeight()) && baseGetter() != null) {
      names = List.of(baseGetter());
    } else {
      names = Specification.getterNames(field.name());
    }
    Reading reading = types.read(field, reader, names);
    if (reading.throughGetter() && !SourceVersion.isIdentifier(reading.getter().name())) {
      return new Reading(Message.GETTER_UNCALLABLE, reading.getter());
    }
    return reading;
  }

  // ---------------------------------------------------------------------------------------------
  // The layer's own problems

  private void layerOwn() {
    Property weight = layer.weight();
    boolean reachable = layer.kind() != Kind.PRIVATE_NESTED;
    List<Property> annotated = new ArrayList<>(List.of(weight));
    if (layer.bias() != null) {
      annotated.add(layer.bias());
    }
    for (Property property : annotated) {
      int line = line(property.name());
      if (!reachable) {
        error(Message.UNREACHABLE_CLASS, line);
      } else if (own(property).isStatic()) {
        error(Message.STATIC_FIELD, line);
      } else if (property.form() == Form.DELEGATED) {
        // The annotation is on the delegate, x$delegate, a kotlin.Lazy.
        error(Message.UNSUPPORTED_TYPE, line);
      } else if (property.type().weightArray()) {
        Reading reading = read(own(property), layer.layerBinaryName());
        note(reading, "an own field");
        if (!reading.readable()) {
          error(reading.problem(), line);
        }
      }
    }
    int line = line(weight.name());
    if (!weight.type().weightArray()) {
      error(Message.UNSUPPORTED_TYPE, line);
    } else if (weight.type().rank > 1) {
      if (!layer.shape().isEmpty()) {
        error(Message.SHAPE_ON_NESTED, line);
      }
    } else if (layer.shape().isEmpty() && layer.shapeFields().isEmpty()) {
      error(Message.FLAT_WITHOUT_SHAPE, line);
    } else if (!layer.shape().isEmpty()) {
      if (layer.shape().contains(0)) {
        warnings.add(new Finding(Message.ZERO_SIZE, layer.mainFile(), line));
      }
    } else {
      shapeFields(line);
    }
    if (layer.kaiming()) {
      double a = layer.a();
      if (Double.isNaN(a)) {
        error(Message.A_NOT_FINITE, line);
      } else if (a != 0 && layer.nonlinearity() != Nonlinearity.LEAKY_RELU) {
        warnings.add(new Finding(Message.A_IGNORED, layer.mainFile(), line));
      }
      if (layer.nonlinearity() == Nonlinearity.SELU) {
        warnings.add(new Finding(Message.SELU_GAIN, layer.mainFile(), line));
      }
    }
    if (layer.bias() != null) {
      Var named = named(layer.biasOf());
      int biasLine = line(layer.bias().name());
      boolean weightNamed = named != null && named.equals(own(weight));
      boolean baseNamed = named != null && named.equals(layer.base() == null ? null : baseWeight());
      if (!weightNamed && !baseNamed) {
        error(Message.BIAS_OF_NOT_A_WEIGHT, biasLine);
      } else if (weightNamed && biasFirst()) {
        warnings.add(new Finding(Message.BIAS_BEFORE_WEIGHT, layer.mainFile(), biasLine));
      }
    }
  }

  /** Whether the bias's field comes before the weight's: constructor properties come first. */
  private boolean biasFirst() {
    return layer.bias().form().inConstructor() && !layer.weight().form().inConstructor();
  }

  private void shapeFields(int line) {
    String owner = layer.layerBinaryName();
    Viewer inside = new Viewer(layer.packageName(), owner);
    for (String name : layer.shapeFields()) {
      Lookup lookup = types.lookup(owner, name, inside);
      Var size = denoted(lookup);
      if (size == null) {
        error(Message.SHAPE_FIELD_MISSING, line);
      } else if (!size.type().equals("int")) {
        error(Message.SHAPE_FIELD_NOT_INT, line);
      } else {
        Reading reading = read(size, owner);
        note(reading, size.owner().equals(owner) ? "an own size" : "a size of Base");
        if (!reading.readable()) {
          boolean noGetter =
              reading.problem() == Message.PRIVATE_WITHOUT_GETTER
                  || reading.problem() == Message.INACCESSIBLE_FIELD;
          error(noGetter ? Message.SHAPE_FIELD_UNREADABLE : reading.problem(), line);
        }
      }
    }
  }

  /** The field {@code name} denotes in the layer's code, accessible or not; null if none. */
  private Var named(String name) {
    String owner = layer.layerBinaryName();
    return denoted(types.lookup(owner, name, new Viewer(layer.packageName(), owner)));
  }

  private static Var denoted(Lookup lookup) {
    if (lookup instanceof Lookup.Found found) {
      return found.field();
    }
    return lookup instanceof Lookup.Inaccessible inaccessible ? inaccessible.field() : null;
  }

  private void note(Reading reading, String what) {
    String how =
        reading.site() != null
            ? "directly"
            : reading.readable() ? "through its getter" : reading.problem().tag();
    reached.add("kotlin read " + what + " " + how);
  }

  private int line(String property) {
    return source.place(property).line();
  }

  private void error(Message message, int line) {
    errors.add(new Finding(message, layer.mainFile(), line));
  }

  // ---------------------------------------------------------------------------------------------
  // Running a valid case

  /** Base's weight first, then the layer's fields in the order of the class file. */
  private List<Fill> fills() {
    List<Fill> fills = new ArrayList<>();
    Fill base = null;
    if (layer.base() != null) {
      base =
          layer.base().torch()
              ? new Fill.TorchWeight(layer.baseName(), KotlinLayerCase.BASE_WEIGHT, null)
              : new Fill.Kaiming(
                  layer.baseName(),
                  KotlinLayerCase.BASE_WEIGHT,
                  null,
                  Distribution.NORMAL,
                  FanMode.FAN_IN,
                  Nonlinearity.RELU.gain(0));
      fills.add(base);
    }
    String owner = layer.layerBinaryName();
    Property field = layer.weight();
    List<Integer> shape = field.type().rank == 1 ? shape() : null;
    Fill weight =
        layer.kaiming()
            ? new Fill.Kaiming(
                owner,
                field.name(),
                shape,
                layer.distribution(),
                layer.mode(),
                layer.nonlinearity().gain(layer.a()))
            : new Fill.TorchWeight(owner, field.name(), shape);
    if (layer.bias() == null) {
      fills.add(weight);
      return fills;
    }
    Fill of = layer.biasOf().equals(KotlinLayerCase.BASE_WEIGHT) ? base : weight;
    Fill bias = new Fill.TorchBias(owner, layer.bias().name(), of);
    fills.addAll(biasFirst() ? List.of(bias, weight) : List.of(weight, bias));
    return fills;
  }

  private List<Integer> shape() {
    Property weight = layer.weight();
    if (weight.type().rank > 1) {
      return weight.dims();
    }
    if (!layer.shape().isEmpty()) {
      return layer.shape();
    }
    List<Integer> sizes = new ArrayList<>();
    for (String name : layer.shapeFields()) {
      Var size = named(name);
      Property property = size == null ? null : properties.get(size);
      sizes.add(property != null ? property.dims().get(0) : KotlinLayerCase.BASE_SIZE_VALUE);
    }
    return sizes;
  }

  private long elements() {
    if (!layer.weight().type().weightArray() || layer.weight().dims().isEmpty()) {
      return 0;
    }
    long product = 1;
    for (int size : shape()) {
      product *= size;
    }
    return product;
  }

  private boolean lengthMatches() {
    Property weight = layer.weight();
    return weight.type().rank != 1 || weight.dims().isEmpty() || weight.dims().get(0) == elements();
  }

  private Outcome outcome(Reading weight) {
    if (weight != null && weight.throughGetter() && !weight.getter().sameArray()) {
      return Outcome.COPY_REJECTED;
    }
    if (weight != null && weight.throughGetter() && layer.subclass() != null) {
      return Outcome.OVERRIDE_REJECTED; // the fixture is a Sub, which overrides the getter
    }
    return lengthMatches() ? Outcome.FILL : Outcome.MISMATCH;
  }

  private boolean biasFilled() {
    if (layer.bias() == null) {
      return false;
    }
    if (layer.biasOf().equals(KotlinLayerCase.BASE_WEIGHT)) {
      return true; // [3][2]: fan_in 2
    }
    List<Integer> shape = shape();
    if (shape.size() < 2) {
      return false;
    }
    long fanIn = 1;
    for (int size : shape.subList(1, shape.size())) {
      fanIn *= size;
    }
    return fanIn > 0;
  }
}
