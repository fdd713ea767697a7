package dev.kinit.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import dev.kinit.Nonlinearity;
import dev.kinit.internal.Gains;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Validates a class with {@code @KaimingInit} / {@code @TorchDefaultInit} fields and builds its
 * {@link Layer}, reporting every problem it finds. Reads only; writes no code.
 */
final class LayerReader {

  /** What reading a class gave. */
  sealed interface Outcome {
    /** Valid: write its initializer. */
    record Valid(Layer layer) implements Outcome {}

    /** Invalid: the problems are in the report. */
    record Invalid() implements Outcome {}

    /**
     * A type is not resolved yet (another processor may generate it): try again next round.
     *
     * @param element where to report it if it never resolves
     * @param type the unresolved type, as written
     * @param neededBy what needs it: {@code field Conv2d.weight}, {@code superclass of Conv2d}
     */
    record Deferred(Element element, String type, String neededBy) implements Outcome {}
  }

  /** Thrown inside the reader when a type is not resolved yet. */
  private static final class Unresolved extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Outcome.Deferred deferred;

    Unresolved(Element element, String type, String neededBy) {
      super(type, null, false, false);
      this.deferred = new Outcome.Deferred(element, type, neededBy);
    }
  }

  private static final int MAX_RANK = 5;

  private final Elements elements;
  private final Types types;

  LayerReader(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  Outcome read(TypeElement layer, Report report) {
    try {
      return readResolved(layer, report);
    } catch (Unresolved unresolved) {
      return unresolved.deferred;
    }
  }

  private Outcome readResolved(TypeElement layer, Report report) {
    ClassName initializer = Layer.initializerName(ClassName.get(layer));
    Optional<String> unreachable = unreachableReason(layer);
    List<WeightField> fields = new ArrayList<>();
    boolean valid = true;
    for (TypeElement type : superclassesFirst(layer)) {
      for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
        List<InitAnnotation> annotations = InitAnnotation.of(field, elements);
        if (annotations.isEmpty()) {
          continue;
        }
        Diagnoser diagnoser = new Diagnoser(report, layer, field, annotations.get(0));
        if (unreachable.isPresent()) {
          diagnoser.error(Message.UNREACHABLE_CLASS, null, diagnoser.label, unreachable.get());
          valid = false;
          continue;
        }
        if (annotations.size() > 1) {
          diagnoser.error(Message.TWO_RULES, null, diagnoser.label);
          valid = false;
          continue;
        }
        Optional<WeightField> weight;
        try {
          weight = new FieldReader(layer, field, annotations.get(0), initializer, diagnoser).read();
        } catch (InitAnnotation.UnresolvedValueException unresolved) {
          // javac names the missing symbol itself, at the attribute.
          throw new Unresolved(
              field,
              "used in " + unresolved.attribute(),
              annotations.get(0).simpleName() + " on " + diagnoser.label);
        }
        valid &= weight.isPresent();
        weight.ifPresent(fields::add);
      }
    }
    if (!valid) {
      return new Outcome.Invalid();
    }
    return new Outcome.Valid(
        new Layer(layer, parameterType(layer), initializer, Collections.unmodifiableList(fields)));
  }

  /** Points each diagnostic at the field and attribute when the field is the layer's own. */
  private static final class Diagnoser {
    private final Report report;
    private final TypeElement layer;
    private final VariableElement field;
    private final InitAnnotation attributes;
    private final boolean own;
    final String label;

    Diagnoser(Report report, TypeElement layer, VariableElement field, InitAnnotation attributes) {
      this.report = report;
      this.layer = layer;
      this.field = field;
      this.attributes = attributes;
      this.own = field.getEnclosingElement().equals(layer);
      this.label = field.getEnclosingElement().getSimpleName() + "." + field.getSimpleName();
    }

    /** Reports at {@code attribute} when written, else at the annotation (or the field if null). */
    void error(Message message, String attribute, Object... args) {
      if (!own) {
        // An inherited field has no position in this class: point at the class being initialised.
        report.add(message, layer, args);
      } else if (attribute == null) {
        report.add(message, field, args);
      } else {
        AnnotationValue value = attributes.written(attribute);
        report.add(message, field, attributes.mirror(), value, args);
      }
    }
  }

  /** Reads one annotated field; empty when invalid (with the problems reported). */
  private final class FieldReader {
    private final TypeElement layer;
    private final VariableElement field;
    private final InitAnnotation attributes;
    private final ClassName initializer;
    private final Diagnoser diagnoser;
    private final TypeElement owner;
    private boolean valid = true;

    FieldReader(
        TypeElement layer,
        VariableElement field,
        InitAnnotation attributes,
        ClassName initializer,
        Diagnoser diagnoser) {
      this.layer = layer;
      this.field = field;
      this.attributes = attributes;
      this.initializer = initializer;
      this.diagnoser = diagnoser;
      this.owner = (TypeElement) field.getEnclosingElement();
    }

    Optional<WeightField> read() {
      if (field.getModifiers().contains(Modifier.STATIC)) {
        fail(Message.STATIC_FIELD, null, diagnoser.label);
        return Optional.empty();
      }
      TypeMirror type = field.asType();
      int rank = 0;
      TypeMirror element = type;
      while (element.getKind() == TypeKind.ARRAY) {
        element = ((ArrayType) element).getComponentType();
        rank++;
      }
      if (element.getKind() == TypeKind.ERROR) {
        throw new Unresolved(field, type.toString(), "field " + diagnoser.label);
      }
      boolean floats = element.getKind() == TypeKind.FLOAT;
      boolean elements = floats || element.getKind() == TypeKind.DOUBLE;
      if (attributes.isBias() && !(elements && rank == 1)) {
        // Not the weights' message, which offers float[][] and up.
        fail(Message.BIAS_NOT_A_VECTOR, null, diagnoser.label, type);
        return Optional.empty();
      }
      if (!elements || rank < 1 || rank > MAX_RANK) {
        fail(Message.UNSUPPORTED_TYPE, null, diagnoser.label, type);
        return Optional.empty();
      }
      Access access = access(field, type, Message.PRIVATE_WITHOUT_GETTER);
      Shape shape;
      Init init;
      if (attributes.isBias()) {
        shape = biasShape();
        init = new Init.TorchBias(weightOfBias());
      } else {
        shape = shape(rank);
        init = attributes.isKaiming() ? kaiming() : new Init.TorchWeight();
      }
      if (!valid) {
        return Optional.empty();
      }
      return Optional.of(
          new WeightField(
              id(field),
              diagnoser.label,
              field.getSimpleName().toString(),
              !floats,
              access,
              shape,
              init));
    }

    private Init kaiming() {
      double a = attributes.a();
      Nonlinearity nonlinearity = attributes.nonlinearity();
      return new Init.Kaiming(
          attributes.distribution(), attributes.mode(), nonlinearity, a, gain(nonlinearity, a));
    }

    private Shape biasShape() {
      // An empty array is no shape, as for a weight (the default, {}).
      if (!attributes.shape().isEmpty()) {
        fail(Message.BIAS_WITH_SHAPE, "shape", diagnoser.label, "shape");
      }
      if (!attributes.shapeFields().isEmpty()) {
        fail(Message.BIAS_WITH_SHAPE, "shapeFields", diagnoser.label, "shapeFields");
      }
      return new Shape.Vector();
    }

    /**
     * The id of the weight a bias names: a field of its class, or inherited, with an annotation
     * that makes it a weight.
     */
    private String weightOfBias() {
      String name = attributes.biasOf();
      VariableElement weight = fieldNamed(name).orElse(null);
      List<InitAnnotation> annotations =
          weight == null ? List.of() : InitAnnotation.of(weight, elements);
      if (annotations.isEmpty() || annotations.get(0).isBias()) {
        fail(Message.BIAS_OF_NOT_A_WEIGHT, "biasOf", diagnoser.label, name, owner.getSimpleName());
        return null;
      }
      List<? extends Element> declared = owner.getEnclosedElements();
      if (declared.indexOf(weight) > declared.indexOf(field)) {
        diagnoser.error(
            Message.BIAS_BEFORE_WEIGHT,
            "biasOf",
            diagnoser.label,
            name,
            name,
            field.getSimpleName());
      }
      return id(weight);
    }

    private String id(VariableElement field) {
      return elements.getBinaryName((TypeElement) field.getEnclosingElement())
          + "."
          + field.getSimpleName();
    }

    /**
     * The field {@code name} denotes in the owner's code: its own, else the nearest superclass's,
     * which hides those further up (JLS 8.3).
     */
    private Optional<VariableElement> fieldNamed(String name) {
      for (TypeElement type = owner; type != null; type = superclass(type)) {
        for (VariableElement candidate : ElementFilter.fieldsIn(type.getEnclosedElements())) {
          if (candidate.getSimpleName().contentEquals(name)) {
            return Optional.of(candidate);
          }
        }
      }
      return Optional.empty();
    }

    private double gain(Nonlinearity nonlinearity, double a) {
      if (!Double.isFinite(a)) {
        fail(Message.A_NOT_FINITE, "a", a, diagnoser.label);
        return Double.NaN;
      }
      if (Double.isInfinite(a * a)) {
        fail(Message.A_TOO_LARGE, "a", a, diagnoser.label);
        return Double.NaN;
      }
      if (a != 0 && !Gains.usesNegativeSlope(nonlinearity)) {
        diagnoser.error(Message.A_IGNORED, "a", a, diagnoser.label, nonlinearity);
      }
      if (nonlinearity == Nonlinearity.SELU) {
        diagnoser.error(Message.SELU_GAIN, "nonlinearity", diagnoser.label);
      }
      return nonlinearity.gain(a);
    }

    private Shape shape(int rank) {
      List<Integer> sizes = attributes.shape();
      List<String> names = attributes.shapeFields();
      if (!sizes.isEmpty() && !names.isEmpty()) {
        fail(Message.SHAPE_TWICE, "shapeFields", diagnoser.label);
        return null;
      }
      if (rank > 1) {
        if (!sizes.isEmpty() || !names.isEmpty()) {
          String attribute = sizes.isEmpty() ? "shapeFields" : "shape";
          fail(Message.SHAPE_ON_NESTED, attribute, diagnoser.label, attribute);
        }
        return new Shape.Nested(rank);
      }
      if (sizes.isEmpty() && names.isEmpty()) {
        fail(Message.FLAT_WITHOUT_SHAPE, null, diagnoser.label);
        return null;
      }
      return sizes.isEmpty() ? fieldSizes(names) : constantSizes(sizes);
    }

    private Shape constantSizes(List<Integer> sizes) {
      if (sizes.size() < 2) {
        fail(Message.SHAPE_TOO_SHORT, "shape", diagnoser.label, sizes.size(), sizes);
      }
      for (int i = 0; i < sizes.size(); i++) {
        if (sizes.get(i) < 0) {
          fail(Message.NEGATIVE_SIZE, "shape", diagnoser.label, sizes.get(i), i);
        }
      }
      BigInteger elements =
          sizes.stream().map(BigInteger::valueOf).reduce(BigInteger.ONE, BigInteger::multiply);
      if (elements.compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) > 0
          && sizes.stream().allMatch(size -> size >= 0)) {
        // A Java array has at most Integer.MAX_VALUE elements: the initializer could only throw.
        fail(Message.SHAPE_TOO_LARGE, "shape", diagnoser.label, sizes, elements);
      }
      if (valid && sizes.contains(0)) {
        diagnoser.error(Message.ZERO_SIZE, "shape", diagnoser.label, sizes);
      }
      return new Shape.Constants(List.copyOf(sizes));
    }

    private Shape fieldSizes(List<String> names) {
      if (names.size() < 2) {
        fail(Message.SHAPE_TOO_SHORT, "shapeFields", diagnoser.label, names.size(), names);
      }
      // Each name once: a name given twice is read twice but reported once.
      Map<String, Access> reads = new LinkedHashMap<>();
      for (String name : new LinkedHashSet<>(names)) {
        Optional<VariableElement> sizeField = fieldNamed(name);
        if (sizeField.isEmpty()) {
          fail(
              Message.SHAPE_FIELD_MISSING,
              "shapeFields",
              diagnoser.label,
              name,
              owner.getSimpleName(),
              owner.getSimpleName());
          continue;
        }
        TypeMirror type = sizeField.get().asType();
        if (type.getKind() == TypeKind.ERROR) {
          throw new Unresolved(field, type.toString(), "shapeFields of " + diagnoser.label);
        }
        if (type.getKind() != TypeKind.INT) {
          fail(Message.SHAPE_FIELD_NOT_INT, "shapeFields", diagnoser.label, name, type);
          continue;
        }
        Access read = access(sizeField.get(), type, Message.SHAPE_FIELD_UNREADABLE);
        if (read != null) {
          reads.put(name, read);
        }
      }
      return valid ? new Shape.Fields(names.stream().map(reads::get).toList()) : null;
    }

    /**
     * How generated code in the layer's package reads {@code target}: the field itself if it can
     * see it, else a getter {@code getName()} or {@code name()} returning {@code type}.
     */
    private Access access(VariableElement target, TypeMirror type, Message unreadable) {
      String name = target.getSimpleName().toString();
      if (target.getModifiers().contains(Modifier.STATIC) && isAccessible(target)) {
        return new Access.StaticField(
            ClassName.get((TypeElement) target.getEnclosingElement()), name);
      }
      if (isAccessible(target) && !target.getModifiers().contains(Modifier.STATIC)) {
        TypeElement declaring = (TypeElement) target.getEnclosingElement();
        return new Access.Field(name, isHidden(target) ? parameterType(declaring) : null);
      }
      String getter = "get" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
      for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(layer))) {
        String methodName = method.getSimpleName().toString();
        if ((methodName.equals(getter) || methodName.equals(name))
            && method.getParameters().isEmpty()
            && !method.getModifiers().contains(Modifier.STATIC)
            && isAccessible(method)
            && types.isSameType(method.getReturnType(), type)) {
          return new Access.Getter(methodName);
        }
      }
      if (unreadable == Message.SHAPE_FIELD_UNREADABLE) {
        fail(unreadable, "shapeFields", diagnoser.label, name, initializer.simpleName());
      } else if (target.getModifiers().contains(Modifier.PRIVATE)) {
        fail(
            unreadable,
            null,
            diagnoser.label,
            target.getEnclosingElement().getSimpleName(),
            getter,
            name,
            type,
            initializer.simpleName());
      } else {
        fail(
            Message.INACCESSIBLE_FIELD,
            null,
            diagnoser.label,
            packageOf(layer),
            initializer.simpleName(),
            getter);
      }
      return null;
    }

    /** Whether a field between the layer and {@code field}'s class has the same name. */
    private boolean isHidden(VariableElement field) {
      for (TypeElement type = layer;
          !type.equals(field.getEnclosingElement());
          type = superclass(type)) {
        for (VariableElement other : ElementFilter.fieldsIn(type.getEnclosedElements())) {
          if (other.getSimpleName().equals(field.getSimpleName())) {
            return true;
          }
        }
      }
      return false;
    }

    /** Whether code in the layer's package can name {@code member} (its class being reachable). */
    private boolean isAccessible(Element member) {
      if (member.getModifiers().contains(Modifier.PUBLIC)) {
        return true;
      }
      return !member.getModifiers().contains(Modifier.PRIVATE)
          && packageOf(member).equals(packageOf(layer));
    }

    private void fail(Message message, String attribute, Object... args) {
      diagnoser.error(message, attribute, args);
      valid = false;
    }
  }

  private String packageOf(Element element) {
    return elements.getPackageOf(element).getQualifiedName().toString();
  }

  /** The layer's superclasses, outermost first, then the layer. */
  private static List<TypeElement> superclassesFirst(TypeElement layer) {
    Deque<TypeElement> chain = new ArrayDeque<>();
    for (TypeElement type = layer; type != null; type = superclass(type)) {
      chain.addFirst(type);
    }
    return new ArrayList<>(chain);
  }

  private static TypeElement superclass(TypeElement type) {
    TypeMirror superclass = type.getSuperclass();
    if (superclass.getKind() == TypeKind.ERROR) {
      throw new Unresolved(type, superclass.toString(), "superclass of " + type.getSimpleName());
    }
    if (superclass.getKind() != TypeKind.DECLARED) {
      return null;
    }
    TypeElement element = (TypeElement) ((DeclaredType) superclass).asElement();
    return element.getQualifiedName().contentEquals("java.lang.Object") ? null : element;
  }

  /** Why generated code in the layer's package cannot name {@code layer}, if it cannot. */
  private static Optional<String> unreachableReason(TypeElement layer) {
    for (Element e = layer; e instanceof TypeElement type; e = e.getEnclosingElement()) {
      NestingKind nesting = type.getNestingKind();
      if (nesting == NestingKind.LOCAL || nesting == NestingKind.ANONYMOUS) {
        return Optional.of("a " + nesting.name().toLowerCase(java.util.Locale.ROOT) + " class");
      }
      if (type.getModifiers().contains(Modifier.PRIVATE)) {
        return Optional.of("private nested class " + type.getQualifiedName());
      }
    }
    return Optional.empty();
  }

  /**
   * The type of {@code initialize}'s parameter: the class, with {@code ?} for each type parameter,
   * also of the enclosing classes of an inner class ({@code Outer<?>.Inner<?>}).
   */
  private static TypeName parameterType(TypeElement type) {
    List<TypeName> wildcards = new ArrayList<>();
    type.getTypeParameters().forEach(p -> wildcards.add(WildcardTypeName.subtypeOf(Object.class)));
    boolean inner =
        type.getNestingKind() == NestingKind.MEMBER
            && !type.getModifiers().contains(Modifier.STATIC)
            && type.getEnclosingElement().getKind().isClass();
    if (inner) {
      TypeName outer = parameterType((TypeElement) type.getEnclosingElement());
      if (outer instanceof ParameterizedTypeName parameterized) {
        return parameterized.nestedClass(type.getSimpleName().toString(), wildcards);
      }
    }
    ClassName raw = ClassName.get(type);
    return wildcards.isEmpty()
        ? raw
        : ParameterizedTypeName.get(raw, wildcards.toArray(TypeName[]::new));
  }
}
