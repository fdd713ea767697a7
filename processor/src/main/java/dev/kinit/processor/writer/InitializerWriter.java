package dev.kinit.processor.writer;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeSpec;
import dev.kinit.InitPlan;
import dev.kinit.Tensor;
import dev.kinit.processor.model.Access;
import dev.kinit.processor.model.Child;
import dev.kinit.processor.model.InitSpec;
import dev.kinit.processor.model.Layer;
import dev.kinit.processor.model.Member;
import dev.kinit.processor.model.Parameter;
import dev.kinit.processor.model.Rule;
import dev.kinit.processor.model.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import javax.lang.model.element.Modifier;

/**
 * Turns a valid {@link Layer} into its initializer's source. Only writes: every check happened in
 * the rules. Deterministic: the same layer gives the same text.
 *
 * <p>The initializer's {@code plan(layer)} views every array as a tensor, which checks its shape,
 * then collects each parameter with its initialisation in an {@link InitPlan}, which checks them
 * all; {@code initialize(layer, random)} runs the plan. So a layer whose third array is jagged, or
 * whose second gives a std out of range, keeps its first untouched. A layer of more than {@value
 * #PART_SIZE} parameters is split into nested classes of at most that many, each with its own
 * methods and constant pool, so that any class the compiler accepts gets an initializer.
 */
public final class InitializerWriter {

  /** {@code javax.annotation.processing.Generated}, which exists from Java 9. */
  public static final ClassName GENERATED =
      ClassName.get("javax.annotation.processing", "Generated");

  /** The most parameters one method (and one nested part) handles. */
  static final int PART_SIZE = 200;

  private static final String TENSORS = "tensors";

  private final String processorName;
  private final boolean generatedAvailable;

  /**
   * @param processorName the qualified name of the processor, for {@code @Generated}
   * @param generatedAvailable whether {@code javax.annotation.processing.Generated} exists on the
   *     compilation's platform
   */
  public InitializerWriter(String processorName, boolean generatedAvailable) {
    this.processorName = processorName;
    this.generatedAvailable = generatedAvailable;
  }

  /** The initializer of {@code layer}, as a Java file. */
  public JavaFile write(Layer layer) {
    TypeSpec.Builder type =
        TypeSpec.classBuilder(layer.initializer())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addJavadoc(
                "Initialises the parameters of {@link $T}, as its annotations say.\n", layer.name())
            .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    if (generatedAvailable) {
      type.addAnnotation(
          AnnotationSpec.builder(GENERATED)
              .addMember("value", "$S", processorName)
              .addMember("comments", "$S", "kinit: from the kinit annotations; do not edit")
              .build());
    }
    if (!layer.deprecations().isEmpty()) {
      // The user's deprecated classes and members are theirs to be warned about, not here.
      Set<String> keys = new TreeSet<>();
      layer.deprecations().forEach(deprecation -> keys.add(deprecation.lintKey()));
      AnnotationSpec.Builder suppress = AnnotationSpec.builder(SuppressWarnings.class);
      keys.forEach(key -> suppress.addMember("value", "$S", key));
      type.addAnnotation(suppress.build());
    }
    type.addMethod(initialize(layer));
    boolean parts =
        layer.parameters().size() > PART_SIZE
            && !layer.isNetwork()
            && layer.parameters().stream().noneMatch(Parameter::optional);
    if (parts) {
      writeInParts(layer, type);
    } else {
      NetworkStatements network = new NetworkStatements(layer.initializer());
      type.addMethod(planInOneMethod(layer, network));
      network.dispatchers().forEach(type::addMethod);
    }
    return JavaFile.builder(layer.initializer().packageName(), type.build())
        .skipJavaLangImports(true)
        .build();
  }

  /** {@code initialize(layer, random)}: the plan, run. */
  private static MethodSpec initialize(Layer layer) {
    return MethodSpec.methodBuilder("initialize")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addParameter(layer.parameterType(), Statements.LAYER)
        .addParameter(RandomGenerator.class, Statements.RANDOM)
        .addJavadoc(initializeDoc(layer))
        .addJavadoc(
            "Every array is checked before any is written: if this throws, none has changed.\n")
        .addStatement("plan($L).run($L)", Statements.LAYER, Statements.RANDOM)
        .build();
  }

  private static CodeBlock initializeDoc(Layer layer) {
    if (layer.isNetwork()) {
      return CodeBlock.of(
          "Fills, in place, the parameters of this module and of its children in PyTorch's order:\n"
              + "each module's own initialisation in construction order, then the rules of\n"
              + "{@code @Reinit}, pass by pass.\n");
    }
    return CodeBlock.of(
        "Fills, in place and in this order: $L.\n",
        String.join(", ", layer.parameters().stream().map(Parameter::label).toList()));
  }

