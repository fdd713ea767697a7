package dev.kinit.processor;

import dev.kinit.Distribution;
import dev.kinit.FanMode;
import dev.kinit.Nonlinearity;
import dev.kinit.processor.LayerCase.AnnotatedField;
import dev.kinit.processor.LayerCase.ElementKind;
import dev.kinit.processor.LayerCase.Flag;
import dev.kinit.processor.LayerCase.Getter;
import dev.kinit.processor.LayerCase.Placement;
import dev.kinit.processor.LayerCase.SizeField;
import dev.kinit.processor.LayerCase.Visibility;
import dev.kinit.processor.rules.Message;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the processor must make of a {@link LayerCase}, decided from the rules users are given (the
 * README, the issues, the {@link Message} catalogue) and from the case's inputs alone, never by
 * asking the processor's own code.
 *
 * <p>An invalid case lists every problem it has; the processor may stop at the first of a field's
 * problems, so each error it reports must be one of them, at its line, and there must be at least
 * one. A valid case lists the warnings it must get, exactly.
 */
final class Specification {

  /** A diagnostic: its {@link Message} (null for one of javac's own) and its line. */
  record Finding(Message message, int line) {
    @Override
    public String toString() {
      return (message == null ? "javac" : message.tag()) + " at line " + line;
    }
  }

  /**
   * @param errors every error the case may get; none for a valid case
   * @param warnings the processor's warnings the case must get if valid (may get if invalid)
   * @param elements for a valid case, the number of elements the weight has
   * @param lengthMatches for a valid case, whether the flat array's length matches its shape; if
   *     not, the initializer must throw and write nothing
   * @param biasFilled for a valid case with a bias, whether the initializer fills it (else it must
   *     leave it as it was)
   * @param fills for a valid case, what the initializer must do, in order
   */
  record Expectation(
      Set<Finding> errors,
      Set<Finding> warnings,
      long elements,
      boolean lengthMatches,
      boolean biasFilled,
      List<Fill> fills) {
    boolean valid() {
      return errors.isEmpty();
    }
  }

  /**
   * One array the initializer fills, with the runtime call the rules give it: {@code field} is the
   * layer's own, or {@code Base}'s when {@code inherited}.
   */
  sealed interface Fill {
    String field();

    boolean inherited();

    /** A flat weight's shape; null for a nested array or a bias, whose tensor reads it. */
    default List<Integer> shape() {
      return null;
    }

    /** {@code Kaiming.normal} or {@code uniform} with the mode and {@code Nonlinearity.gain(a)}. */
    record Kaiming(
        String field,
        boolean inherited,
        List<Integer> shape,
        Distribution distribution,
        FanMode mode,
        double gain)
        implements Fill {}

    /** {@code LayerDefaults.weight}, {@code @TorchDefaultInit}'s Javadoc. */
    record TorchWeight(String field, boolean inherited, List<Integer> shape) implements Fill {}

    /** {@code LayerDefaults.bias} with the tensor of {@code weight}. */
    record TorchBias(String field, boolean inherited, Fill weight) implements Fill {}
  }

  /**
   * What a name in {@code biasOf} is, by Java's rules: the class's own fields hide inherited ones.
   */
  private enum Named {
    THE_WEIGHT,
    INHERITED_WEIGHT,
    NOT_A_WEIGHT
  }

  private final LayerCase layer;
  private final LayerCase.Source source;
  private final Set<Finding> errors = new LinkedHashSet<>();
  private final Set<Finding> warnings = new LinkedHashSet<>();

  private Specification(LayerCase layer, LayerCase.Source source) {
    this.layer = layer;
    this.source = source;
  }

  static Expectation of(LayerCase layer, LayerCase.Source source) {
    return new Specification(layer, source).expect();
  }

  private Expectation expect() {
    AnnotatedField weight = layer.weight();
    int field = source.fieldLine(weight.name());
    if (!reachable(layer.placement())) {
      // README: generated code must be able to name the class; each annotated field is reported.
      for (String name : annotatedFields()) {
        errors.add(new Finding(Message.UNREACHABLE_CLASS, source.fieldLine(name)));
      }
    } else if (layer.clash()) {
      // The initializer's name is the README's rule; a class of that name leaves no room for it.
      errors.add(new Finding(Message.INITIALIZER_EXISTS, source.classLine()));
    }
    declaration(weight, Message.UNSUPPORTED_TYPE, supported(weight.type()));
    if (layer.rule().kaiming() && layer.rule().torch()) {
      // Message TWO_RULES: a field is initialised one way.
      errors.add(new Finding(Message.TWO_RULES, field));
    }
    String unresolved = layer.attributes().unresolved();
    if (unresolved != null) {
      // javac reports the missing constant; the processor waits for it, then reports the field.
      errors.add(new Finding(null, line(weight.name(), unresolved)));
      errors.add(new Finding(Message.UNRESOLVED_TYPE, field));
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
      errors.add(new Finding(Message.STATIC_FIELD, source.fieldLine(LayerCase.OTHER_BIAS)));
    }
    return new Expectation(
        errors,
        warnings,
        elements(),
        lengthMatches(),
        biasFilled(),
        errors.isEmpty() ? fills() : List.of());
  }

