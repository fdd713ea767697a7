package dev.kinit.processor;

import dev.kinit.Distribution;
import dev.kinit.FanMode;
import dev.kinit.Nonlinearity;
import dev.kinit.processor.JavaMembers.Lookup;
import dev.kinit.processor.JavaMembers.Reading;
import dev.kinit.processor.JavaMembers.Var;
import dev.kinit.processor.JavaMembers.Viewer;
import dev.kinit.processor.LayerCase.Accessor;
import dev.kinit.processor.LayerCase.AnnotatedField;
import dev.kinit.processor.LayerCase.ElementKind;
import dev.kinit.processor.LayerCase.Flag;
import dev.kinit.processor.LayerCase.Getter;
import dev.kinit.processor.LayerCase.Misplaced;
import dev.kinit.processor.LayerCase.Overrider;
import dev.kinit.processor.LayerCase.Place;
import dev.kinit.processor.LayerCase.Placement;
import dev.kinit.processor.LayerCase.SizeField;
import dev.kinit.processor.LayerCase.Superclass;
import dev.kinit.processor.LayerCase.Visibility;
import dev.kinit.processor.rules.Message;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the processor must make of a {@link LayerCase}, decided from the rules users are given (the
 * README, the issues, {@code docs/diagnostics.md}, the {@link Message} catalogue) and Java's rules
 * for members ({@link JavaMembers}), from the case's inputs alone, never by asking the processor's
 * own code.
 *
 * <p>An invalid case lists every problem it has; the processor may stop at the first of a field's
 * problems, so each error it reports must be one of them, at its line, and there must be at least
 * one. A valid case lists the warnings it must get, exactly. Either way, each class with kinit
 * annotations gets its initializer exactly when it is valid: a class's errors do not cost another
 * class its initializer, but a superclass's do (they are reported once, at the superclass).
 */
final class Specification {

  /** A diagnostic: its {@link Message} (null for one of javac's own), its file and line. */
  record Finding(Message message, String file, int line) {
    @Override
    public String toString() {
      return (message == null ? "javac" : message.tag()) + " at " + file + ":" + line;
    }
  }

  /** What running a valid case's initializer on {@code Fixture.newLayer()} must do. */
  enum Outcome {
    /** Fill every array as the runtime called directly does. */
    FILL,
    /** Throw {@code IllegalArgumentException}: a flat array's length does not match its shape. */
    MISMATCH,
    /** Throw {@code IllegalStateException}: the weight's getter returns a copy. */
    COPY_REJECTED,
    /** Throw {@code IllegalStateException}: {@code Sub} overrides the weight's getter. */
    OVERRIDE_REJECTED
  }

  /**
   * @param errors every error the case may get; none for a valid case
   * @param obligations sets of errors of which each must get at least one: a problem of the layer's
   *     own, each problem of another class, each misplaced annotation
   * @param warnings the processor's warnings the case must get if valid (may get if invalid)
   * @param initializers the binary names of the initializers that must be generated (true) and must
   *     not (false)
   * @param elements for a valid case, the number of elements the weight has
   * @param outcome for a valid case, what its initializer must do; it writes nothing if it throws
   * @param biasFilled for a valid case with a bias, whether the initializer fills it (else it must
   *     leave it as it was)
   * @param fills for a valid case, what the initializer must do, in order
   * @param getter what the weight is read through when not directly, for the messages of exceptions
   * @param lengthMatches whether a flat weight's length matches its shape
   * @param reached the ways of reading members and resolving names the case exercises, for the
   *     coverage check
   */
  record Expectation(
      Set<Finding> errors,
      List<Set<Finding>> obligations,
      Set<Finding> warnings,
      Map<String, Boolean> initializers,
      long elements,
      Outcome outcome,
      boolean biasFilled,
      List<Fill> fills,
      String getter,
      boolean lengthMatches,
      Set<String> reached) {
    boolean valid() {
      return errors.isEmpty();
    }

    /** Whether the layer's initializer must be generated although the case has errors. */
    boolean layerInitializerDespiteErrors(LayerCase layer) {
      return !valid() && initializers.getOrDefault(layer.initializerName(), false);
    }
  }

  /**
   * One array the initializer fills, with the runtime call the rules give it: {@code field} of the
   * class {@code owner} (a binary name).
   */
  sealed interface Fill {
    String owner();

    String field();

    /** A flat weight's shape; null for a nested array or a bias, whose tensor reads it. */
    default List<Integer> shape() {
      return null;
    }

    /** {@code Kaiming.normal} or {@code uniform} with the mode and {@code Nonlinearity.gain(a)}. */
    record Kaiming(
        String owner,
        String field,
        List<Integer> shape,
        Distribution distribution,
        FanMode mode,
        double gain)
        implements Fill {}

    /** {@code LayerDefaults.weight}, {@code @TorchDefaultInit}'s Javadoc. */
    record TorchWeight(String owner, String field, List<Integer> shape) implements Fill {}