  private static MethodSpec.Builder planMethod(Layer layer) {
    return MethodSpec.methodBuilder("plan")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(InitPlan.class)
        .addParameter(layer.parameterType(), Statements.LAYER)
        .addJavadoc(
            "The parameters of {@link $T}, each with its initialisation, all checked:\n"
                + "what {@link #initialize} runs.\n",
            layer.name())
        .addStatement("$T.requireNonNull($L, $S)", Objects.class, Statements.LAYER, "layer")
        .addStatement(
            "$T.Builder $L = $T.builder($L, $T.class)",
            InitPlan.class,
            Statements.PLAN,
            InitPlan.class,
            Statements.LAYER,
            layer.name());
  }

  /**
   * One method: each tensor a local named after its field, viewed first; then the members in
   * declaration order (parameters, and a network's children), each class's rules after its members.
   */
  private static MethodSpec planInOneMethod(Layer layer, NetworkStatements network) {
    NameAllocator names = names(layer);
    List<Parameter> parameters = layer.parameters();
    List<CodeBlock> tensors = new ArrayList<>();
    MethodSpec.Builder method = planMethod(layer);
    for (Parameter parameter : parameters) {
      String tensor = names.newName(parameter.name(), parameter);
      tensors.add(CodeBlock.of("$L", tensor));
      method.addCode(
          parameter.optional()
              ? optionalView(parameter, tensor, names)
              : view(
                  parameter, CodeBlock.of("$T $L = ", Statements.tensorType(parameter), tensor)));
    }
    int member = 0;
    addRules(method, network, layer, member);
    for (Member next : layer.members()) {
      if (next instanceof Parameter parameter) {
        int i = parameters.indexOf(parameter);
        addSteps(method, layer, tensors, i, i + 1);
      } else {
        method.addCode(network.add((Child) next));
      }
      addRules(method, network, layer, ++member);
    }
    return method.addStatement("return $L.build()", Statements.PLAN).build();
  }

  /** The rule groups that follow the first {@code members} members. */
  private static void addRules(
      MethodSpec.Builder method, NetworkStatements network, Layer layer, int members) {
    for (Rule.Group group : layer.rules()) {
      if (group.afterMembers() == members && !group.rules().isEmpty()) {
        method.addCode("\n").addCode(network.reinit(group));
      }
    }
  }

  /**
   * An optional parameter's tensor: {@code null} when its array is, the parameter being absent
   * ({@code float[] biasArray = layer.bias; FloatTensor bias = biasArray == null ? null : …}).
   */
  private static CodeBlock optionalView(Parameter parameter, String tensor, NameAllocator names) {
    String array = names.newName(tensor + "Array");
    CodeBlock read =
        parameter.access() instanceof Access.Getter getter
            ? Statements.readThroughGetter(parameter, getter)
            : Statements.read(parameter.access());
    return CodeBlock.builder()
        .addStatement("$L $L = $L", Statements.arrayType(parameter), array, read)
        .addStatement(
            "$T $L = $L == null ? null : $L",
            Statements.tensorType(parameter),
            tensor,
            array,
            Statements.view(parameter, CodeBlock.of("$L", array)))
        .build();
  }

  /**
   * Nested classes {@code Part1Of3}…, each viewing its slice of the parameters into one array of
   * tensors, then adding their steps: all views first, then all steps, as in one method.
   */
  private static void writeInParts(Layer layer, TypeSpec.Builder type) {
    List<Parameter> parameters = layer.parameters();
    List<CodeBlock> tensors = new ArrayList<>();
    for (int i = 0; i < parameters.size(); i++) {
      tensors.add(CodeBlock.of("$L[$L]", TENSORS, i));
    }
    int parts = (parameters.size() + PART_SIZE - 1) / PART_SIZE;
    MethodSpec.Builder plan =
        planMethod(layer)
            .addStatement(
                "$T[] $L = new $T[$L]", Tensor.class, TENSORS, Tensor.class, parameters.size());
    List<String> partNames = new ArrayList<>();
    for (int part = 0; part < parts; part++) {
      String name = "Part" + (part + 1) + "Of" + parts;
      partNames.add(name);
      int from = part * PART_SIZE;
      int to = Math.min(parameters.size(), from + PART_SIZE);
      MethodSpec.Builder view =
          MethodSpec.methodBuilder("view")
              .addModifiers(Modifier.STATIC)
              .addParameter(layer.parameterType(), Statements.LAYER)
              .addParameter(Tensor[].class, TENSORS);
      for (int i = from; i < to; i++) {
        view.addCode(view(parameters.get(i), CodeBlock.of("$L = ", tensors.get(i))));
      }
      MethodSpec.Builder add =
          MethodSpec.methodBuilder("add")
              .addModifiers(Modifier.STATIC)
              .addParameter(InitPlan.Builder.class, Statements.PLAN)
              .addParameter(Tensor[].class, TENSORS);
      addSteps(add, layer, tensors, from, to);
      type.addType(
          TypeSpec.classBuilder(name)
              .addJavadoc("Parameters $L to $L.\n", from + 1, to)
              .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
              .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
              .addMethod(view.build())
              .addMethod(add.build())
              .build());
    }
    partNames.forEach(
        name -> plan.addStatement("$L.view($L, $L)", name, Statements.LAYER, TENSORS));
    partNames.forEach(name -> plan.addStatement("$L.add($L, $L)", name, Statements.PLAN, TENSORS));
    type.addMethod(plan.addStatement("return $L.build()", Statements.PLAN).build());
  }

