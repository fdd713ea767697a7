package dev.kinit.processor.rules;

import com.palantir.javapoet.ClassName;
import dev.kinit.WeightLayout;
import dev.kinit.internal.ElementType;
import dev.kinit.internal.Rules;
import dev.kinit.processor.model.Access;
import dev.kinit.processor.model.Deprecation;
import dev.kinit.processor.model.InitSpec;
import dev.kinit.processor.model.Parameter;
import dev.kinit.processor.model.Shape;
import dev.kinit.processor.model.Site;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The rules for one annotated field: where it may be, its type, how the initializer reads it, and
 * what its annotation says. Each problem goes to the report; a field that can be modelled is handed
 * on as a {@link Parameter}, whose use the report alone decides.
 */
final class FieldRules {

  /**
   * The most dimensions a weight array may have: a 3-D convolution's {@code [out][in][d][h][w]}.
   */
  static final int MAX_RANK = 5;

  private final LayerDeclaration layer;
  private final FieldDeclaration field;
  private final AnnotationUse annotation;
  private final ClassName initializer;
  private final FieldReport report;
  private final Set<Deprecation> deprecations;

  private FieldRules(
      LayerDeclaration layer,
      FieldDeclaration field,
      ClassName initializer,
      Report report,
      Set<Deprecation> deprecations) {
    this.layer = layer;
    this.field = field;
    this.annotation = field.annotations().get(0);
    this.initializer = initializer;
    this.report = new FieldReport(report, layer, field, annotation);
    this.deprecations = deprecations;
  }

  /**
   * Checks {@code field} of {@code layer}, reporting into {@code report}, and hands its parameter
   * to {@code parameters} when it can be modelled; adds the deprecations its reads name.
   */
  static void check(
      LayerDeclaration layer,
      FieldDeclaration field,
      ClassName initializer,
      Report report,
      Set<Deprecation> deprecations,
      Consumer<Parameter> parameters) {
    new FieldRules(layer, field, initializer, report, deprecations).check(parameters);
  }

  private void check(Consumer<Parameter> parameters) {
    String label = field.label();
    if (layer.unreachable().isPresent()) {
      if (field.own()) {
        report.error(Message.UNREACHABLE_CLASS, null, label, layer.unreachable().get());
      }
      return;
    }
    if (field.isEnumConstant()) {
      report.error(Message.ENUM_CONSTANT, null, annotation.annotation().written(), label);
      return;
    }
    if (field.annotations().size() > 1) {
      report.error(
          Message.TWO_RULES,
          null,
          label,
          annotation.annotation().written(),
          field.annotations().get(1).annotation().written());
      return;
    }
    if (annotation.unresolved().isPresent()) {
      // The compiler names the missing symbol itself, at the attribute.
      report.defer(
          new Unresolved(
              field.site(),
              "used in " + annotation.unresolved().get(),
              annotation.annotation().written() + " on " + label));
      return;
    }
    if (field.isStatic()) {
      report.error(Message.STATIC_FIELD, null, label);
      return;
    }
    FieldType type = field.type();
    if (type.element() == FieldType.Element.UNRESOLVED) {
      report.defer(new Unresolved(field.site(), type.text(), "field " + label));
      return;
    }
    boolean bias = isBias(annotation);
    if (bias && !type.isWeightArray(1)) {
      // Not the weights' message, which offers float[][] and up.
      report.error(Message.BIAS_NOT_A_VECTOR, null, label, type);
      return;
    }
    if (!type.isWeightArray(Rules.MAX_RANK)) {
      report.error(Message.UNSUPPORTED_TYPE, null, label, type, Rules.MAX_RANK);
      return;
    }
    Access access = readArray();
    Shape shape;
    InitSpec init;
    if (bias) {
      shape = biasShape();
      init = new InitSpec.TorchBiasSpec(weightOfBias(), annotation.booleanValue("transposed"));
    } else {
      InitAnnotation kind = annotation.annotation();
      boolean anyRank =
          kind == InitAnnotation.VARIANCE_SCALING_INIT
              && VarianceScalingRules.layout(annotation) == WeightLayout.KERAS;
      shape =
          new ShapeRules(
                  field, annotation, report, (size, site) -> readMember(size, site, "shapeFields"))
              .shape(type.rank(), kind, anyRank ? 1 : kind.minRank());
      init = init(kind, elementType(type), shape);
    }
    parameters.accept(
        new Parameter(
            field.id(),
            label,
            field.pathName(),
            elementType(type),
            access,
            shape,
            init,
            field.isNullable(),
            field.constructedBefore().orElse(null)));
  }

  /** What the annotation {@code kind} says, for an array of {@code type} and {@code shape}. */
  private InitSpec init(InitAnnotation kind, ElementType type, Shape shape) {
    NamedMembers members = new NamedMembers(field, annotation, report, this::readMember);
    GainRules gains = new GainRules(field, annotation, report, members);
    return switch (kind) {
      case KAIMING_INIT -> new KaimingRules(field, annotation, report, gains).kaiming(type, shape);
      case XAVIER_INIT -> new XavierRules(field, annotation, report, gains).xavier(type, shape);
      case VARIANCE_SCALING_INIT ->
          new VarianceScalingRules(field, annotation, report).varianceScaling(type, shape);
      case NORMAL_INIT, UNIFORM_INIT, TRUNCATED_NORMAL_INIT, CONSTANT_INIT, ZEROS_INIT, ONES_INIT ->
          new ValueRules(field, annotation, report).spec(kind, type);
      case EYE_INIT, DIRAC_INIT, ORTHOGONAL_INIT ->
          new IdentityRules(field, annotation, report).spec(kind, type, shape);
      case TORCH_DEFAULT_INIT -> new InitSpec.TorchWeightSpec();
    };
  }

