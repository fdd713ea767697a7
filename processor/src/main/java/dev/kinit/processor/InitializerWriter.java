package dev.kinit.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeSpec;
import dev.kinit.Distribution;
import dev.kinit.DoubleTensor;
import dev.kinit.FanMode;
import dev.kinit.FloatTensor;
import dev.kinit.Kaiming;
import dev.kinit.LayerDefaults;
import dev.kinit.internal.Gains;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import javax.lang.model.element.Modifier;

/**
 * Turns a {@link Layer} into its initializer's source. Only writes: every check happened in {@link
 * LayerReader}.
 *
 * <p>The initializer first views every array as a tensor, which validates its shape, then checks
 * what the fills will check on the sizes it reads ({@code Kaiming.check}, {@code
 * LayerDefaults.checkBias}), and only then fills them: a layer whose third array is jagged, or
 * whose bias does not fit its weight, keeps its first two arrays untouched.
 */
final class InitializerWriter {

  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  private static final String LAYER = "layer";
  private static final String RANDOM = "random";

  private final boolean generatedAvailable;

  /**
   * @param generatedAvailable whether {@code javax.annotation.processing.Generated} exists on the
   *     compilation's platform (it does from Java 9)
   */
  InitializerWriter(boolean generatedAvailable) {
    this.generatedAvailable = generatedAvailable;
  }

  JavaFile write(Layer layer) {
    TypeSpec.Builder type =
        TypeSpec.classBuilder(layer.initializer())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addOriginatingElement(layer.element())
            .addJavadoc(
                "Initialises the weights of {@link $T} marked {@code @KaimingInit}\n"
                    + "(He et al. 2015: {@code std = gain / sqrt(fan)})\n"
                    + "or {@code @TorchDefaultInit} (PyTorch's layer defaults).\n",
                ClassName.get(layer.element()))
            .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
            .addMethod(initialize(layer));
    if (generatedAvailable) {
      type.addAnnotation(
          AnnotationSpec.builder(GENERATED)
              .addMember("value", "$S", KaimingInitProcessor.class.getCanonicalName())
              .addMember(
                  "comments", "$S", "kinit: from @KaimingInit / @TorchDefaultInit; do not edit")
              .build());
    }
    return JavaFile.builder(layer.initializer().packageName(), type.build())
        .skipJavaLangImports(true)
        .build();
  }

  private static MethodSpec initialize(Layer layer) {
    NameAllocator names = new NameAllocator();
    names.newName(LAYER, LAYER);
    names.newName(RANDOM, RANDOM);
    for (String qualifier : qualifiers(layer)) {
      names.newName(qualifier, qualifier);
    }
    List<String> tensors = new ArrayList<>();
    for (WeightField field : layer.fields()) {
      tensors.add(names.newName(field.name(), field));
    }

    MethodSpec.Builder method =
        MethodSpec.methodBuilder("initialize")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addParameter(layer.type(), LAYER)
            .addParameter(RandomGenerator.class, RANDOM)
            .addJavadoc(
                "Fills, in place and in this order: $L.\n",
                String.join(", ", layer.fields().stream().map(WeightField::label).toList()))
            .addJavadoc(
                "Every array is checked before any is written: if this throws, none has"
                    + " changed.\n")
            .addStatement("$T.requireNonNull($L, $S)", Objects.class, LAYER, LAYER);
    for (int i = 0; i < tensors.size(); i++) {
      WeightField field = layer.fields().get(i);
      method.addStatement("$T $L = $L", tensorType(field), tensors.get(i), view(field));
    }
    Map<String, Integer> indexOfId = new HashMap<>();
    for (int i = 0; i < tensors.size(); i++) {
      indexOfId.put(layer.fields().get(i).id(), i);
    }
    // A bias names its weight by id: labels may repeat (a Net.Base extending a Base).
    int[] weightOf = new int[tensors.size()];
    for (int i = 0; i < tensors.size(); i++) {
      weightOf[i] =
          layer.fields().get(i).init() instanceof Init.TorchBias bias
              ? indexOfId.get(bias.weight())
              : i;
    }
    // The runtime's checks that depend on sizes known only now, before the first write.
    for (int i = 0; i < tensors.size(); i++) {
      method.addCode(check(layer.fields().get(i), tensors.get(i), tensors.get(weightOf[i])));
    }
    for (int i = 0; i < tensors.size(); i++) {
      WeightField field = layer.fields().get(i);
      WeightField weight = layer.fields().get(weightOf[i]);
      method.addCode("\n").addCode(fill(field, tensors.get(i), weight, tensors.get(weightOf[i])));
    }
    return method.build();
  }

