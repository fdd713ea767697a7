package dev.kinit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.kinit.processor.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import dev.kinit.DoubleTensor;
import dev.kinit.FanMode;
import dev.kinit.FloatTensor;
import dev.kinit.Kaiming;
import dev.kinit.LayerDefaults;
import dev.kinit.Nonlinearity;
import dev.kinit.torch.TorchGenerator;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Compiles layers with the processor, loads the generated initializers and runs them: the weights
 * equal those of the runtime called directly with the same seed, in declaration order.
 */
class EndToEndTest {

  @Test
  void generatedInitializerEqualsTheRuntimeCalledDirectly() throws Exception {
    Object linear = newLayer(compile("good/Linear.java"), "layers.Linear", 300, 200);
    initialize(linear, new SplittableRandom(42));

    float[][] expected = new float[200][300];
    Kaiming.normal(
        FloatTensor.of(expected),
        FanMode.FAN_IN,
        Nonlinearity.RELU.gain(0),
        new SplittableRandom(42));
    assertArrayEquals(expected, (float[][]) field(linear, "weight"));
  }

  @Test
  void weightsHaveTheKaimingStd() throws Exception {
    Object linear = newLayer(compile("good/Linear.java"), "layers.Linear", 300, 200);
    initialize(linear, new SplittableRandom(7));

    float[][] weight = (float[][]) field(linear, "weight");
    double sum = 0;
    double squares = 0;
    int n = 0;
    for (float[] row : weight) {
      for (float value : row) {
        sum += value;
        squares += (double) value * value;
        n++;
      }
    }
    double std = Math.sqrt(squares / n - (sum / n) * (sum / n));
    // std = sqrt(2) / sqrt(fan_in 300) = 0.08165; with n = 60,000 normal samples the sample std
    // has a standard error of std / sqrt(2n) = 0.29% of std, so 1.5% is five standard errors.
    assertEquals(Math.sqrt(2.0 / 300), std, 0.015 * Math.sqrt(2.0 / 300));
  }

  @Test
  void fieldsAreFilledSuperclassFirstInDeclarationOrderFromOneStream() throws Exception {
    Object block = newLayer(compile("good/Block.java", "good/Stem.java"), "layers.Block");
    initialize(block, new SplittableRandom(3));

    RandomGenerator random = new SplittableRandom(3);
    double relu = Nonlinearity.RELU.gain(0);
    float[][][][] stem = new float[8][3][3][3];
    float[][][][] conv1 = new float[16][8][3][3];
    float[][][][] conv2 = new float[16][16][3][3];
    float[][] projection = new float[10][16];
    Kaiming.normal(FloatTensor.of(stem), FanMode.FAN_IN, relu, random);
    Kaiming.normal(FloatTensor.of(conv1), FanMode.FAN_IN, relu, random);
    Kaiming.normal(FloatTensor.of(conv2), FanMode.FAN_OUT, relu, random);
    Kaiming.normal(FloatTensor.of(projection), FanMode.FAN_IN, 1.0, random);

    assertArrayEquals(stem, (float[][][][]) field(block, "stem"));
    assertArrayEquals(conv1, (float[][][][]) field(block, "conv1"));
    assertArrayEquals(conv2, (float[][][][]) field(block, "conv2"));
    assertArrayEquals(projection, (float[][]) field(block, "projection"));
  }

  @Test
  void flatArraysUseTheirConstantAndFieldShapes() throws Exception {
    Object layer = newLayer(compile("good/FlatLinear.java"), "layers.FlatLinear", 50, 40);
    initialize(layer, new SplittableRandom(11));

    RandomGenerator random = new SplittableRandom(11);
    float[] fixed = new float[6 * 20];
    double[] sized = new double[40 * 50];
    Kaiming.normal(FloatTensor.of(fixed, 6, 20), FanMode.FAN_IN, Nonlinearity.RELU.gain(0), random);
    Kaiming.normal(
        DoubleTensor.of(sized, 40, 50), FanMode.FAN_IN, Nonlinearity.RELU.gain(0), random);
    assertArrayEquals(fixed, (float[]) field(layer, "fixed"));
    assertArrayEquals(sized, (double[]) field(layer, "sized"));
  }