  /**
   * {@code @TorchDefaultInit(biasOf = ...)}, a bias rather than a weight. One whose {@code biasOf}
   * is not resolved yet counts as a weight: its class waits for the value either way.
   */
  static boolean isBias(AnnotationUse annotation) {
    return annotation.annotation() == InitAnnotation.TORCH_DEFAULT_INIT
        && annotation.isResolved("biasOf")
        && !annotation.stringValue("biasOf").isEmpty();
  }

  private static ElementType elementType(FieldType type) {
    return type.element() == FieldType.Element.DOUBLE ? ElementType.DOUBLE : ElementType.FLOAT;
  }

  private Shape biasShape() {
    // An empty array is no shape, as for a weight (the default, {}).
    for (String attribute : List.of("shape", "shapeFields")) {
      boolean given =
          attribute.equals("shape")
              ? !annotation.intValues(attribute).isEmpty()
              : !annotation.stringValues(attribute).isEmpty();
      if (given) {
        report.error(Message.BIAS_WITH_SHAPE, attribute, field.label(), attribute);
      }
    }
    return new Shape.Vector();
  }

  /**
   * The id of the weight a bias names: a field of its class, or inherited, with an annotation that
   * makes it a weight.
   */
  private String weightOfBias() {
    String name = annotation.stringValue("biasOf");
    FieldDeclaration weight = field.resolve(name).orElse(null);
    boolean isWeight =
        weight != null && !weight.annotations().isEmpty() && !isBias(weight.annotations().get(0));
    if (!isWeight) {
      report.error(
          Message.BIAS_OF_NOT_A_WEIGHT, "biasOf", field.label(), name, field.declaringClass());
      return "";
    }
    if (field.isDeclaredBefore(weight)) {
      report.warning(Message.BIAS_BEFORE_WEIGHT, "biasOf", field.label(), name, name, field.name());
    }
    return weight.id();
  }

  /** How the initializer reads the annotated array. */
  private Access readArray() {
    return read(field, field.site(), null);
  }

  /**
   * How the initializer reads a member named by the string attribute {@code attribute} ({@code
   * shapeFields}, {@code nonlinearityField}…), at {@code site}.
   */
  Access readMember(FieldDeclaration member, Site site, String attribute) {
    return read(member, site, attribute);
  }

  /**
   * The access path to {@code target}, or a placeholder after reporting why there is none: at
   * {@code site} (the field, or the attribute element that names it). {@code attribute} is null for
   * the annotated array itself.
   */
  private Access read(FieldDeclaration target, Site site, String attribute) {
    Reach reach = target.reach();
    if (reach instanceof Reach.Readable readable) {
      deprecations.addAll(readable.deprecations());
      return readable.access();
    }
    Message message = message(reach, attribute);
    Object[] args = arguments(reach, target, attribute);
    if (!field.own()
        && field.validatedWithItsClass()
        && !(field.reachFromItsClass(target) instanceof Reach.Readable)) {
      // The annotated field's own class cannot read it either, and says so at the field (or at
      // the element of its shapeFields), once.
      report.error(message, null, args);
    } else {
      report.layerError(message, site, args);
    }
    return new Access.Field(target.name(), null);
  }

  private static Message message(Reach reach, String attribute) {
    if (reach instanceof Reach.NoGetter || reach instanceof Reach.NotAccessible) {
      if (attribute != null) {
        return attribute.equals("shapeFields")
            ? Message.SHAPE_FIELD_UNREADABLE
            : Message.NAMED_FIELD_UNREADABLE;
      }
      return reach instanceof Reach.NoGetter
          ? Message.PRIVATE_WITHOUT_GETTER
          : Message.INACCESSIBLE_FIELD;
    } else if (reach instanceof Reach.GetterOverridden) {
      return Message.GETTER_OVERRIDDEN;
    } else if (reach instanceof Reach.GetterInaccessible) {
      return Message.GETTER_INACCESSIBLE;
    } else if (reach instanceof Reach.GetterUncallable) {
      return Message.GETTER_UNCALLABLE;
    }
    return Message.FIELD_UNNAMEABLE;
  }

  private Object[] arguments(Reach reach, FieldDeclaration target, String attribute) {
    String initializerName = initializer.simpleName();
    String pkg = initializer.packageName();
    String label = target.label();
    boolean member = attribute != null;
    if (member && (reach instanceof Reach.NoGetter || reach instanceof Reach.NotAccessible)) {
      return attribute.equals("shapeFields")
          ? new Object[] {field.label(), target.name(), initializerName}
          : new Object[] {attribute, field.label(), target.name(), initializerName};
    } else if (reach instanceof Reach.NoGetter g) {
      return new Object[] {
        label, target.declaringClass(), g.getter(), g.accessor(), target.type(), initializerName
      };
    } else if (reach instanceof Reach.NotAccessible n) {
      return new Object[] {label, n.fromPackage(), initializerName, n.getter()};
    } else if (reach instanceof Reach.GetterOverridden o) {
      String access = o.fieldPrivate() ? "private" : "not readable from package " + pkg;
      return new Object[] {label, access, initializerName, o.getter(), o.overrider(), pkg};
    } else if (reach instanceof Reach.GetterInaccessible i) {
      return new Object[] {
        label, i.getter(), i.access(), i.declaringClass(), initializerName, pkg, pkg
      };
    } else if (reach instanceof Reach.GetterUncallable u) {
      return new Object[] {label, u.getter()};
    }
    Reach.Unnameable u = (Reach.Unnameable) reach;
    return new Object[] {"field " + label, initializerName, pkg, u.reason()};
  }
}
