package dev.kinit.processor.writer;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeSpec;
import dev.kinit.Tensor;
import dev.kinit.processor.model.Access;
import dev.kinit.processor.model.InitSpec;
import dev.kinit.processor.model.Layer;
import dev.kinit.processor.model.Parameter;
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
 * <p>The initializer first views every array as a tensor, which validates its shape, and only then
 * fills them: a layer whose third array is jagged keeps its first two untouched. A layer of more
 * than {@value #PART_SIZE} parameters is split into nested classes of at most that many, each with
 * its own methods and constant pool, so that any class the compiler accepts gets an initializer.
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
                "Initialises the weights of {@link $T} marked {@code @KaimingInit}\n"
                    + "(He et al. 2015: {@code std = gain / sqrt(fan)})\n"
                    + "or {@code @TorchDefaultInit} (PyTorch's layer defaults).\n",
                layer.name())
            .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    if (generatedAvailable) {
      type.addAnnotation(
          AnnotationSpec.builder(GENERATED)
              .addMember("value", "$S", processorName)
              .addMember(
                  "comments", "$S", "kinit: from @KaimingInit / @TorchDefaultInit; do not edit")
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
    if (layer.parameters().size() <= PART_SIZE) {
      type.addMethod(initializeInOneMethod(layer));
    } else {
      writeInParts(layer, type);
    }
    return JavaFile.builder(layer.initializer().packageName(), type.build())
        .skipJavaLangImports(true)
        .build();
  }

  private static MethodSpec.Builder initializeMethod(Layer layer) {
    return MethodSpec.methodBuilder("initialize")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addParameter(layer.parameterType(), Statements.LAYER)
        .addParameter(RandomGenerator.class, Statements.RANDOM)
        .addJavadoc(
            "Fills, in place and in this order: $L.\n",
            String.join(", ", layer.parameters().stream().map(Parameter::label).toList()))
        .addJavadoc(
            "Every array is checked before any is written: if this throws, none has changed.\n")
        .addStatement("$T.requireNonNull($L, $S)", Objects.class, Statements.LAYER, "layer");
  }

  /** One method: each tensor a local named after its field. */
  private static MethodSpec initializeInOneMethod(Layer layer) {
    NameAllocator names = names(layer);
    List<Parameter> parameters = layer.parameters();
    List<CodeBlock> tensors = new ArrayList<>();
    MethodSpec.Builder method = initializeMethod(layer);
    for (Parameter parameter : parameters) {
      String tensor = names.newName(parameter.name(), parameter);
      tensors.add(CodeBlock.of("$L", tensor));
      method.addCode(
          view(parameter, CodeBlock.of("$T $L = ", Statements.tensorType(parameter), tensor)));
    }
    addChecks(method, parameters, tensors, 0, parameters.size());
    addFills(method, parameters, tensors, 0, parameters.size());
    return method.build();
  }

  /**
   * Nested classes {@code Part1Of3}…, each viewing and filling its slice of the parameters through
   * one array of tensors: all views first, then all fills, as in one method.
   */
  private static void writeInParts(Layer layer, TypeSpec.Builder type) {
    List<Parameter> parameters = layer.parameters();
    List<CodeBlock> tensors = new ArrayList<>();
    for (int i = 0; i < parameters.size(); i++) {
      tensors.add(CodeBlock.of("$L[$L]", TENSORS, i));
    }
    int parts = (parameters.size() + PART_SIZE - 1) / PART_SIZE;
    MethodSpec.Builder initialize =
        initializeMethod(layer)
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
      MethodSpec.Builder check =
          MethodSpec.methodBuilder("check")
              .addModifiers(Modifier.STATIC)
              .addParameter(Tensor[].class, TENSORS);
      addChecks(check, parameters, tensors, from, to);
      MethodSpec.Builder fill =
          MethodSpec.methodBuilder("fill")
              .addModifiers(Modifier.STATIC)
              .addParameter(Tensor[].class, TENSORS)
              .addParameter(RandomGenerator.class, Statements.RANDOM);
      addFills(fill, parameters, tensors, from, to);
      type.addType(
          TypeSpec.classBuilder(name)
              .addJavadoc("Parameters $L to $L.\n", from + 1, to)
              .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
              .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
              .addMethod(view.build())
              .addMethod(check.build())
              .addMethod(fill.build())
              .build());
    }
    partNames.forEach(
        name -> initialize.addStatement("$L.view($L, $L)", name, Statements.LAYER, TENSORS));
    partNames.forEach(
        name -> initialize.addStatement("$L.fill($L, $L)", name, TENSORS, Statements.RANDOM));
    type.addMethod(initialize.build());
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

  /** The runtime's checks that depend on sizes known only now, before the first write. */
  private static void addChecks(
      MethodSpec.Builder method,
      List<Parameter> parameters,
      List<CodeBlock> tensors,
      int from,
      int to) {
    for (int i = from; i < to; i++) {
      method.addCode(
          Statements.check(
              parameters.get(i), tensors.get(i), tensors.get(weightOf(parameters, i))));
    }
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

  private static void addFills(
      MethodSpec.Builder method,
      List<Parameter> parameters,
      List<CodeBlock> tensors,
      int from,
      int to) {
    for (int i = from; i < to; i++) {
      Parameter parameter = parameters.get(i);
      int weight = weightOf(parameters, i);
      method
          .addCode("\n")
          .addCode(
              Statements.fill(
                  parameter, tensors.get(i), parameters.get(weight), tensors.get(weight)));
    }
  }

  /**
   * A name allocator that keeps locals from obscuring what the statements name as expressions
   * ({@code FanMode.FAN_IN}, {@code Kaiming.normal}, {@code Layer.SIZE}, {@code dev.kinit.Kaiming}
   * when written in full): a local of such a name would obscure the type or package (JLS 6.4.2), as
   * a weight field named {@code FanMode} or {@code dev} would make its local.
   */
  private static NameAllocator names(Layer layer) {
    NameAllocator names = new NameAllocator();
    names.newName(Statements.LAYER, Statements.LAYER);
    names.newName(Statements.RANDOM, Statements.RANDOM);
    names.newName(TENSORS, TENSORS);
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
      if (!type.packageName().isEmpty()) {
        qualifiers.add(type.packageName().split("\\.")[0]);
      }
    }
    qualifiers.forEach(qualifier -> names.newName(qualifier, qualifier));
    return names;
  }
}
