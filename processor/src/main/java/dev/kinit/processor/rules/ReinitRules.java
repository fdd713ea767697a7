package dev.kinit.processor.rules;

import dev.kinit.WeightLayout;
import dev.kinit.internal.ElementType;
import dev.kinit.internal.Rules;
import dev.kinit.processor.model.Access;
import dev.kinit.processor.model.Child;
import dev.kinit.processor.model.InitSpec;
import dev.kinit.processor.model.Rule;
import dev.kinit.processor.model.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of a network's {@code @Reinit} rules: one initialisation each, without what only a
 * field can have (a shape, a per-instance gain, a bias's weight); one traversal order per pass; and
 * a module type and parameter path that reach at least one parameter of the network's tree, where
 * the initialisation must fit each parameter reached (its rank, its element type's range).
 */
final class ReinitRules {

  private final LayerDeclaration network;
  private final Report report;
  private final Map<Integer, RuleDeclaration> passOrders = new HashMap<>();

  ReinitRules(LayerDeclaration network, Report report) {
    this.network = network;
    this.report = report;
  }

  /** The rule, with its problems reported; its init spec is for the first parameter it reaches. */
  Rule check(RuleDeclaration rule) {
    InitSpec placeholder = new InitSpec.ConstantSpec(0, InitSpec.ConstantSpec.Kind.ZEROS);
    Rule checked =
        new Rule(
            rule.pass(),
            rule.order(),
            rule.module(),
            rule.parameter(),
            placeholder,
            rule.description());
    if (!rule.declaredOnNetwork()) {
      report.add(Message.REINIT_WITHOUT_NETWORK, rule.site(), rule.declaringClass());
      return checked;
    }
    RuleDeclaration first = passOrders.putIfAbsent(rule.pass(), rule);
    if (first != null && first.order() != rule.order()) {
      report.add(
          Message.REINIT_ORDER_CONFLICT,
          rule.site("order"),
          rule.description(),
          rule.order(),
          rule.pass(),
          first.declaringClass(),
          first.description() + " visits them in " + first.order() + " order");
    }
    if (rule.inits().size() != 1) {
      report.add(Message.REINIT_INIT_COUNT, rule.site(), rule.description(), rule.inits().size());
      return checked;
    }
    AnnotationUse init = rule.inits().get(0);
    if (!allowed(rule, init)) {
      return checked;
    }
    List<FieldDeclaration> reached = reached(rule);
    if (reached.isEmpty()) {
      report.add(
          Message.REINIT_MATCHES_NOTHING,
          rule.site("parameter"),
          rule.description(),
          network.name().simpleName(),
          rule.moduleName(),
          rule.parameter());
      return checked;
    }
    InitSpec spec = null;
    Set<ElementType> types = new HashSet<>();
    for (FieldDeclaration parameter : reached) {
      RuleTarget target = new RuleTarget(parameter, rule, init);
      FieldReport fieldReport = new FieldReport(report, network, target, init);
      Shape shape = shapeOf(parameter);
      // A rank PyTorch rejects does not hide the rule's other errors, as for a field's annotation.
      checkRank(rule, init, parameter, shape);
      ElementType type =
          parameter.type().element() == FieldType.Element.DOUBLE
              ? ElementType.DOUBLE
              : ElementType.FLOAT;
      if (types.add(type)) {
        InitSpec checkedSpec = spec(init, target, fieldReport, type, shape);
        spec = spec == null ? checkedSpec : spec;
      }
    }
    return spec == null
        ? checked
        : new Rule(
            rule.pass(), rule.order(), rule.module(), rule.parameter(), spec, rule.description());
  }

  /** Attributes that only a field's annotation can have are not allowed in a rule. */
  private boolean allowed(RuleDeclaration rule, AnnotationUse init) {
    List<String> notAllowed = new ArrayList<>();
    for (String attribute : List.of("shape", "shapeFields")) {
      if (init.isWritten(attribute)) {
        notAllowed.add(attribute);
        report.add(
            Message.REINIT_ATTRIBUTE,
            rule.site(),
            rule.description(),
            attribute,
            "since the parameter it reaches has its own shape");
      }
    }
    for (String attribute : List.of("nonlinearityField", "slopeField", "biasOf")) {
      if (init.isWritten(attribute) && !init.stringValue(attribute).isEmpty()) {
        notAllowed.add(attribute);
        report.add(
            Message.REINIT_ATTRIBUTE,
            rule.site(),
            rule.description(),
            attribute,
            attribute.equals("biasOf")
                ? "since a rule re-initialises a weight (use zeros or uniform for biases)"
                : "since a rule's gain is a constant (a nonlinearity and a)");
      }
    }
    return notAllowed.isEmpty();
  }

  /**
   * Reports {@link Message#RANK_NOT_SUPPORTED} at the rule if PyTorch's function for {@code init}
   * rejects the number of dimensions of {@code parameter}.
   */
  private void checkRank(
      RuleDeclaration rule, AnnotationUse init, FieldDeclaration parameter, Shape shape) {
    InitAnnotation kind = init.annotation();
    int rank =
        shape instanceof Shape.Nested nested
            ? nested.rank()
            : shape instanceof Shape.Constants constants
                ? constants.sizes().size()
                : shape instanceof Shape.Fields fields ? fields.sizes().size() : 1;
    int minRank =
        kind == InitAnnotation.VARIANCE_SCALING_INIT
                && WeightLayout.valueOf(init.enumValue("layout")) == WeightLayout.KERAS
            ? 1
            : kind.minRank();
    if (rank >= minRank && rank <= kind.maxRank()) {
      return;
    }
    List<String> texts = ShapeRules.rankRule(kind);
    report.add(
        Message.RANK_NOT_SUPPORTED,
        rule.site(),
        kind.written(),
        rule.description() + " on " + parameter.label(),
        rank,
        texts.get(0),
        texts.get(1),
        texts.get(2));
  }

  private static InitSpec spec(
      AnnotationUse init,
      FieldDeclaration target,
      FieldReport report,
      ElementType type,
      Shape shape) {
    NamedMembers members = new NamedMembers(target, init, report, (m, site, attribute) -> null);
    GainRules gains = new GainRules(target, init, report, members);
    InitAnnotation kind = init.annotation();
    return switch (kind) {
      case KAIMING_INIT -> new KaimingRules(target, init, report, gains).kaiming(type, shape);
      case XAVIER_INIT -> new XavierRules(target, init, report, gains).xavier(type, shape);
      case VARIANCE_SCALING_INIT ->
          new VarianceScalingRules(target, init, report).varianceScaling(type, shape);
      case NORMAL_INIT, UNIFORM_INIT, TRUNCATED_NORMAL_INIT, CONSTANT_INIT, ZEROS_INIT, ONES_INIT ->
          new ValueRules(target, init, report).spec(kind, type);
      case EYE_INIT, DIRAC_INIT, ORTHOGONAL_INIT ->
          new IdentityRules(target, init, report).spec(kind, type, shape);
      case TORCH_DEFAULT_INIT -> new InitSpec.TorchWeightSpec();
    };
  }

  /** The shape of a parameter as its own annotation gives it, enough for ranks and scales. */
  private static Shape shapeOf(FieldDeclaration parameter) {
    if (parameter.type().rank() > 1) {
      return new Shape.Nested(parameter.type().rank());
    }
    if (!parameter.annotations().isEmpty()) {
      AnnotationUse own = parameter.annotations().get(0);
      if (own.unresolved().isEmpty() && !own.intValues("shape").isEmpty()) {
        return new Shape.Constants(own.intValues("shape"));
      }
      if (own.unresolved().isEmpty() && !own.stringValues("shapeFields").isEmpty()) {
        return new Shape.Fields(
            own.stringValues("shapeFields").stream()
                .map(name -> (Access) new Access.Field(name, null))
                .toList());
      }
    }
    return new Shape.Vector();
  }

  /** The parameters of the network's tree the rule reaches, each once. */
  private List<FieldDeclaration> reached(RuleDeclaration rule) {
    List<FieldDeclaration> reached = new ArrayList<>();
    Set<String> visited = new HashSet<>();
    // The network's own tree even where the network is abstract, a base class whose subclasses
    // share its rules: as a child an abstract type is open, but here it is the tree's root.
    visitTree(network.asModule(), rule, reached, visited);
    return reached;
  }

  private void visit(
      ModuleDeclaration module,
      RuleDeclaration rule,
      List<FieldDeclaration> reached,
      Set<String> visited) {
    switch (module.kind()) {
      case INITIALIZED -> visitTree(module, rule, reached, visited);
      case SEALED -> module.permitted().forEach(p -> visit(p, rule, reached, visited));
      default -> {}
    }
  }

  /** A module with an initializer: its parameters the rule reaches, then its children's. */
  private void visitTree(
      ModuleDeclaration module,
      RuleDeclaration rule,
      List<FieldDeclaration> reached,
      Set<String> visited) {
    if (!visited.add(module.type().toString())) {
      return;
    }
    if (rule.matches(module)) {
      for (FieldDeclaration parameter : find(module, rule.parameter())) {
        if (reached.stream().noneMatch(p -> p.id().equals(parameter.id()))) {
          reached.add(parameter);
        }
      }
    }
    for (ChildDeclaration child : module.children()) {
      visit(child.module(), rule, reached, visited);
    }
  }

  /** The parameters at {@code path} from {@code module}, a list's index being any element. */
  private static List<FieldDeclaration> find(ModuleDeclaration module, String path) {
    List<FieldDeclaration> found = new ArrayList<>();
    int dot = path.indexOf('.');
    String first = dot < 0 ? path : path.substring(0, dot);
    if (dot < 0) {
      module.parameters().stream().filter(p -> p.pathName().equals(first)).forEach(found::add);
      return found;
    }
    String rest = path.substring(dot + 1);
    for (ChildDeclaration child : module.children()) {
      if (LayerRules.isElements(child)) {
        if (isElementName(child, first)) {
          for (ModuleDeclaration leaf : leaves(child.module())) {
            found.addAll(find(leaf, rest)); // an element of the module itself
          }
        }
      } else if (child.pathName().equals(first)) {
        String inner = rest;
        if (child.container() != Child.Container.ONE) {
          int next = rest.indexOf('.');
          if (next <= 0 || !isElementName(child, rest.substring(0, next))) {
            continue;
          }
          inner = rest.substring(next + 1);
        }
        for (ModuleDeclaration leaf : leaves(child.module())) {
          found.addAll(find(leaf, inner));
        }
      }
    }
    return found;
  }

  /** Whether {@code name} can name an element of {@code container}: an index, or a map's key. */
  private static boolean isElementName(ChildDeclaration container, String name) {
    return container.container() == Child.Container.MAP
        ? Rules.isMemberName(name)
        : LayerRules.isIndex(name);
  }

  private static List<ModuleDeclaration> leaves(ModuleDeclaration module) {
    if (module.kind() == ModuleDeclaration.Kind.SEALED) {
      List<ModuleDeclaration> leaves = new ArrayList<>();
      module.permitted().forEach(p -> leaves.addAll(leaves(p)));
      return leaves;
    }
    return module.kind() == ModuleDeclaration.Kind.INITIALIZED ? List.of(module) : List.of();
  }
}