  /** {@code target} assigned the parameter's tensor, read through a checked getter if need be. */
  private static CodeBlock view(Parameter parameter, CodeBlock target) {
    CodeBlock array =
        parameter.access() instanceof Access.Getter getter
            ? Statements.readThroughGetter(parameter, getter)
            : Statements.read(parameter.access());
    return CodeBlock.builder()
        .addStatement("$L$L", target, Statements.view(parameter, array))
        .build();
  }

  /**
   * The commented {@code plan.add(name, tensor, init)} of parameters {@code [from, to)}. An
   * optional parameter is added if present; if absent, it is recorded as such where another member
   * is constructed before it, so that member takes its place.
   */
  private static void addSteps(
      MethodSpec.Builder method, Layer layer, List<CodeBlock> tensors, int from, int to) {
    List<Parameter> parameters = layer.parameters();
    for (int i = from; i < to; i++) {
      Parameter parameter = parameters.get(i);
      String name = pathName(parameter, parameters);
      int weight = weightOf(parameters, i);
      method.addCode("// $L\n", InitExpressions.comment(parameter, parameters.get(weight)));
      if (parameter.optional()) {
        method.beginControlFlow("if ($L != null)", tensors.get(i));
      }
      method.addStatement(
          "$L.add($S,$W$L,$W$L)",
          Statements.PLAN,
          name,
          tensors.get(i),
          InitExpressions.expression(parameter, tensors.get(weight)));
      // Absent, it has no step to move: one is recorded only if another member moves to its place.
      boolean keepsPlace = parameter.optional() && isNamedByConstructedBefore(layer, name);
      if (keepsPlace) {
        method.nextControlFlow("else").addStatement("$L.absent($S)", Statements.PLAN, name);
        method.endControlFlow();
      }
      if (parameter.constructedBefore() != null) {
        method.addCode(NetworkStatements.constructBefore(name, parameter.constructedBefore()));
      }
      if (parameter.optional() && !keepsPlace) {
        method.endControlFlow();
      }
    }
  }

  /** Whether a member of {@code layer} is {@code @ConstructedBefore} the member {@code name}. */
  private static boolean isNamedByConstructedBefore(Layer layer, String name) {
    return layer.members().stream().anyMatch(member -> name.equals(member.constructedBefore()));
  }

  /**
   * The parameter's name in the plan: its field's, or {@code Declaring.field} where a field of the
   * same name hides it, as a name must be unique in a module.
   */
  private static String pathName(Parameter parameter, List<Parameter> parameters) {
    boolean hidden =
        parameters.stream()
            .anyMatch(other -> other != parameter && other.name().equals(parameter.name()));
    boolean sameLabel =
        parameters.stream()
            .anyMatch(other -> other != parameter && other.label().equals(parameter.label()));
    return !hidden ? parameter.name() : sameLabel ? parameter.id() : parameter.label();
  }

  /** The index of the weight whose fan_in bounds parameter {@code i}, if a bias; else {@code i}. */
  private static int weightOf(List<Parameter> parameters, int i) {
    if (parameters.get(i).init() instanceof InitSpec.TorchBiasSpec bias) {
      // A bias names its weight by id: labels may repeat (a Net.Base extending a Base).
      for (int j = 0; j < parameters.size(); j++) {
        if (parameters.get(j).id().equals(bias.weightId())) {
          return j;
        }
      }
    }
    return i;
  }

  /**
   * A name allocator that keeps locals from obscuring what the statements name as expressions
   * ({@code FanMode.FAN_IN}, {@code Init.kaimingNormal}, {@code Layer.SIZE}, {@code dev.kinit.Init}
   * when written in full): a local of such a name would obscure the type or package (JLS 6.4.2), as
   * a weight field named {@code FanMode} or {@code dev} would make its local.
   */
  private static NameAllocator names(Layer layer) {
    NameAllocator names = new NameAllocator();
    for (String reserved : List.of(Statements.LAYER, Statements.RANDOM, Statements.PLAN, TENSORS)) {
      names.newName(reserved, reserved);
    }
    List<ClassName> types = new ArrayList<>(Statements.RUNTIME_TYPES);
    for (Parameter parameter : layer.parameters()) {
      if (parameter.shape() instanceof Shape.Fields sizes) {
        for (Access size : sizes.sizes()) {
          if (size instanceof Access.Constant constant
              && constant.owner() instanceof ClassName owner) {
            types.add(owner);
          }
        }
      }
    }
    Set<String> qualifiers = new TreeSet<>();
    for (ClassName type : types) {
      qualifiers.add(type.topLevelClassName().simpleName());
      qualifiers.add(type.simpleName());
      if (!type.packageName().isEmpty()) {
        qualifiers.add(type.packageName().split("\\.")[0]);
      }
    }
    qualifiers.forEach(qualifier -> names.newName(qualifier, qualifier));
    return names;
  }
}
