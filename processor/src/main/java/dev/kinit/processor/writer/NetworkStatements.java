package dev.kinit.processor.writer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.kinit.InitPlan;
import dev.kinit.Traversal;
import dev.kinit.processor.model.Child;
import dev.kinit.processor.model.Rule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * The statements of a network's plan: a child through its initializer ({@code plan.child("conv1",
 * layer.conv1, Conv2dInitializer::plan)}), a list of them, a sealed type told apart by a generated
 * {@code planOf} method, and the network's {@code @Reinit} rules.
 */
final class NetworkStatements {

  private final ClassName initializer;
  private final NameAllocator methodNames = new NameAllocator();

  /** The {@code planOf…} methods of the sealed types, by type. */
  private final Map<TypeName, MethodSpec> dispatchers = new LinkedHashMap<>();

  /** For the initializer {@code initializer}, which will hold the dispatchers. */
  NetworkStatements(ClassName initializer) {
    this.initializer = initializer;
  }

  /**
   * {@code plan.child(…)} or {@code plan.children(…)} for {@code child}; {@code plan.elements(…)}
   * for a container named {@code ""}, whose elements are the module's children.
   */
  CodeBlock add(Child child) {
    CodeBlock.Builder code = CodeBlock.builder();
    if (child.name().isEmpty()) {
      code.addStatement(
          "$L.elements($L,$W$L)",
          Statements.PLAN,
          Statements.read(child.access()),
          planFunction(child.module()));
    } else {
      code.addStatement(
          "$L.$L($S,$W$L,$W$L)",
          Statements.PLAN,
          child.container() == Child.Container.ONE ? "child" : "children",
          child.name(),
          Statements.read(child.access()),
          planFunction(child.module()));
    }
    if (child.constructedBefore() != null) {
      code.add(constructBefore(child.name(), child.constructedBefore()));
    }
    return code.build();
  }

  /** {@code plan.constructBefore(member, before)}, for a child or a parameter. */
  static CodeBlock constructBefore(String member, String before) {
    return CodeBlock.builder()
        .add("// PyTorch builds $L before $L, but registers it after\n", member, before)
        .addStatement("$L.constructBefore($S, $S)", Statements.PLAN, member, before)
        .build();
  }

  /** {@code plan.reinit(List.of(…))}: one class's rules, commented with how they are written. */
  CodeBlock reinit(Rule.Group group) {
    CodeBlock.Builder rules = CodeBlock.builder();
    for (int i = 0; i < group.rules().size(); i++) {
      Rule rule = group.rules().get(i);
      rules
          .add(i == 0 ? "\n" : ",\n")
          .add(
              "new $T.Rule($L, $T.$L, $T.class, $S,$W$L)",
              InitPlan.class,
              rule.pass(),
              Traversal.class,
              rule.order().name(),
              rule.module() == null ? ClassName.OBJECT : rule.module(),
              rule.parameter(),
              InitExpressions.rule(rule.init()));
    }
    CodeBlock.Builder code = CodeBlock.builder();
    group
        .rules()
        .forEach(
            rule -> code.add("// $L: $L\n", rule.description(), InitExpressions.what(rule.init())));
    return code.addStatement("$L.reinit($T.of($>$L$<))", Statements.PLAN, List.class, rules.build())
        .build();
  }

  /** The methods that tell the permitted classes of sealed types apart. */
  List<MethodSpec> dispatchers() {
    return List.copyOf(dispatchers.values());
  }

  /** {@code Conv2dInitializer::plan}, or the dispatcher of a sealed type. */
  private CodeBlock planFunction(Child.ModuleType module) {
    if (module instanceof Child.ModuleType.Initialized initialized) {
      return CodeBlock.of("$T::plan", initialized.initializer());
    }
    if (module instanceof Child.ModuleType.Sealed sealed) {
      return CodeBlock.of("$T::$N", initializer, dispatcher(sealed));
    }
    return CodeBlock.of("$T::builder", InitPlan.class); // never for a child; see ChildRules
  }

  private MethodSpec dispatcher(Child.ModuleType.Sealed sealed) {
    MethodSpec existing = dispatchers.get(sealed.type());
    if (existing != null) {
      return existing;
    }
    String name = methodNames.newName("planOf" + simpleName(sealed.type()), sealed.type());
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(name)
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(InitPlan.class)
            .addParameter(sealed.type(), "module")
            .addJavadoc(
                "The plan of a $L, which is sealed: as the class the module is.\n",
                simpleName(sealed.type()));
    for (Child.ModuleType type : sealed.cases()) {
      TypeName raw = rawType(type.type());
      if (type instanceof Child.ModuleType.Initialized initialized) {
        method.addStatement(
            "if (module instanceof $T) return $T.plan(($T) module)",
            raw,
            initialized.initializer(),
            type.type());
      } else if (type instanceof Child.ModuleType.Sealed nested) {
        method.addStatement(
            "if (module instanceof $T) return $N(($T) module)",
            raw,
            dispatcher(nested),
            type.type());
      } else {
        method.addStatement(
            "if (module instanceof $T) return $T.builder(module, $T.class).build()",
            raw,
            InitPlan.class,
            raw);
      }
    }
    method.addStatement(
        "throw new $T($S + module.getClass().getName())",
        IllegalArgumentException.class,
        "not a permitted subclass of " + simpleName(sealed.type()) + ": ");
    MethodSpec built = method.build();
    dispatchers.put(sealed.type(), built);
    return built;
  }

  private static TypeName rawType(TypeName type) {
    return type instanceof ParameterizedTypeName parameterized ? parameterized.rawType() : type;
  }

  private static String simpleName(TypeName type) {
    TypeName raw = rawType(type);
    return raw instanceof ClassName name ? name.simpleName() : raw.toString();
  }
}