  /**
   * The statement that checks, without writing, what the fill of {@code field} will check: the std
   * or bound of a Kaiming fill, a bias's length. None for PyTorch's default weight, whose bound 1 /
   * sqrt(fan_in) is always valid.
   */
  private static CodeBlock check(WeightField field, String tensor, String weightTensor) {
    if (field.init() instanceof Init.Kaiming kaiming) {
      return CodeBlock.builder()
          .addStatement(
              "$T.check($L, $T.$L, $L, $T.$L)",
              Kaiming.class,
              tensor,
              FanMode.class,
              kaiming.mode().name(),
              kaiming.gain(),
              Distribution.class,
              kaiming.distribution().name())
          .build();
    }
    if (field.init() instanceof Init.TorchBias) {
      return CodeBlock.builder()
          .addStatement("$T.checkBias($L, $L)", LayerDefaults.class, tensor, weightTensor)
          .build();
    }
    return CodeBlock.of("");
  }

  /**
   * The commented statement that fills {@code field}, viewed as {@code tensor}; a bias's weight is
   * {@code weight}, viewed as {@code weightTensor}.
   */
  private static CodeBlock fill(
      WeightField field, String tensor, WeightField weight, String weightTensor) {
    if (field.init() instanceof Init.Kaiming kaiming) {
      return CodeBlock.builder()
          .add(
              "// $L: kaiming $L, $L; gain = $L, $L\n",
              field.label(),
              kaiming.distribution().name().toLowerCase(Locale.ROOT),
              kaiming.mode().torchName(),
              Gains.formula(kaiming.nonlinearity(), kaiming.a()),
              kaiming.nonlinearity().torchName())
          .addStatement(
              "$T.$L($L, $T.$L, $L, $L)",
              Kaiming.class,
              kaiming.distribution() == Distribution.NORMAL ? "normal" : "uniform",
              tensor,
              FanMode.class,
              kaiming.mode().name(),
              kaiming.gain(),
              RANDOM)
          .build();
    }
    if (field.init() instanceof Init.TorchBias bias) {
      return CodeBlock.builder()
          .add(
              "// $L: PyTorch's default bias, U(-1/sqrt(fan_in), 1/sqrt(fan_in)), fan_in of $L\n",
              field.label(),
              weight.label())
          .addStatement("$T.bias($L, $L, $L)", LayerDefaults.class, tensor, weightTensor, RANDOM)
          .build();
    }
    return CodeBlock.builder()
        .add(
            "// $L: PyTorch's default weight, kaiming_uniform_(a = sqrt(5)), fan_in\n",
            field.label())
        .addStatement("$T.weight($L, $L)", LayerDefaults.class, tensor, RANDOM)
        .build();
  }

  /**
   * The first names of the qualified names the method body uses as expressions ({@code
   * FanMode.FAN_IN}, {@code Kaiming.normal}, {@code LayerDefaults.bias}, {@code Layer.SIZE}, or
   * {@code dev.kinit.Kaiming} when written in full): a local variable of such a name would obscure
   * the type or package (JLS 6.4.2), as a weight field named {@code FanMode} or {@code dev} would
   * make its local.
   */
  private static Set<String> qualifiers(Layer layer) {
    List<ClassName> types =
        new ArrayList<>(
            List.of(
                ClassName.get(Objects.class),
                ClassName.get(Kaiming.class),
                ClassName.get(LayerDefaults.class),
                ClassName.get(FanMode.class),
                ClassName.get(Distribution.class),
                ClassName.get(FloatTensor.class),
                ClassName.get(DoubleTensor.class)));
    for (WeightField field : layer.fields()) {
      if (field.shape() instanceof Shape.Fields sizes) {
        for (Access size : sizes.sizes()) {
          if (size instanceof Access.StaticField constant) {
            types.add(constant.owner());
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
    return qualifiers;
  }

  private static ClassName tensorType(WeightField field) {
    return ClassName.get(field.doubles() ? DoubleTensor.class : FloatTensor.class);
  }

  /** {@code FloatTensor.of("Conv2d.weight", layer.weight[, shape...])}. */
  private static CodeBlock view(WeightField field) {
    CodeBlock.Builder code =
        CodeBlock.builder()
            .add("$T.of($S, $L", tensorType(field), field.label(), read(field.access()));
    if (field.shape() instanceof Shape.Constants constants) {
      constants.sizes().forEach(size -> code.add(", $L", size));
    } else if (field.shape() instanceof Shape.Fields fields) {
      fields.sizes().forEach(size -> code.add(", $L", read(size)));
    }
    return code.add(")").build();
  }

  private static CodeBlock read(Access access) {
    if (access instanceof Access.Field field) {
      return field.hiddenIn() == null
          ? CodeBlock.of("$L.$L", LAYER, field.name())
          : CodeBlock.of("(($T) $L).$L", field.hiddenIn(), LAYER, field.name());
    }
    if (access instanceof Access.Getter getter) {
      return CodeBlock.of("$L.$L()", LAYER, getter.method());
    }
    Access.StaticField constant = (Access.StaticField) access;
    return CodeBlock.of("$T.$L", constant.owner(), constant.name());
  }
}