  @Test
  void privateFieldIsReachedThroughItsGetter() throws Exception {
    Object conv = newLayer(compile("good/Conv2d.java"), "layers.Conv2d", 3, 4, 5, 5);
    initialize(conv, new SplittableRandom(5));

    float[][][][] expected = new float[4][3][5][5];
    Kaiming.normal(
        FloatTensor.of(expected),
        FanMode.FAN_IN,
        Nonlinearity.LEAKY_RELU.gain(0.2),
        new SplittableRandom(5));
    assertArrayEquals(expected, (float[][][][]) field(conv, "weight"));
  }

  @Test
  void aJaggedLaterFieldLeavesEarlierFieldsUntouched() throws Exception {
    Object block = newLayer(compile("good/Block.java", "good/Stem.java"), "layers.Block");
    ((float[][]) field(block, "projection"))[3] = new float[2];

    InvocationTargetException e =
        assertThrows(
            InvocationTargetException.class, () -> initialize(block, new SplittableRandom(1)));
    assertEquals(IllegalArgumentException.class, e.getCause().getClass());
    assertEquals(
        "Block.projection: jagged array: Block.projection[3] has length 2 but"
            + " Block.projection[0] has length 16; expected every array at depth 1 to have the same"
            + " length",
        e.getCause().getMessage());
    for (float[][][] filter : (float[][][][]) field(block, "stem")) {
      for (float[][] channel : filter) {
        for (float[] row : channel) {
          assertArrayEquals(new float[3], row, "stem was written");
        }
      }
    }
  }

  @Test
  void torchDefaultsDrawTheWeightThenItsBias() throws Exception {
    Object linear = newLayer(compile("good/TorchLinear.java"), "layers.TorchLinear");
    initialize(linear, TorchGenerator.manualSeed(0));

    TorchGenerator random = TorchGenerator.manualSeed(0);
    float[][] weight = new float[6][20];
    float[] bias = new float[6];
    LayerDefaults.weight(FloatTensor.of(weight), random);
    LayerDefaults.bias(FloatTensor.of(bias), FloatTensor.of(weight), random);
    assertArrayEquals(weight, (float[][]) field(linear, "weight"));
    assertArrayEquals(bias, (float[]) field(linear, "bias"));
  }

  @Test
  void aBiasIsBoundedByTheWeightItsClassSeesNotAHiddenOne() throws Exception {
    Object head =
        newLayer(
            compile(
                source(
                    "layers.Base",
                    "package layers;",
                    "public class Base {",
                    "  @dev.kinit.TorchDefaultInit public float[][] weight = new float[3][2];",
                    "}"),
                source(
                    "layers.Head",
                    "package layers;",
                    "public class Head extends Base {",
                    "  @dev.kinit.TorchDefaultInit public float[][] weight = new float[4][50];",
                    "  @dev.kinit.TorchDefaultInit(biasOf = \"weight\")",
                    "  public float[] bias = new float[4];",
                    "}")),
            "layers.Head");
    initialize(head, new SplittableRandom(9));

    RandomGenerator random = new SplittableRandom(9);
    LayerDefaults.weight(FloatTensor.of(new float[3][2]), random);
    assertArrayEquals(biasOfLinear(4, 50, random), (float[]) field(head, "bias")); // not fan_in 2
  }

  @Test
  void biasesOfWeightsWithTheSameLabelKeepTheirOwnWeight() throws Exception {
    // Net.Base extends Base: both have fields labelled Base.weight and Base.bias.
    Object nested =
        newLayer(
            compile(
                source(
                    "layers.Base",
                    "package layers;",
                    "public class Base {",
                    "  @dev.kinit.TorchDefaultInit public float[][] weight = new float[3][2];",
                    "  @dev.kinit.TorchDefaultInit(biasOf = \"weight\")",
                    "  public float[] bias = new float[3];",
                    "}"),
                source(
                    "layers.Net",
                    "package layers;",
                    "public class Net {",
                    "  public static class Base extends layers.Base {",
                    "    @dev.kinit.TorchDefaultInit public float[][] weight = new float[4][50];",
                    "    @dev.kinit.TorchDefaultInit(biasOf = \"weight\")",
                    "    public float[] bias = new float[4];",
                    "  }",
                    "}")),
            "layers.Net$Base");
    initialize(nested, new SplittableRandom(4));

    RandomGenerator random = new SplittableRandom(4);
    assertArrayEquals(biasOfLinear(3, 2, random), (float[]) superclassField(nested, "bias"));
    assertArrayEquals(biasOfLinear(4, 50, random), (float[]) field(nested, "bias"));
  }