  /**
   * README: "Fields are filled in declaration order from one RandomGenerator, superclass fields
   * first"; a bias declared before its weight is drawn first (Message BIAS_BEFORE_WEIGHT).
   */
  private List<Fill> fills() {
    List<Fill> fills = new ArrayList<>();
    Fill base = null;
    if (layer.placement().inherits()) {
      base =
          layer.superclass() == LayerCase.Superclass.KAIMING
              ? new Fill.Kaiming(
                  LayerCase.BASE_WEIGHT,
                  true,
                  null,
                  Distribution.NORMAL,
                  FanMode.FAN_IN,
                  Nonlinearity.RELU.gain(0))
              : new Fill.TorchWeight(LayerCase.BASE_WEIGHT, true, null);
      fills.add(base);
      if (layer.superclass() == LayerCase.Superclass.TORCH_WITH_BIAS) {
        fills.add(new Fill.TorchBias(LayerCase.BASE_BIAS, true, base));
      }
    }
    AnnotatedField field = layer.weight();
    LayerCase.Attributes attributes = layer.attributes();
    List<Integer> shape = field.dims().size() == 1 ? shape() : null;
    Fill weight =
        layer.rule() == LayerCase.Rule.KAIMING
            ? new Fill.Kaiming(
                field.name(),
                false,
                shape,
                attributes.distribution(),
                attributes.mode(),
                attributes.nonlinearity().gain(attributes.a()))
            : new Fill.TorchWeight(field.name(), false, shape);
    LayerCase.Bias bias = layer.bias();
    if (bias == null) {
      fills.add(weight);
      return fills;
    }
    Fill of = named(bias.biasOf()) == Named.INHERITED_WEIGHT ? base : weight;
    Fill filled = new Fill.TorchBias(bias.field().name(), false, of);
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
      errors.add(new Finding(null, line));
      errors.add(new Finding(Message.UNRESOLVED_TYPE, line));
      errors.add(new Finding(typeError, line));
    } else if (!typeFits) {
      errors.add(new Finding(typeError, line));
    }
    if (field.flags().contains(Flag.STATIC) || layer.placement() == Placement.INTERFACE) {
      // Interface fields are implicitly static (JLS 9.3).
      errors.add(new Finding(Message.STATIC_FIELD, line));
    }
    if (field.visibility() == Visibility.PRIVATE && !reads(field.getter())) {
      // A private getter exists but the initializer cannot call it: said as such (issue 11).
      errors.add(
          new Finding(
              field.getter() == Getter.PRIVATE
                  ? Message.GETTER_INACCESSIBLE
                  : Message.PRIVATE_WITHOUT_GETTER,
              line));
    }
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
        errors.add(new Finding(Message.BIAS_WITH_SHAPE, line(name, attribute)));
      }
    }
    int biasOf = line(name, "biasOf");
    if (bias.unresolved()) {
      errors.add(new Finding(null, biasOf));
      errors.add(new Finding(Message.UNRESOLVED_TYPE, source.fieldLine(name)));
      return;
    }
    Named named = named(bias.biasOf());
    if (named == Named.NOT_A_WEIGHT) {
      errors.add(new Finding(Message.BIAS_OF_NOT_A_WEIGHT, biasOf));
    } else if (named == Named.THE_WEIGHT
        && source.fieldLine(name) < source.fieldLine(layer.weight().name())) {
      warnings.add(new Finding(Message.BIAS_BEFORE_WEIGHT, biasOf));
    }
  }

  /**
   * What {@code name} is in the layer class: a field with {@code @KaimingInit} or
   * {@code @TorchDefaultInit} without biasOf is a weight; a bias, an unannotated field, no field
   * are not. The class's own fields hide its superclass's (JLS 8.3).
   */
  private Named named(String name) {
    if (name.equals(layer.weight().name())) {
      return Named.THE_WEIGHT;
    }
    boolean own =
        name.equals(layer.bias().field().name())
            || layer.declaresHelper(name)
            || layer.sizeFields().stream().anyMatch(size -> size.name().equals(name));
    boolean inheritedWeight =
        layer.superclass() != LayerCase.Superclass.NONE && name.equals(LayerCase.BASE_WEIGHT);
    return !own && inheritedWeight ? Named.INHERITED_WEIGHT : Named.NOT_A_WEIGHT;
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
    boolean elements = type.kind() == ElementKind.FLOAT || type.kind() == ElementKind.DOUBLE;
    return elements && type.rank() >= 1 && type.rank() <= 5;
  }

  /** Message BIAS_NOT_A_VECTOR: "expected float[] or double[]", 1-D. */
  private static boolean vector(LayerCase.FieldType type) {
    boolean elements = type.kind() == ElementKind.FLOAT || type.kind() == ElementKind.DOUBLE;
    return elements && type.rank() == 1;
  }

  /** README: a private field is read through {@code getX()} or {@code x()} of the same type. */
  private static boolean reads(Getter getter) {
    return getter == Getter.GET || getter == Getter.PLAIN;
  }

  private void shape(int rank) {
    List<Integer> sizes = layer.attributes().shape();
    List<String> names = layer.attributes().shapeFields();
    if (!sizes.isEmpty() && !names.isEmpty()) {
      for (int line : List.of(line("shape"), line("shapeFields"))) {
        errors.add(new Finding(Message.SHAPE_TWICE, line));
        if (rank > 1) {
          errors.add(new Finding(Message.SHAPE_ON_NESTED, line));
        }
      }
    }
    if (rank > 1) {
      // Nested arrays carry their shape.
      if (!sizes.isEmpty()) {
        errors.add(new Finding(Message.SHAPE_ON_NESTED, line("shape")));
      }
      if (!names.isEmpty()) {
        errors.add(new Finding(Message.SHAPE_ON_NESTED, line("shapeFields")));
      }
      return;
    }
    if (sizes.isEmpty() && names.isEmpty()) {
      errors.add(new Finding(Message.FLAT_WITHOUT_SHAPE, source.fieldLine(layer.weight().name())));
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
      errors.add(new Finding(Message.SHAPE_TOO_SHORT, line));
      valid = false;
    }
    if (sizes.stream().anyMatch(size -> size < 0)) {
      errors.add(new Finding(Message.NEGATIVE_SIZE, line));
    } else if (product(sizes) > Integer.MAX_VALUE) {
      // No Java array has that many elements: the generated initializer could only throw.
      errors.add(new Finding(Message.SHAPE_TOO_LARGE, line));
    } else if (valid && sizes.contains(0)) {
      warnings.add(new Finding(Message.ZERO_SIZE, line));
    }
  }

  /** README: "names of int fields" of the class, which the generated code reads. */
  private void fieldSizes(List<String> names, int line) {
    if (names.size() < 2) {
      errors.add(new Finding(Message.SHAPE_TOO_SHORT, line));
    }
    for (String name : names) {
      Optional<SizeField> size = sizeField(name);
      if (name.equals(layer.weight().name())) {
        errors.add(new Finding(Message.SHAPE_FIELD_NOT_INT, line));
      } else if (size.isEmpty()) {
        errors.add(new Finding(Message.SHAPE_FIELD_MISSING, line));
      } else if (!size.get().kind().type.equals("int")) {
        errors.add(new Finding(Message.SHAPE_FIELD_NOT_INT, line));
      } else if (size.get().kind().visibility == Visibility.PRIVATE
          && !reads(size.get().kind().getter)) {
        errors.add(new Finding(Message.SHAPE_FIELD_UNREADABLE, line));
      }
    }
  }

  /** Messages A_NOT_FINITE, A_TOO_LARGE, A_IGNORED and SELU_GAIN. */
  private void slope() {
    double a = layer.attributes().a();
    Nonlinearity nonlinearity = layer.attributes().nonlinearity();
    if (!Double.isFinite(a)) {
      errors.add(new Finding(Message.A_NOT_FINITE, line("a")));
    } else if (Double.isInfinite(a * a)) {
      errors.add(new Finding(Message.A_TOO_LARGE, line("a")));
    } else if (a != 0 && nonlinearity != Nonlinearity.LEAKY_RELU) {
      warnings.add(new Finding(Message.A_IGNORED, line("a")));
    }
    if (nonlinearity == Nonlinearity.SELU) {
      warnings.add(new Finding(Message.SELU_GAIN, line("nonlinearity")));
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
    return layer.attributes().shapeFields().stream()
        .map(name -> sizeField(name).map(SizeField::value).orElse(0))
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

  /** The size field {@code name} denotes: the class's own, else one it inherits (JLS 8.3). */
  private Optional<SizeField> sizeField(String name) {
    Optional<SizeField> own =
        layer.sizeFields().stream().filter(size -> size.name().equals(name)).findFirst();
    boolean inherited = layer.placement().inherits() && name.equals(LayerCase.BASE_SIZE.name());
    return own.isPresent() || !inherited ? own : Optional.of(LayerCase.BASE_SIZE);
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
