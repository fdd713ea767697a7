package dev.kinit.processor;

import dev.kinit.Nonlinearity;
import dev.kinit.processor.LayerCase.ElementKind;
import dev.kinit.processor.LayerCase.Flag;
import dev.kinit.processor.LayerCase.Getter;
import dev.kinit.processor.LayerCase.Placement;
import dev.kinit.processor.LayerCase.SizeField;
import dev.kinit.processor.LayerCase.Visibility;
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
   */
  record Expectation(
      Set<Finding> errors, Set<Finding> warnings, long elements, boolean lengthMatches) {
    boolean valid() {
      return errors.isEmpty();
    }
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
    LayerCase.Weight weight = layer.weight();
    int field = source.fieldLine();
    if (!reachable(layer.placement())) {
      // README: generated code must be able to name the class.
      errors.add(new Finding(Message.UNREACHABLE_CLASS, field));
    } else if (layer.clash()) {
      // The initializer's name is the README's rule; a class of that name leaves no room for it.
      errors.add(new Finding(Message.INITIALIZER_EXISTS, source.classLine()));
    }
    if (weight.type().kind() == ElementKind.UNRESOLVED) {
      // javac cannot find the type; the processor defers it and reports it, or rejects the type.
      errors.add(new Finding(null, field));
      errors.add(new Finding(Message.UNRESOLVED_TYPE, field));
      errors.add(new Finding(Message.UNSUPPORTED_TYPE, field));
    } else if (!supported(weight.type())) {
      errors.add(new Finding(Message.UNSUPPORTED_TYPE, field));
    }
    if (weight.flags().contains(Flag.STATIC) || layer.placement() == Placement.INTERFACE) {
      // Interface fields are implicitly static (JLS 9.3).
      errors.add(new Finding(Message.STATIC_FIELD, field));
    }
    if (weight.visibility() == Visibility.PRIVATE && !reads(weight.getter())) {
      errors.add(new Finding(Message.PRIVATE_WITHOUT_GETTER, field));
    }
    String unresolved = layer.attributes().unresolved();
    if (unresolved != null) {
      // javac reports the missing constant; the processor waits for it, then reports the field.
      errors.add(new Finding(null, line(unresolved)));
      errors.add(new Finding(Message.UNRESOLVED_TYPE, field));
    }
    if (supported(weight.type()) && !"shape".equals(unresolved)) {
      shape(weight.type().rank());
    }
    if (!"a".equals(unresolved)) {
      slope();
    }
    return new Expectation(errors, warnings, elements(), lengthMatches());
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
      errors.add(new Finding(Message.FLAT_WITHOUT_SHAPE, source.fieldLine()));
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
    if (dims.isEmpty()) {
      return 0;
    }
    if (dims.size() > 1) {
      return product(dims);
    }
    if (!layer.attributes().shape().isEmpty()) {
      return product(layer.attributes().shape());
    }
    long count = 1;
    for (String name : layer.attributes().shapeFields()) {
      count *= sizeField(name).map(SizeField::value).orElse(0);
    }
    return count;
  }

  private boolean lengthMatches() {
    List<Integer> dims = layer.weight().dims();
    return dims.size() != 1 || dims.get(0) == elements();
  }

  private Optional<SizeField> sizeField(String name) {
    return layer.sizeFields().stream().filter(size -> size.name().equals(name)).findFirst();
  }

  /** The line of a written attribute. */
  private int line(String attribute) {
    Integer line = source.attributeLines().get(attribute);
    if (line == null) {
      throw new IllegalStateException(attribute + " is not written");
    }
    return line;
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
