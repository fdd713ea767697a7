package dev.kinit.processor.rules;

import dev.kinit.internal.Rules;
import dev.kinit.processor.model.Access;
import dev.kinit.processor.model.Shape;
import dev.kinit.processor.model.Site;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The rules for a weight's shape: a nested array reads it from the arrays; a flat one takes {@code
 * shape} (constants) or {@code shapeFields} (names of {@code int} members), and exactly one.
 */
final class ShapeRules {

  private final FieldDeclaration field;
  private final AnnotationUse annotation;
  private final FieldReport report;
  private final BiFunction<FieldDeclaration, Site, Access> readInt;

  ShapeRules(
      FieldDeclaration field,
      AnnotationUse annotation,
      FieldReport report,
      BiFunction<FieldDeclaration, Site, Access> readInt) {
    this.field = field;
    this.annotation = annotation;
    this.report = report;
    this.readInt = readInt;
  }

  /**
   * The shape of an array of {@code rank} dimensions that {@code kind} initialises, which needs
   * {@code minRank} to {@code kind.maxRank()} dimensions: a flat array with neither {@code shape}
   * nor {@code shapeFields} is one-dimensional where one dimension is enough.
   */
  Shape shape(int rank, InitAnnotation kind, int minRank) {
    String label = field.label();
    List<Integer> sizes = annotation.intValues("shape");
    List<String> names = annotation.stringValues("shapeFields");
    if (!sizes.isEmpty() && !names.isEmpty()) {
      report.error(Message.SHAPE_TWICE, "shapeFields", label);
      return new Shape.Constants(sizes);
    }
    if (rank > 1) {
      if (!sizes.isEmpty() || !names.isEmpty()) {
        String attribute = sizes.isEmpty() ? "shapeFields" : "shape";
        report.error(Message.SHAPE_ON_NESTED, attribute, label, attribute);
      }
      checkRank(kind, minRank, rank, null);
      return new Shape.Nested(rank);
    }
    if (sizes.isEmpty() && names.isEmpty()) {
      if (minRank > 1) {
        report.error(Message.FLAT_WITHOUT_SHAPE, null, label);
        return new Shape.Constants(sizes);
      }
      return new Shape.Vector();
    }
    return sizes.isEmpty() ? sizeFields(names, kind, minRank) : constants(sizes, kind, minRank);
  }

  /**
   * Whether {@code rank} dimensions suit {@code kind}, reporting at {@code attribute} (the field if
   * null) if not: too few for the fans is {@link Message#SHAPE_TOO_SHORT}, other ranks PyTorch
   * rejects are {@link Message#RANK_NOT_SUPPORTED}, with its text.
   */
  private boolean checkRank(InitAnnotation kind, int minRank, int rank, String attribute) {
    if (rank >= minRank && rank <= kind.maxRank()
        || minRank == Rules.MIN_FAN_RANK && isFans(kind)) {
      return true; // too few for the fans: SHAPE_TOO_SHORT, reported with the sizes
    }
    List<String> rule = rankRule(kind);
    report.error(
        Message.RANK_NOT_SUPPORTED,
        attribute,
        kind.written(),
        field.label(),
        rank,
        rule.get(0),
        rule.get(1),
        rule.get(2));
    return false;
  }

  /** Whether {@code kind} needs two dimensions for the fans, rather than for a structure. */
  private static boolean isFans(InitAnnotation kind) {
    return kind != InitAnnotation.EYE_INIT
        && kind != InitAnnotation.DIRAC_INIT
        && kind != InitAnnotation.ORTHOGONAL_INIT;
  }

  /**
   * The rank rule of the PyTorch function {@code kind} stands for: its message, its name, and the
   * shape expected.
   */
  static List<String> rankRule(InitAnnotation kind) {
    return switch (kind) {
      case EYE_INIT ->
          List.of(
              "Only tensors with 2 dimensions are supported",
              "eye_",
              "a 2-D array [rows][columns]");
      case DIRAC_INIT ->
          List.of(
              "Only tensors with 3, 4, or 5 dimensions are supported",
              "dirac_",
              "a convolution weight [out][in][k…] of 3 to 5 dimensions");
      case ORTHOGONAL_INIT ->
          List.of(
              "Only tensors with 2 or more dimensions are supported",
              "orthogonal_",
              "at least 2 dimensions");
      default ->
          List.of(
              Rules.FEWER_THAN_TWO_DIMENSIONS,
              "_calculate_fan_in_and_fan_out",
              "at least 2 dimensions: [out][in][k…]");
    };
  }

  private Shape constants(List<Integer> sizes, InitAnnotation kind, int minRank) {
    String label = field.label();
    boolean valid = checkRank(kind, minRank, sizes.size(), "shape");
    if (sizes.size() < minRank && minRank == Rules.MIN_FAN_RANK && valid) {
      report.error(
          Message.SHAPE_TOO_SHORT, "shape", label, sizes.size(), sizes, Rules.MIN_FAN_RANK);
      valid = false;
    }
    for (int i = 0; i < sizes.size(); i++) {
      if (sizes.get(i) < 0) {
        report.errorAt(Message.NEGATIVE_SIZE, "shape", i, label, sizes.get(i), i);
        valid = false;
      }
    }
    BigInteger elements =
        sizes.stream().map(BigInteger::valueOf).reduce(BigInteger.ONE, BigInteger::multiply);
    if (elements.compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) > 0
        && sizes.stream().allMatch(size -> size >= 0)) {
      // A Java array has at most Integer.MAX_VALUE elements: the initializer could only throw.
      report.error(Message.SHAPE_TOO_LARGE, "shape", label, sizes, elements);
      valid = false;
    }
    if (valid && sizes.contains(0)) {
      report.warning(Message.ZERO_SIZE, "shape", label, sizes);
    }
    return new Shape.Constants(sizes);
  }

  private Shape sizeFields(List<String> names, InitAnnotation kind, int minRank) {
    String label = field.label();
    boolean valid = checkRank(kind, minRank, names.size(), "shapeFields");
    if (names.size() < minRank && minRank == Rules.MIN_FAN_RANK && valid) {
      report.error(
          Message.SHAPE_TOO_SHORT, "shapeFields", label, names.size(), names, Rules.MIN_FAN_RANK);
    }
    // Each name once: a name given twice is read twice but reported once.
    Map<String, Access> reads = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (!reads.containsKey(name)) {
        reads.put(name, sizeField(name, i));
      }
    }
    List<Access> sizes = new ArrayList<>();
    names.forEach(name -> sizes.add(reads.get(name)));
    return new Shape.Fields(sizes);
  }

  /** How the initializer reads the size named at element {@code index} of {@code shapeFields}. */
  private Access sizeField(String name, int index) {
    String label = field.label();
    Access placeholder = new Access.Field(name, null);
    Optional<FieldDeclaration> size = field.resolve(name);
    if (size.isEmpty()) {
      String owner = field.declaringClass();
      report.errorAt(Message.SHAPE_FIELD_MISSING, "shapeFields", index, label, name, owner, owner);
      return placeholder;
    }
    FieldType type = size.get().type();
    if (type.element() == FieldType.Element.UNRESOLVED) {
      report.defer(new Unresolved(field.site(), type.text(), "shapeFields of " + label));
      return placeholder;
    }
    if (!type.isInt()) {
      report.errorAt(Message.SHAPE_FIELD_NOT_INT, "shapeFields", index, label, name, type);
      return placeholder;
    }
    return readInt.apply(size.get(), annotation.site("shapeFields", index));
  }
}