    /** {@code LayerDefaults.bias} with the tensor of {@code weight}. */
    record TorchBias(String owner, String field, Fill weight) implements Fill {}
  }

  /** What a name in {@code biasOf} denotes, by Java's rules for the class's code. */
  private enum Named {
    THE_WEIGHT,
    INHERITED_WEIGHT,
    NOT_A_WEIGHT
  }

  /** The names of a Java field's getter, in the order the README gives. */
  static List<String> getterNames(String field) {
    return List.of(LayerCase.getterName(field), field);
  }

  private final LayerCase layer;
  private final LayerCase.Source source;
  private final JavaMembers types;
  private final Map<Var, Integer> values = new HashMap<>();
  private final Set<Finding> errors = new LinkedHashSet<>();
  private final Set<String> reached = new LinkedHashSet<>();
  private final Set<Finding> warnings = new LinkedHashSet<>();

  private Specification(LayerCase layer, LayerCase.Source source) {
    this.layer = layer;
    this.source = source;
    this.types = new JavaMembers();
    declareTypes();
  }

  static Expectation of(LayerCase layer, LayerCase.Source source) {
    return new Specification(layer, source).expect();
  }

  private Expectation expect() {
    Map<String, Boolean> initializers = new LinkedHashMap<>();
    List<Set<Finding>> obligations = new ArrayList<>();
    boolean baseValid = true;
    if (layer.hierarchy() != null) {
      Set<Finding> found = added(this::base);
      baseValid = found.isEmpty();
      oneEach(obligations, found);
      initializers.put(LayerCase.initializerOf(layer.baseName()), baseValid);
    }
    Set<Finding> own = added(this::layerOwn);
    if (!own.isEmpty()) {
      // The processor may stop at a field's first problem, but reports some problem of each.
      obligations.add(own);
    }
    boolean reachable = reachable(layer.placement());
    boolean layerValid = own.isEmpty() && baseValid && reachable;
    if (baseValid && reachable && layer.hierarchy() != null) {
      // The inherited fields, as the layer's initializer reads them.
      String reader = layer.layerBinaryName();
      Set<Finding> inherited = added(() -> baseFields().forEach(f -> reads(f, reader, null)));
      layerValid &= inherited.isEmpty();
      oneEach(obligations, inherited);
    }
    // A subclass needs the layer's fields to be valid, not its initializer to be written.
    boolean fieldsValid = layerValid;
    if (reachable && layer.clash()) {
      // The initializer's name is the README's rule; a class of that name leaves no room for it.
      // Said when the initializer would be written, so only of a class valid otherwise.
      Finding clash =
          new Finding(Message.INITIALIZER_EXISTS, source.mainFile(), source.classLine());
      errors.add(clash);
      if (layerValid) {
        obligations.add(Set.of(clash));
      }
      layerValid = false;
    }
    if (layer.placement().named()) {
      initializers.put(layer.initializerName(), layerValid);
    }
    oneEach(obligations, added(this::misplaced));
    if (layer.subclass() != null && layer.subclass().annotated()) {
      Set<Finding> sub = added(this::subclass);
      boolean subValid = fieldsValid && sub.isEmpty();
      if (fieldsValid) {
        oneEach(obligations, sub);
      }
      initializers.put(LayerCase.initializerOf(layer.subName()), subValid);
    }
    boolean valid = errors.isEmpty();
    Reading weight = weightReading();
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

  /** The errors that {@code check} adds. */
  private Set<Finding> added(Runnable check) {
    Set<Finding> before = new LinkedHashSet<>(errors);
    check.run();
    Set<Finding> added = new LinkedHashSet<>(errors);
    added.removeAll(before);
    return added;
  }

  /** Each of {@code findings} must be reported. */
  private static void oneEach(List<Set<Finding>> obligations, Set<Finding> findings) {
    findings.forEach(finding -> obligations.add(Set.of(finding)));
  }

  // ---------------------------------------------------------------------------------------------
  // The classes of the case

  /** The model of the case's types, fields and getters, from its declarations. */
  private void declareTypes() {
    String pkg = layer.packageName();
    String name = layer.layerBinaryName();
    Placement placement = layer.placement();
    boolean publicPath =
        switch (placement) {
          case TOP_LEVEL, GENERIC, SUBCLASS, NESTED_SUBCLASS, ENUM, RECORD, INTERFACE -> true;
          default -> false;
        };
    String superclass =
        layer.hierarchy() == null
            ? null
            : layer.hierarchy().mid() != null ? layer.midName() : layer.baseName();
    List<String> interfaces =
        layer.constants() != null && !layer.constants().implementedByBase()
            ? List.of(layer.constantsName())
            : List.of();
    types.add(
        new JavaMembers.Type(
            name,
            layer.layerName(),
            pkg,
            pkg + "." + layer.topName(),
            publicPath,
            reachable(placement),
            placement == Placement.INTERFACE,
            superclass,
            interfaces));
    for (AnnotatedField field : layer.annotatedFields()) {
      declareField(name, field);
    }
    if (layer.declaresHelper(LayerCase.PLAIN)) {
      types.add(
          new Var(name, LayerCase.PLAIN, Visibility.PACKAGE, bodyFieldsAreStatic(), "float[][]"));
    }
    if (layer.declaresHelper(LayerCase.OTHER_BIAS)) {
      types.add(
          new Var(
              name, LayerCase.OTHER_BIAS, Visibility.PACKAGE, bodyFieldsAreStatic(), "float[]"));
    }
    for (SizeField size : layer.sizeFields()) {
      Var field;
      if (layer.isComponent(size)) {
        field = new Var(name, size.name(), Visibility.PRIVATE, false, "int");
        types.add(method(name, size.name(), componentAccessor(false), "int"));
      } else if (placement == Placement.INTERFACE) {
        field = new Var(name, size.name(), Visibility.PUBLIC, true, size.kind().type);
      } else {
        boolean isStatic = size.kind().isStatic || placement == Placement.RECORD;
        field = new Var(name, size.name(), size.kind().visibility, isStatic, size.kind().type);
        types.add(method(name, size.name(), size.kind().getter, size.kind().type));
      }
      types.add(field);
      values.put(field, size.value());
    }
    if (layer.hierarchy() != null) {
      declareHierarchy();
    }
    if (layer.constants() != null) {
      String sizes = layer.constantsName();
      types.add(
          new JavaMembers.Type(
              sizes,
              LayerCase.SIZES,
              sizes.substring(0, sizes.lastIndexOf('.')),
              sizes,
              layer.constants().isPublic(),
              true,
              true,
              null,
              List.of()));
      for (LayerCase.Constant constant : layer.constants().members()) {
        Var field = new Var(sizes, constant.name(), Visibility.PUBLIC, true, constant.type());
        types.add(field);
        if (constant.type().equals("int")) {
          values.put(field, Integer.parseInt(constant.value()));
        }
      }
    }
    if (layer.subclass() != null) {
      declareSubclass();
    }
  }

  private void declareField(String owner, AnnotatedField field) {
    String type = field.type().toString();
    if (layer.placement() == Placement.INTERFACE) {
      // Interface fields are public and static (JLS 9.3).
      types.add(new Var(owner, field.name(), Visibility.PUBLIC, true, type));
      return;
    }
    boolean isStatic = field.flags().contains(Flag.STATIC);
    types.add(new Var(owner, field.name(), field.visibility(), isStatic, type));
    if (layer.isComponent(field)) {
      // The record's accessor, implicit or written.
      types.add(method(owner, field.name(), componentAccessor(field.getter().copies()), type));
    } else {
      types.add(method(owner, field.name(), field.getter(), type));
    }
  }

  private static Accessor componentAccessor(boolean copies) {
    return new Accessor(Getter.PLAIN, Visibility.PUBLIC, false, copies);
  }

  /** The method {@code accessor} declares for {@code field} of type {@code type}, if any. */
  private static JavaMembers.Method method(
      String owner, String field, Accessor accessor, String type) {
    if (accessor.form() == Getter.NONE) {
      return null;
    }
    return new JavaMembers.Method(
        owner,
        accessor.name(field),
        accessor.visibility(),
        accessor.form() == Getter.STATIC,
        accessor.isFinal(),
        accessor.form() == Getter.WRONG_TYPE ? "Object" : type,
        accessor.form() == Getter.WITH_PARAMETER,
        !accessor.copies());
  }

  private void declareHierarchy() {
    LayerCase.Hierarchy hierarchy = layer.hierarchy();
    String base = layer.baseName();
    String basePackage = base.substring(0, base.lastIndexOf('.'));
    types.add(
        new JavaMembers.Type(
            base,
            LayerCase.BASE,
            basePackage,
            base,
            hierarchy.basePublic(),
            true,
            false,
            null,
            layer.constants() != null && layer.constants().implementedByBase()
                ? List.of(layer.constantsName())
                : List.of()));
    LayerCase.Member size = hierarchy.size();
    Var out = new Var(base, LayerCase.BASE_SIZE.name(), size.visibility(), size.isStatic(), "int");
    types.add(out);
    values.put(out, LayerCase.BASE_SIZE.value());
    types.add(method(base, out.name(), size.getter(), "int"));
    LayerCase.Member weight = hierarchy.weight();
    types.add(
        new Var(
            base, LayerCase.BASE_WEIGHT, weight.visibility(), false, LayerCase.BASE_WEIGHT_TYPE));
    types.add(method(base, LayerCase.BASE_WEIGHT, weight.getter(), LayerCase.BASE_WEIGHT_TYPE));
    if (hierarchy.annotations() == Superclass.TORCH_WITH_BIAS) {
      types.add(new Var(base, LayerCase.BASE_BIAS, Visibility.PUBLIC, false, "float[]"));
    }
    if (hierarchy.mid() != null) {
      String mid = layer.midName();
      types.add(
          new JavaMembers.Type(
              mid,
              LayerCase.MID,
              mid.substring(0, mid.lastIndexOf('.')),
              mid,
              hierarchy.mid().isPublic(),
              true,
              false,
              base,
              List.of()));
      if (hierarchy.mid().hides() != null) {
        types.add(new Var(mid, LayerCase.BASE_WEIGHT, hierarchy.mid().hides(), false, "int"));
      }
    }
    for (LayerCase.Member member : List.of(weight, size)) {
      if (member.overrider() != Overrider.NONE) {
        String owner =
            member.overrider() == Overrider.MID ? layer.midName() : layer.layerBinaryName();
        String field = member == weight ? LayerCase.BASE_WEIGHT : out.name();
        String type = member == weight ? LayerCase.BASE_WEIGHT_TYPE : "int";
        // It returns a new array, another size.
        types.add(override(owner, member.getter().name(field), type, false));
      }
    }
  }

  private static JavaMembers.Method override(
      String owner, String name, String type, boolean sameArray) {
    return new JavaMembers.Method(
        owner, name, Visibility.PUBLIC, false, false, type, false, sameArray);
  }

  private void declareSubclass() {
    String sub = layer.subName();
    types.add(
        new JavaMembers.Type(
            sub,
            LayerCase.SUB,
            layer.packageName(),
            sub,
            true,
            true,
            false,
            layer.layerBinaryName(),
            List.of()));
    AnnotatedField weight = layer.weight();
    if (layer.subclass().hides()) {
      types.add(new Var(sub, weight.name(), Visibility.PUBLIC, false, "int"));
    }
    if (layer.subclass().overrides()) {
      String type = weight.type().toString();
      types.add(new Var(sub, LayerCase.FROZEN, Visibility.PACKAGE, false, type));
      types.add(override(sub, weight.getter().name(weight.name()), type, true)); // frozen
    }
    if (layer.subclass().annotated()) {
      types.add(new Var(sub, LayerCase.SUB_WEIGHT, Visibility.PACKAGE, false, "float[][]"));
    }
  }

  /** {@code Base}'s annotated fields. */
  private List<Var> baseFields() {
    List<Var> fields = new ArrayList<>();
    fields.add(types.declared(layer.baseName(), LayerCase.BASE_WEIGHT));
    Var bias = types.declared(layer.baseName(), LayerCase.BASE_BIAS);
    if (bias != null) {
      fields.add(bias);
    }
    return fields;
  }

  private Var own(String field) {
    return types.declared(layer.layerBinaryName(), field);
  }

  // ---------------------------------------------------------------------------------------------
  // Base, Sub, and annotations that are not on fields

  /**
   * {@code Base}'s own problems: its annotations are valid, but its initializer must read its
   * weight, which may be private without a getter it can call. Reported at the field.
   */
  private void base() {
    Var weight = types.declared(layer.baseName(), LayerCase.BASE_WEIGHT);
    Reading reading = types.read(weight, layer.baseName(), getterNames(weight.name()));
    if (!reading.readable()) {
      Place field = source.place(LayerCase.BASE + "." + LayerCase.BASE_WEIGHT);
      errors.add(new Finding(reading.problem(), field.file(), field.line()));
    }
  }

  /**
   * Checks that the initializer of {@code reader} can read {@code member}, an annotated field or a
   * size one names ({@code annotated}, null for the field itself). A problem that the initializer
   * of the class declaring the annotated field has as well is that class's, reported there once
   * (README: an error is reported at its own field); any other is this class's, at its declaration.
   */
  private void reads(Var member, String reader, Var annotated) {
    Reading reading = types.read(member, reader, getterNames(member.name()));
    note(reading, member, reader);
    if (reading.readable()) {
      return;
    }
    String declaring = (annotated == null ? member : annotated).owner();
    boolean theirs = !types.read(member, declaring, getterNames(member.name())).readable();
    if (!theirs) {
      Place place = source.place(reader.equals(layer.subName()) ? LayerCase.SUB : "Layer");
      errors.add(
          new Finding(array(reading.problem(), annotated == null), place.file(), place.line()));
    }
  }

  /**
   * {@code Sub} with a weight of its own: a layer too, whose initializer reads the layer's fields
   * as well (through a getter it may override).
   */
  private void subclass() {
    String sub = layer.subName();
    List<Var> inherited = new ArrayList<>();
    if (layer.hierarchy() != null) {
      inherited.addAll(baseFields());
    }
    for (AnnotatedField field : layer.annotatedFields()) {
      inherited.add(own(field.name()));
    }
    if (layer.declaresHelper(LayerCase.OTHER_BIAS)) {
      inherited.add(own(LayerCase.OTHER_BIAS));
    }
    for (Var field : inherited) {
      if (!field.isStatic()) {
        reads(field, sub, null);
      }
    }
    Var weight = own(layer.weight().name());
    Viewer inside = new Viewer(layer.packageName(), weight.owner());
    for (String name : layer.attributes().shapeFields()) {
      Var named = denoted(types.lookup(weight.owner(), name, inside));
      if (named != null && named.type().equals("int")) {
        reads(named, sub, weight);
      }
    }
  }

  /** Message NOT_A_FIELD, ENUM_CONSTANT: a kinit annotation where there is no field to fill. */
  private void misplaced() {
    Misplaced misplaced = layer.misplaced();
    if (misplaced == Misplaced.NONE || misplaced == Misplaced.LAYER_CONSTANT) {
      return; // the layer's own constant is the layer's problem
    }
    Place place = source.place("misplaced");
    Message message =
        misplaced == Misplaced.ENUM_CONSTANT ? Message.ENUM_CONSTANT : Message.NOT_A_FIELD;
    errors.add(new Finding(message, place.file(), place.line()));
  }

  // ---------------------------------------------------------------------------------------------
  // The layer's own problems

  private void layerOwn() {
    AnnotatedField weight = layer.weight();
    int field = source.fieldLine(weight.name());
    if (!reachable(layer.placement())) {
      // README: generated code must be able to name the class; each annotated field is reported.
      for (String name : annotatedFields()) {
        error(Message.UNREACHABLE_CLASS, source.fieldLine(name));
      }
    }
    if (layer.misplaced() == Misplaced.LAYER_CONSTANT) {
      // Message ENUM_CONSTANT: an enum constant is one shared object, not an array.
      errors.add(
          new Finding(Message.ENUM_CONSTANT, source.mainFile(), source.place("misplaced").line()));
    }
    declaration(weight, Message.UNSUPPORTED_TYPE, supported(weight.type()));
    if (layer.rule().kaiming() && layer.rule().torch()) {
      // Message TWO_RULES: a field is initialised one way.
      error(Message.TWO_RULES, field);
    }
    String unresolved = layer.attributes().unresolved();
    if (unresolved != null) {
      // javac reports the missing constant; the processor waits for it, then reports the field.
      error(null, line(weight.name(), unresolved));
      error(Message.UNRESOLVED_TYPE, field);
    }
    if (supported(weight.type()) && (unresolved == null || unresolved.equals("a"))) {
      // @TorchDefaultInit's shape and shapeFields are @KaimingInit's (its Javadoc).
      shape(weight.type().rank());
    }
    if (layer.rule().kaiming() && !"a".equals(unresolved)) {
      slope();
    }
    if (layer.bias() != null) {
      bias(layer.bias());
    }
    if (layer.declaresHelper(LayerCase.OTHER_BIAS) && bodyFieldsAreStatic()) {
      error(Message.STATIC_FIELD, source.fieldLine(LayerCase.OTHER_BIAS));
    }
  }

  private void error(Message message, int line) {
    errors.add(new Finding(message, source.mainFile(), line));
  }

  /**
   * README: "Fields are filled in declaration order from one RandomGenerator, superclass fields
   * first"; a bias declared before its weight is drawn first (Message BIAS_BEFORE_WEIGHT).
   */
  private List<Fill> fills() {
    List<Fill> fills = new ArrayList<>();
    Fill base = null;
    if (layer.hierarchy() != null) {
      String owner = layer.baseName();
      base =
          layer.hierarchy().annotations() == Superclass.KAIMING
              ? new Fill.Kaiming(
                  owner,
                  LayerCase.BASE_WEIGHT,
                  null,
                  Distribution.NORMAL,
                  FanMode.FAN_IN,
                  Nonlinearity.RELU.gain(0))
              : new Fill.TorchWeight(owner, LayerCase.BASE_WEIGHT, null);
      fills.add(base);
      if (layer.hierarchy().annotations() == Superclass.TORCH_WITH_BIAS) {
        fills.add(new Fill.TorchBias(owner, LayerCase.BASE_BIAS, base));
      }
    }
    AnnotatedField field = layer.weight();
    LayerCase.Attributes attributes = layer.attributes();
    List<Integer> shape = field.dims().size() == 1 ? shape() : null;
    String owner = layer.layerBinaryName();
    Fill weight =
        layer.rule() == LayerCase.Rule.KAIMING
            ? new Fill.Kaiming(
                owner,
                field.name(),
                shape,
                attributes.distribution(),
                attributes.mode(),
                attributes.nonlinearity().gain(attributes.a()))
            : new Fill.TorchWeight(owner, field.name(), shape);
    LayerCase.Bias bias = layer.bias();
    if (bias == null) {
      fills.add(weight);
      return fills;
    }
    Fill of = named(bias.biasOf()) == Named.INHERITED_WEIGHT ? base : weight;
    Fill filled = new Fill.TorchBias(owner, bias.field().name(), of);
    boolean first = source.fieldLine(bias.field().name()) < source.fieldLine(field.name());
    fills.addAll(first ? List.of(filled, weight) : List.of(weight, filled));
    return fills;
  }

  /** The annotated fields of the layer class: the weight, the bias, a second bias. */
  private List<String> annotatedFields() {
    List<String> names = new ArrayList<>(List.of(layer.weight().name()));
    if (layer.bias() != null) {
      names.add(layer.bias().field().name());
    }
    if (layer.declaresHelper(LayerCase.OTHER_BIAS)) {
      names.add(LayerCase.OTHER_BIAS);
    }
    return names;
  }

  /**
   * The problems of an annotated field's declaration, {@code typeError} if its type is not {@code
   * typeFits}.
   */
  private void declaration(AnnotatedField field, Message typeError, boolean typeFits) {
    int line = source.fieldLine(field.name());
    if (field.type().kind() == ElementKind.UNRESOLVED) {
      // javac cannot find the type; the processor defers it and reports it, or rejects the type.
      error(null, line);
      error(Message.UNRESOLVED_TYPE, line);
      error(typeError, line);
    } else if (!typeFits) {
      error(typeError, line);
    }
    boolean isStatic =
        field.flags().contains(Flag.STATIC) || layer.placement() == Placement.INTERFACE;
    if (isStatic) {
      // Interface fields are implicitly static (JLS 9.3).
      error(Message.STATIC_FIELD, line);
    } else {
      Reading reading =
          types.read(own(field.name()), layer.layerBinaryName(), getterNames(field.name()));
      note(reading, own(field.name()), layer.layerBinaryName());
      if (!reading.readable()) {
        error(reading.problem(), line);
      }
    }
  }

  /** How the layer's initializer reads its weight, or null if it cannot. */
  private Reading weightReading() {
    Var weight = own(layer.weight().name());
    if (weight.isStatic()) {
      return null;
    }
    Reading reading =
        types.read(weight, layer.layerBinaryName(), getterNames(layer.weight().name()));
    return reading.readable() ? reading : null;
  }

  /**
   * {@code Getters}' Javadoc: an array read through a getter is checked first to be the field
   * itself, so a getter that returns a copy, or an override in the runtime class, makes the
   * initializer throw before writing; then the shapes are checked.
   */
  private Outcome outcome(Reading weight) {
    if (weight != null && weight.throughGetter()) {
      if (!weight.getter().sameArray()) {
        return Outcome.COPY_REJECTED;
      }
      if (layer.subclass() != null && layer.subclass().overrides()) {
        return Outcome.OVERRIDE_REJECTED;
      }
    }
    return lengthMatches() ? Outcome.FILL : Outcome.MISMATCH;
  }

  /**
   * The message for a member that cannot be read: an array's, or, for an {@code int} that {@code
   * shapeFields} names, {@code [kinit.shape-field-unreadable]} where the array's would say there is
   * no getter or no access.
   */
  private static Message array(Message problem, boolean array) {
    boolean unreadable =
        problem == Message.PRIVATE_WITHOUT_GETTER || problem == Message.INACCESSIBLE_FIELD;
    return !array && unreadable ? Message.SHAPE_FIELD_UNREADABLE : problem;
  }

  /**
   * A bias (TorchDefaultInit's Javadoc, Messages BIAS_*): a field like a weight, but a 1-D float[]
   * or double[] without a shape, whose biasOf names a weight of the class (own or inherited); one
   * declared before its weight is drawn first, unlike in PyTorch, which is a warning.
   */
  private void bias(LayerCase.Bias bias) {
    AnnotatedField field = bias.field();
    String name = field.name();
    declaration(field, Message.BIAS_NOT_A_VECTOR, vector(field.type()));
    for (String attribute : List.of("shape", "shapeFields")) {
      // An empty array attribute is the default: no shape, as for a weight.
      String value = bias.written().get(attribute);
      if (value != null && !value.equals("{}")) {
        error(Message.BIAS_WITH_SHAPE, line(name, attribute));
      }
    }
    int biasOf = line(name, "biasOf");
    if (bias.unresolved()) {
      error(null, biasOf);
      error(Message.UNRESOLVED_TYPE, source.fieldLine(name));
      return;
    }
    Named named = named(bias.biasOf());
    if (named == Named.NOT_A_WEIGHT) {
      error(Message.BIAS_OF_NOT_A_WEIGHT, biasOf);
    } else if (named == Named.THE_WEIGHT
        && source.fieldLine(name) < source.fieldLine(layer.weight().name())) {
      warnings.add(new Finding(Message.BIAS_BEFORE_WEIGHT, source.mainFile(), biasOf));
    }
  }

  /**
   * What {@code name} denotes in the layer's code (javac's rules, {@link JavaMembers#lookup}): the
   * weight, {@code Base}'s weight, or something else (a bias, an unannotated field, a field that is
   * ambiguous or absent). A field that javac finds but reports as inaccessible counts as found.
   */
  private Named named(String name) {
    String owner = layer.layerBinaryName();
    Lookup lookup = types.lookup(owner, name, new Viewer(layer.packageName(), owner));
    if (lookup instanceof Lookup.Ambiguous) {
      reached.add("biasOf names an ambiguous field");
    }
    Var field = denoted(lookup);
    if (field == null) {
      return Named.NOT_A_WEIGHT;
    }
    if (field.equals(own(layer.weight().name()))) {
      return Named.THE_WEIGHT;
    }
    boolean baseWeight =
        layer.hierarchy() != null
            && field.owner().equals(layer.baseName())
            && field.name().equals(LayerCase.BASE_WEIGHT);
    return baseWeight ? Named.INHERITED_WEIGHT : Named.NOT_A_WEIGHT;
  }

  /** Records how a member was read, for the coverage check. */
  private void note(Reading reading, Var member, String reader) {
    String what = origin(member);
    if (reading.site() != null && !reading.site().equals(reader)) {
      reached.add(
          "read "
              + what
              + (member.isStatic() ? " as a constant of " : " through a cast to ")
              + types.type(reading.site()).simpleName());
    } else if (reading.site() != null) {
      reached.add("read " + what + " directly");
    } else if (reading.readable()) {
      reached.add("read " + what + " through its getter");
    } else {
      reached.add("read " + what + ": " + reading.problem().tag());
    }
  }

  /** Where a member is declared, for the coverage check. */
  private String origin(Var member) {
    if (member.owner().equals(layer.layerBinaryName())) {
      return "an own field";
    }
    return (types.type(member.owner()).isInterface() ? "a constant of " : "a field of ")
        + types.type(member.owner()).simpleName();
  }

  /** The field a lookup found, accessible or not; null if absent or ambiguous. */
  private static Var denoted(Lookup lookup) {
    if (lookup instanceof Lookup.Found found) {
      return found.field();
    }
    return lookup instanceof Lookup.Inaccessible inaccessible ? inaccessible.field() : null;
  }

  /** Whether the fields of the class's body are static: a record's (JLS 8.10.3), an interface's. */
  private boolean bodyFieldsAreStatic() {
    return layer.placement() == Placement.RECORD || layer.placement() == Placement.INTERFACE;
  }

  /** README: "top-level class or a non-private nested class"; local and anonymous ones are not. */
  private static boolean reachable(Placement placement) {
    return switch (placement) {
      case PRIVATE_NESTED, NESTED_IN_PRIVATE, LOCAL, ANONYMOUS, ENUM_CONSTANT_BODY -> false;
      default -> true;
    };
  }

  /** Message UNSUPPORTED_TYPE: "float[] or double[] with 1 to 5 dimensions" (primitive ones). */
  private static boolean supported(LayerCase.FieldType type) {
    return type.weightArray();
  }

  /** Message BIAS_NOT_A_VECTOR: "expected float[] or double[]", 1-D. */
  private static boolean vector(LayerCase.FieldType type) {
    return type.weightArray() && type.rank() == 1;
  }

  private void shape(int rank) {
    List<Integer> sizes = layer.attributes().shape();
    List<String> names = layer.attributes().shapeFields();
    if (!sizes.isEmpty() && !names.isEmpty()) {
      for (int line : List.of(line("shape"), line("shapeFields"))) {
        error(Message.SHAPE_TWICE, line);
        if (rank > 1) {
          error(Message.SHAPE_ON_NESTED, line);
        }
      }
    }
    if (rank > 1) {
      // Nested arrays carry their shape.
      if (!sizes.isEmpty()) {
        error(Message.SHAPE_ON_NESTED, line("shape"));
      }
      if (!names.isEmpty()) {
        error(Message.SHAPE_ON_NESTED, line("shapeFields"));
      }
      return;
    }
    if (sizes.isEmpty() && names.isEmpty()) {
      error(Message.FLAT_WITHOUT_SHAPE, source.fieldLine(layer.weight().name()));
    }
    if (!sizes.isEmpty()) {
      constantSizes(sizes, line("shape"));
    }
    if (!names.isEmpty()) {
      fieldSizes(names, line("shapeFields"));
    }
  }

  private void constantSizes(List<Integer> sizes, int line) {
    boolean valid = true;
    if (sizes.size() < 2) {
      // The fan rule needs an output and an input size.
      error(Message.SHAPE_TOO_SHORT, line);
      valid = false;
    }
    if (sizes.stream().anyMatch(size -> size < 0)) {
      error(Message.NEGATIVE_SIZE, line);
    } else if (product(sizes) > Integer.MAX_VALUE) {
      // No Java array has that many elements: the generated initializer could only throw.
      error(Message.SHAPE_TOO_LARGE, line);
    } else if (valid && sizes.contains(0)) {
      warnings.add(new Finding(Message.ZERO_SIZE, source.mainFile(), line));
    }
  }

  /**
   * README: "names of int fields" of the class, which the generated code reads (diagnostics.md: an
   * interface constant is one, a name that is ambiguous in the class is none).
   */
  private void fieldSizes(List<String> names, int line) {
    if (names.size() < 2) {
      error(Message.SHAPE_TOO_SHORT, line);
    }
    String owner = layer.layerBinaryName();
    Viewer inside = new Viewer(layer.packageName(), owner);
    for (String name : names) {
      Lookup lookup = types.lookup(owner, name, inside);
      Var size = denoted(lookup);
      if (lookup instanceof Lookup.Ambiguous) {
        reached.add("shapeFields names an ambiguous field");
      }
      if (size == null) {
        error(Message.SHAPE_FIELD_MISSING, line);
      } else if (!size.type().equals("int")) {
        error(Message.SHAPE_FIELD_NOT_INT, line);
      } else {
        Reading reading = types.read(size, owner, getterNames(name));
        note(reading, size, owner);
        if (!reading.readable()) {
          error(array(reading.problem(), false), line);
        }
      }
    }
  }

  /** Messages A_NOT_FINITE, A_TOO_LARGE, A_IGNORED and SELU_GAIN. */
  private void slope() {
    double a = layer.attributes().a();
    Nonlinearity nonlinearity = layer.attributes().nonlinearity();
    if (!Double.isFinite(a)) {
      error(Message.A_NOT_FINITE, line("a"));
    } else if (Double.isInfinite(a * a)) {
      error(Message.A_TOO_LARGE, line("a"));
    } else if (a != 0 && nonlinearity != Nonlinearity.LEAKY_RELU) {
      warnings.add(new Finding(Message.A_IGNORED, source.mainFile(), line("a")));
    }
    if (nonlinearity == Nonlinearity.SELU) {
      warnings.add(new Finding(Message.SELU_GAIN, source.mainFile(), line("nonlinearity")));
    }
  }

  /** The number of elements of the weight, from the shape it is declared or allocated with. */
  private long elements() {
    List<Integer> dims = layer.weight().dims();
    return dims.isEmpty() ? 0 : product(shape());
  }

  /**
   * The weight's shape as the initializer sees it: a flat array's is its {@code shape} or the
   * values of its {@code shapeFields}; a nested array's sizes are read from the arrays
   * (FloatTensor's Javadoc), and below an empty array there are none to read: the runtime takes 0
   * (Java has no {@code float[0][3]} distinct from a {@code float[0][0]}).
   */
  private List<Integer> shape() {
    List<Integer> dims = layer.weight().dims();
    if (dims.size() > 1) {
      List<Integer> read = new ArrayList<>(dims);
      int empty = dims.indexOf(0);
      for (int i = empty + 1; empty >= 0 && i < read.size(); i++) {
        read.set(i, 0);
      }
      return read;
    }
    if (!layer.attributes().shape().isEmpty()) {
      return layer.attributes().shape();
    }
    String owner = layer.layerBinaryName();
    Viewer inside = new Viewer(layer.packageName(), owner);
    return layer.attributes().shapeFields().stream()
        .map(
            name ->
                Optional.ofNullable(denoted(types.lookup(owner, name, inside)))
                    .map(values::get)
                    .orElse(0))
        .toList();
  }

  private boolean lengthMatches() {
    List<Integer> dims = layer.weight().dims();
    return dims.size() != 1 || dims.get(0) == elements();
  }

  /**
   * LayerDefaults.bias's Javadoc: the bias is drawn with the bound 1 / sqrt(fan_in) of its weight,
   * and left as it is when that fan_in (shape[1] times the receptive field) is 0. Base's weight is
   * [3][2].
   */
  private boolean biasFilled() {
    LayerCase.Bias bias = layer.bias();
    if (bias == null || bias.unresolved()) {
      return false;
    }
    return switch (named(bias.biasOf())) {
      case INHERITED_WEIGHT -> true;
      case THE_WEIGHT -> {
        List<Integer> shape = shape();
        yield shape.size() >= 2 && product(shape.subList(1, shape.size())) > 0;
      }
      case NOT_A_WEIGHT -> false;
    };
  }

  /** The line of an attribute written on the weight's annotation. */
  private int line(String attribute) {
    return line(layer.weight().name(), attribute);
  }

  /** The line of an attribute written on a field's annotation. */
  private int line(String field, String attribute) {
    return source.attributeLine(field, attribute);
  }

  /** The product of non-negative sizes, saturating at {@code Long.MAX_VALUE}. */
  private static long product(List<Integer> sizes) {
    long product = 1;
    for (int size : sizes) {
      if (size == 0) {
        return 0;
      }
      product = product > Long.MAX_VALUE / size ? Long.MAX_VALUE : product * size;
    }
    return product;
  }
}