  @Test
  void shapeFieldsReadTheFieldTheClassSeesNotAHiddenOne() throws Exception {
    Object head =
        newLayer(
            compile(
                source(
                    "layers.Base", "package layers;", "public class Base { public int out = 2; }"),
                source(
                    "layers.Head",
                    "package layers;",
                    "public class Head extends Base {",
                    "  public int out = 3;",
                    "  public int in = 4;",
                    "  @dev.kinit.KaimingInit(shapeFields = {\"out\", \"in\"})",
                    "  public float[] weight = new float[12];",
                    "}")),
            "layers.Head");
    initialize(head, new SplittableRandom(6));

    float[] expected = new float[12];
    Kaiming.normal(
        FloatTensor.of(expected, 3, 4),
        FanMode.FAN_IN,
        Nonlinearity.LEAKY_RELU.gain(0),
        new SplittableRandom(6));
    assertArrayEquals(expected, (float[]) field(head, "weight"));
  }

  @Test
  void differentSeedsGiveDifferentWeights() throws Exception {
    Compilation compilation = compile("good/Conv3d.java");
    Object a = newLayer(compilation, "layers.Conv3d", 2, 3, 3);
    Object b = newLayer(compilation, "layers.Conv3d", 2, 3, 3);
    initialize(a, new SplittableRandom(1));
    initialize(b, new SplittableRandom(2));
    assertNotEquals(
        ((float[][][][][]) field(a, "weight"))[0][0][0][0][0],
        ((float[][][][][]) field(b, "weight"))[0][0][0][0][0]);
  }

  /** Draws an {@code nn.Linear(in, out)}'s weight, then its bias, which it returns. */
  private static float[] biasOfLinear(int out, int in, RandomGenerator random) {
    float[][] weight = new float[out][in];
    float[] bias = new float[out];
    LayerDefaults.weight(FloatTensor.of(weight), random);
    LayerDefaults.bias(FloatTensor.of(bias), FloatTensor.of(weight), random);
    return bias;
  }

  private static Compilation compile(String... sources) {
    Compilation compilation = Compilations.compileResources(sources);
    assertThat(compilation).succeeded();
    return compilation;
  }

  private static Compilation compile(JavaFileObject... sources) {
    Compilation compilation = Compilations.compile(sources);
    assertThat(compilation).succeeded();
    return compilation;
  }

  private static Object newLayer(Compilation compilation, String name, int... sizes)
      throws ReflectiveOperationException {
    Class<?> type = new CompiledClasses(compilation).loadClass(name);
    for (var constructor : type.getConstructors()) {
      if (constructor.getParameterCount() == sizes.length) {
        Object[] args = new Object[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
          args[i] = sizes[i];
        }
        return constructor.newInstance(args);
      }
    }
    throw new AssertionError("no constructor of " + name + " with " + sizes.length + " ints");
  }

  /** Calls the generated {@code <Layer>Initializer.initialize(layer, random)}. */
  private static void initialize(Object layer, RandomGenerator random)
      throws ReflectiveOperationException {
    Class<?> type = layer.getClass();
    // README: Net.Head -> Net_HeadInitializer.
    Class<?> initializer =
        type.getClassLoader().loadClass(type.getName().replace('$', '_') + "Initializer");
    Method initialize = initializer.getMethod("initialize", type, RandomGenerator.class);
    initialize.invoke(null, layer, random);
  }

  /** The field {@code name} of the layer's superclass, which the layer's own may hide. */
  private static Object superclassField(Object layer, String name)
      throws ReflectiveOperationException {
    Field field = layer.getClass().getSuperclass().getDeclaredField(name);
    field.setAccessible(true);
    return field.get(layer);
  }

  private static Object field(Object layer, String name) throws ReflectiveOperationException {
    for (Class<?> type = layer.getClass(); type != null; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (field.getName().equals(name)) {
          field.setAccessible(true);
          return field.get(layer);
        }
      }
    }
    throw new NoSuchFieldException(name);
  }
}
