package dev.kinit.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tschuchort.compiletesting.JvmCompilationResult;
import com.tschuchort.compiletesting.KotlinCompilation;
import com.tschuchort.compiletesting.SourceFile;
import dev.kinit.FanMode;
import dev.kinit.FloatTensor;
import dev.kinit.Init;
import dev.kinit.Kaiming;
import dev.kinit.Nonlinearity;
import dev.kinit.ScalingDistribution;
import dev.kinit.ScalingMode;
import dev.kinit.WeightLayout;
import java.io.File;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import org.jetbrains.kotlin.kapt.base.KaptFlag;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Kotlin sources through kapt, in process (kctfork), as the samples' Maven build runs them: the
 * property forms a Kotlin layer uses, the diagnostics on the {@code .kt} line ({@code
 * mapDiagnosticLocations}), and how the runtime reads from Kotlin. Tagged {@code kotlin}: kotlinc
 * in process takes seconds per test, too slow to run once per mutant (see docs/testing.md).
 */
@Tag("kotlin")
class KotlinCompileTest {

  private static final double RELU = Math.sqrt(2);

  /** Compiles {@code sources} ({@code name.kt} or {@code name.java}, text) with both processors. */
  static JvmCompilationResult compile(String... namesAndTexts) {
    KotlinCompilation compilation = new KotlinCompilation();
    SourceFile[] sources = new SourceFile[namesAndTexts.length / 2];
    for (int i = 0; i < sources.length; i++) {
      String name = namesAndTexts[2 * i];
      String text = namesAndTexts[2 * i + 1];
      sources[i] =
          name.endsWith(".kt")
              ? SourceFile.Companion.kotlin(name, text, false)
              : SourceFile.Companion.java(name, text, false);
    }
    compilation.setSources(List.of(sources));
    compilation.setAnnotationProcessors(
        List.of(new LocalClassChecker(), new KaimingInitProcessor()));
    compilation.setKaptFlags(Set.of(KaptFlag.MAP_DIAGNOSTIC_LOCATIONS));
    compilation.setInheritClassPath(true);
    compilation.setMessageOutputStream(OutputStream.nullOutputStream());
    return compilation.compile();
  }

  /** Asserts a diagnostic {@code file:line...text} (kapt: {@code Layer.kt:5: error: text}). */
  private static void assertError(JvmCompilationResult result, String fileAndLine, String text) {
    assertEquals(KotlinCompilation.ExitCode.COMPILATION_ERROR, result.getExitCode());
    assertTrue(
        Pattern.compile(Pattern.quote(fileAndLine) + "[:\\s].*" + Pattern.quote(text))
            .matcher(result.getMessages())
            .find(),
        "expected " + fileAndLine + " ... " + text + " in:\n" + result.getMessages());
  }

  private static final String LAYERS_KT =
      """
      package layers

      import dev.kinit.FanMode.FAN_OUT
      import dev.kinit.KaimingInit
      import dev.kinit.Nonlinearity.LINEAR
      import dev.kinit.Nonlinearity.RELU
      import java.util.random.RandomGenerator

      class PlainVal {
        @KaimingInit(nonlinearity = RELU) val weight = Array(6) { FloatArray(5) }
      }

      class JvmFieldVal {
        @JvmField @KaimingInit(mode = FAN_OUT, nonlinearity = RELU)
        val weight = Array(6) { FloatArray(5) }
      }

      class LateinitVar {
        @KaimingInit(nonlinearity = RELU) lateinit var weight: Array<FloatArray>
        init { weight = Array(6) { FloatArray(5) } }
      }

      class ConstructorProperty(@KaimingInit(nonlinearity = LINEAR) val weight: Array<FloatArray>)

      class Flat(val outFeatures: Int, val inFeatures: Int) {
        @KaimingInit(nonlinearity = RELU, shapeFields = ["outFeatures", "inFeatures"])
        val weight = FloatArray(outFeatures * inFeatures)

        @KaimingInit(nonlinearity = LINEAR, shape = [6, 5])
        val constant = FloatArray(30)
      }

      class KotlinSubclass : JavaLayer() {
        @KaimingInit(nonlinearity = LINEAR) val extra = Array(4) { FloatArray(6) }
      }

      /** The generated initializers, called from Kotlin. */
      object Init {
        fun all(random: RandomGenerator): List<Any> {
          val layers = listOf(PlainVal(), JvmFieldVal(), LateinitVar(),
              ConstructorProperty(Array(6) { FloatArray(5) }), Flat(6, 5), KotlinSubclass())
          PlainValInitializer.initialize(layers[0] as PlainVal, random)
          JvmFieldValInitializer.initialize(layers[1] as JvmFieldVal, random)
          LateinitVarInitializer.initialize(layers[2] as LateinitVar, random)
          ConstructorPropertyInitializer.initialize(layers[3] as ConstructorProperty, random)
          FlatInitializer.initialize(layers[4] as Flat, random)
          KotlinSubclassInitializer.initialize(layers[5] as KotlinSubclass, random)
          return layers
        }
      }
      """;

  private static final String JAVA_LAYER =
      """
      package layers;

      import static dev.kinit.Nonlinearity.RELU;

      import dev.kinit.KaimingInit;

      public class JavaLayer {
        @KaimingInit(nonlinearity = RELU)
        protected final float[][] weight = new float[6][5];
      }
      """;

  private static float[][] kaiming(int out, int in, FanMode mode, double gain, RandomGenerator r) {
    float[][] weight = new float[out][in];
    Kaiming.normal(FloatTensor.of(weight), mode, gain, r);
    return weight;
  }

  private static Object read(Object layer, String getterOrField)
      throws ReflectiveOperationException {
    try {
      return layer.getClass().getMethod(getterOrField).invoke(layer);
    } catch (NoSuchMethodException e) {
      return layer.getClass().getField(getterOrField).get(layer);
    }
  }

  @Test
  void everyKotlinPropertyFormIsAcceptedAndInitialisedFromKotlin() throws Exception {
    JvmCompilationResult result = compile("Layers.kt", LAYERS_KT, "JavaLayer.java", JAVA_LAYER);
    assertEquals(KotlinCompilation.ExitCode.OK, result.getExitCode(), result.getMessages());

    Class<?> init = result.getClassLoader().loadClass("layers.Init");
    Object initObject = init.getField("INSTANCE").get(null);
    Method all = init.getMethod("all", RandomGenerator.class);
    List<?> layers = (List<?>) all.invoke(initObject, new SplittableRandom(42));

    // One stream, layer after layer, as the calls in Init.all: the same seed gives the same
    // weights as the runtime called directly with each annotation's configuration.
    SplittableRandom r = new SplittableRandom(42);
    assertArrayEquals(
        kaiming(6, 5, FanMode.FAN_IN, RELU, r), (float[][]) read(layers.get(0), "getWeight"));
    assertArrayEquals(
        kaiming(6, 5, FanMode.FAN_OUT, RELU, r), (float[][]) read(layers.get(1), "weight"));
    assertArrayEquals(
        kaiming(6, 5, FanMode.FAN_IN, RELU, r), (float[][]) read(layers.get(2), "getWeight"));
    assertArrayEquals(
        kaiming(6, 5, FanMode.FAN_IN, 1.0, r), (float[][]) read(layers.get(3), "getWeight"));
    float[] flat = new float[30];
    Kaiming.normal(FloatTensor.of(flat, 6, 5), FanMode.FAN_IN, RELU, r);
    assertArrayEquals(flat, (float[]) read(layers.get(4), "getWeight"));
    Kaiming.normal(FloatTensor.of(flat, 6, 5), FanMode.FAN_IN, 1.0, r);
    assertArrayEquals(flat, (float[]) read(layers.get(4), "getConstant"));
    // The Java superclass's field first, then the Kotlin subclass's own.
    Object subclass = layers.get(5);
    java.lang.reflect.Field inherited =
        subclass.getClass().getSuperclass().getDeclaredField("weight");
    inherited.setAccessible(true);
    assertArrayEquals(kaiming(6, 5, FanMode.FAN_IN, RELU, r), (float[][]) inherited.get(subclass));
    assertArrayEquals(
        kaiming(4, 6, FanMode.FAN_IN, 1.0, r), (float[][]) read(subclass, "getExtra"));
  }

  @Test
  void kaptReadsPlainPropertiesThroughTheirGetters() {
    JvmCompilationResult result = compile("Layers.kt", LAYERS_KT, "JavaLayer.java", JAVA_LAYER);
    String plainVal = oneLine(generated(result, "PlainValInitializer"));
    assertTrue(
        plainVal.contains(
            "Getters.field(layer, \"PlainVal.weight\", \"layers.PlainVal\", \"getWeight\","
                + " layer.getWeight(), layer.getWeight())"),
        plainVal);
    String jvmField = oneLine(generated(result, "JvmFieldValInitializer"));
    assertTrue(jvmField.contains("FloatTensor.of(\"JvmFieldVal.weight\", layer.weight)"), jvmField);
    String flat = oneLine(generated(result, "FlatInitializer"));
    assertTrue(
        flat.contains("layer.getWeight()), layer.getOutFeatures(), layer.getInFeatures())"), flat);
  }

  /**
   * Getters whose JVM name is not {@code getName} (issue 11.9): an {@code internal} property's is
   * mangled with the module name, a {@code @get:JvmName} one renamed; both are read through the
   * name Kotlin's metadata gives, and called from Java.
   */
  @Test
  void gettersWithOtherJvmNamesAreCalledByTheirRealName() throws Exception {
    JvmCompilationResult result =
        compile(
            "Mangled.kt",
            """
            package layers
            import dev.kinit.KaimingInit
            import dev.kinit.Nonlinearity.RELU
            import java.util.random.RandomGenerator
            class Mangled {
              @KaimingInit(nonlinearity = RELU) internal val weight = Array(3) { FloatArray(4) }
              @KaimingInit(nonlinearity = RELU) @get:JvmName("fetchOther") val other = Array(2) { FloatArray(5) }
              internal val inFeatures = 2
              @KaimingInit(nonlinearity = RELU, shapeFields = ["inFeatures", "inFeatures"])
              val flat = FloatArray(4)
            }
            object Init {
              fun run(random: RandomGenerator): Mangled = Mangled().also { MangledInitializer.initialize(it, random) }
            }
            """);
    assertEquals(KotlinCompilation.ExitCode.OK, result.getExitCode(), result.getMessages());
    String code = oneLine(generated(result, "MangledInitializer"));
    assertTrue(code.contains("layer.fetchOther()"), code);
    assertTrue(code.contains("layer.getWeight$"), code);
    Class<?> init = result.getClassLoader().loadClass("layers.Init");
    Object layer =
        init.getMethod("run", RandomGenerator.class)
            .invoke(init.getField("INSTANCE").get(null), new SplittableRandom(9));
    SplittableRandom r = new SplittableRandom(9);
    assertArrayEquals(
        kaiming(3, 4, FanMode.FAN_IN, RELU, r), (float[][]) privateField(layer, "weight"));
    assertArrayEquals(
        kaiming(2, 5, FanMode.FAN_IN, RELU, r), (float[][]) privateField(layer, "other"));
    float[] flat = new float[4];
    Kaiming.normal(FloatTensor.of(flat, 2, 2), FanMode.FAN_IN, RELU, r);
    assertArrayEquals(flat, (float[]) privateField(layer, "flat"));
  }

  /**
   * A value-class property's getter has a JVM name Java cannot call, an {@code open val} overridden
   * in a subclass would give the subclass's array (issues 11.9 and 11.1), and a private nested
   * class cannot be named: each is an error at the {@code .kt} line that says why.
   */
  @Test
  void uncallableAndOverriddenGettersAreErrorsAtTheKotlinLine() {
    JvmCompilationResult result =
        compile(
            "Bad.kt",
            """
            package layers
            import dev.kinit.KaimingInit
            @JvmInline value class Size(val n: Int)
            class Sized(val out: Size) {
              val inFeatures = 2
              @KaimingInit(shapeFields = ["out", "inFeatures"]) val weight = FloatArray(4)
            }
            open class OpenBase {
              @KaimingInit open val weight = Array(2) { FloatArray(2) }
            }
            class Overrider : OpenBase() {
              override val weight = Array(3) { FloatArray(3) }
              @KaimingInit val head = Array(2) { FloatArray(2) }
            }
            class Outer {
              private class Hidden { @KaimingInit val weight = Array(2) { FloatArray(2) } }
            }
            """);
    assertError(
        result,
        "Bad.kt:6",
        "[kinit.getter-uncallable] field Sized.out is private and its getter getOut-");
    // Found by ProcessorFuzzTest: the advice was @JvmField, which Kotlin rejects there.
    assertTrue(
        result.getMessages().contains("(Kotlin allows no @JvmField on a value-class property)"),
        result.getMessages());
    // Found by ProcessorFuzzTest: kapt's stub of a private nested class is package-private, and
    // the initializer generated for it did not compile ("Outer.Hidden has private access").
    assertError(
        result,
        "Bad.kt:16",
        "[kinit.unreachable-class] field Hidden.weight is in private nested class"
            + " layers.Outer.Hidden");
    assertError(
        result,
        "Bad.kt:11",
        "[kinit.getter-overridden] field OpenBase.weight is private and the generated"
            + " OverriderInitializer would read it through getWeight(), which Overrider overrides");
  }

  /**
   * A network written in Kotlin: children read through getters (one of them {@code internal}), a
   * list of a sealed interface with an {@code object} among its cases, a nullable child and a
   * nullable bias that are absent, and a rule. Its weights are the runtime's, in PyTorch's order.
   */
  @Test
  void aKotlinNetworkIsInitialisedInPyTorchsOrder() throws Exception {
    JvmCompilationResult result =
        compile(
            "Net.kt",
            """
            package net
            import dev.kinit.*
            import dev.kinit.FanMode.FAN_OUT
            import dev.kinit.Nonlinearity.RELU
            import java.util.random.RandomGenerator
            sealed interface Piece
            class Conv(out: Int, inp: Int) : Piece {
              @TorchDefaultInit val weight = Array(out) { Array(inp) { Array(3) { FloatArray(3) } } }
            }
            class Norm(n: Int) : Piece {
              @OnesInit val weight = FloatArray(n)
              @ZerosInit val bias = FloatArray(n)
            }
            object Relu : Piece
            class Linear(out: Int, inp: Int, bias: Boolean) {
              @TorchDefaultInit val weight = Array(out) { FloatArray(inp) }
              @TorchDefaultInit(biasOf = "weight") val bias: FloatArray? = if (bias) FloatArray(out) else null
            }
            @Network
            @Reinit(module = Conv::class, parameter = "weight",
                kaiming = [KaimingInit(mode = FAN_OUT, nonlinearity = RELU)])
            class Net {
              val stem = Conv(4, 3)
              val features: List<Piece> = listOf(Norm(4), Relu, Conv(4, 4))
              internal val head = Linear(10, 4, true)
              val tail = Linear(2, 10, false)
              val extra: Linear? = null
            }
            object Build {
              fun net(random: RandomGenerator): Net = Net().also { NetInitializer.initialize(it, random) }
            }
            """);
    assertEquals(KotlinCompilation.ExitCode.OK, result.getExitCode(), result.getMessages());
    Class<?> build = result.getClassLoader().loadClass("net.Build");
    Object net =
        build
            .getMethod("net", RandomGenerator.class)
            .invoke(build.getField("INSTANCE").get(null), new SplittableRandom(5));

    Object stem = privateField(net, "stem");
    List<?> features = (List<?>) privateField(net, "features");
    Object head = privateField(net, "head");
    Object tail = privateField(net, "tail");
    float[][][][] stemWeight = new float[4][3][3][3];
    float[][][][] convWeight = new float[4][4][3][3];
    float[][] headWeight = new float[10][4];
    float[] headBias = new float[10];
    float[][] tailWeight = new float[2][10];
    SplittableRandom r = new SplittableRandom(5);
    Init.torchDefaultWeight().fill(FloatTensor.of(stemWeight), r);
    Init.torchDefaultWeight().fill(FloatTensor.of(convWeight), r);
    Init.torchDefaultWeight().fill(FloatTensor.of(headWeight), r);
    Init.torchDefaultBias(FloatTensor.of(headWeight)).fill(FloatTensor.of(headBias), r);
    Init.torchDefaultWeight().fill(FloatTensor.of(tailWeight), r);
    Init rule = Init.kaimingNormal(FanMode.FAN_OUT, RELU);
    rule.fill(FloatTensor.of(stemWeight), r);
    rule.fill(FloatTensor.of(convWeight), r);

    assertArrayEquals(stemWeight, (float[][][][]) privateField(stem, "weight"));
    float[] four = new float[4];
    assertArrayEquals(new float[] {1, 1, 1, 1}, (float[]) privateField(features.get(0), "weight"));
    assertArrayEquals(four, (float[]) privateField(features.get(0), "bias"));
    assertArrayEquals(convWeight, (float[][][][]) privateField(features.get(2), "weight"));
    assertArrayEquals(headWeight, (float[][]) privateField(head, "weight"));
    assertArrayEquals(headBias, (float[]) privateField(head, "bias"));
    assertArrayEquals(tailWeight, (float[][]) privateField(tail, "weight"));
    assertEquals(null, privateField(tail, "bias"));
  }

  /**
   * Every annotation of the vocabulary on plain Kotlin properties (no {@code @field:}), one with
   * its gain read per instance from a Kotlin property: the arrays hold what the runtime's {@link
   * Init} writes, in declaration order, from one generator.
   */
  @Test
  void theVocabularyOnKotlinProperties() throws Exception {
    JvmCompilationResult result =
        compile(
            "Vocabulary.kt",
            """
            package layers
            import dev.kinit.*
            import java.util.random.RandomGenerator
            class Vocabulary(val activation: Nonlinearity) {
              @XavierInit(distribution = Distribution.NORMAL, gain = 0.5) val xavierNormal = Array(3) { FloatArray(4) }
              @XavierInit(nonlinearityField = "activation") val xavierUniform = Array(3) { FloatArray(4) }
              @NormalInit(mean = 1.0, std = 0.02) val normal = FloatArray(5)
              @UniformInit(from = -0.5, to = 0.25) val uniform = DoubleArray(5)
              @TruncatedNormalInit(std = 0.02, a = -0.04, b = 0.04) val truncated = Array(2) { FloatArray(6) }
              @ConstantInit(value = 0.1) val constant = FloatArray(3)
              @ZerosInit val zeros = FloatArray(3)
              @OnesInit val ones = FloatArray(3)
              @EyeInit val eye = Array(3) { FloatArray(3) }
              @DiracInit(groups = 2) val dirac = Array(4) { Array(2) { FloatArray(3) } }
              @OrthogonalInit(gain = 2.0) val orthogonal = Array(4) { FloatArray(3) }
              @VarianceScalingInit(scale = 2.0, mode = ScalingMode.FAN_AVG, distribution = ScalingDistribution.UNIFORM, layout = WeightLayout.KERAS)
              val keras = Array(6) { FloatArray(2) }
              @TorchDefaultInit val torch = Array(2) { FloatArray(6) }
              @TorchDefaultInit(biasOf = "torch") val torchBias = FloatArray(2)
            }
            object Build {
              fun layer(random: RandomGenerator): Vocabulary =
                Vocabulary(Nonlinearity.TANH).also { VocabularyInitializer.initialize(it, random) }
            }
            """);
    assertEquals(KotlinCompilation.ExitCode.OK, result.getExitCode(), result.getMessages());
    Class<?> build = result.getClassLoader().loadClass("layers.Build");
    Object layer =
        build
            .getMethod("layer", RandomGenerator.class)
            .invoke(build.getField("INSTANCE").get(null), new SplittableRandom(11));

    SplittableRandom r = new SplittableRandom(11);
    assertSameArray(
        fill(new float[3][4], Init.xavierNormal(0.5), r), privateField(layer, "xavierNormal"));
    assertSameArray(
        fill(new float[3][4], Init.xavierUniform(Nonlinearity.TANH.gain()), r),
        privateField(layer, "xavierUniform"));
    assertSameArray(fill(new float[5], Init.normal(1, 0.02), r), privateField(layer, "normal"));
    double[] uniform = new double[5];
    Init.uniform(-0.5, 0.25).fill(dev.kinit.DoubleTensor.of(uniform), r);
    assertArrayEquals(uniform, (double[]) privateField(layer, "uniform"));
    assertSameArray(
        fill(new float[2][6], Init.truncatedNormal(0, 0.02, -0.04, 0.04), r),
        privateField(layer, "truncated"));
    assertArrayEquals(new float[] {0.1f, 0.1f, 0.1f}, (float[]) privateField(layer, "constant"));
    assertArrayEquals(new float[3], (float[]) privateField(layer, "zeros"));
    assertArrayEquals(new float[] {1, 1, 1}, (float[]) privateField(layer, "ones"));
    assertArrayEquals(
        new float[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, (float[][]) privateField(layer, "eye"));
    assertSameArray(fill(new float[4][2][3], Init.dirac(2), r), privateField(layer, "dirac"));
    assertSameArray(
        fill(new float[4][3], Init.orthogonal(2), r), privateField(layer, "orthogonal"));
    assertSameArray(
        fill(
            new float[6][2],
            Init.varianceScaling(
                2, ScalingMode.FAN_AVG, ScalingDistribution.UNIFORM, WeightLayout.KERAS),
            r),
        privateField(layer, "keras"));
    float[][] torch = (float[][]) fill(new float[2][6], Init.torchDefaultWeight(), r);
    assertSameArray(torch, privateField(layer, "torch"));
    assertSameArray(
        fill(new float[2], Init.torchDefaultBias(FloatTensor.of(torch)), r),
        privateField(layer, "torchBias"));
  }

  /** {@code array} filled by {@code init} from {@code random}, returned. */
  private static Object fill(Object array, Init init, RandomGenerator random) {
    FloatTensor tensor;
    if (array instanceof float[] a) {
      tensor = FloatTensor.of(a);
    } else if (array instanceof float[][] a) {
      tensor = FloatTensor.of(a);
    } else {
      tensor = FloatTensor.of((float[][][]) array);
    }
    init.fill(tensor, random);
    return array;
  }

  /** Deep equality of two arrays of any rank, with JUnit's message on the first difference. */
  private static void assertSameArray(Object expected, Object actual) {
    assertArrayEquals(new Object[] {expected}, new Object[] {actual});
  }

  private static Object privateField(Object layer, String name)
      throws ReflectiveOperationException {
    java.lang.reflect.Field field = layer.getClass().getDeclaredField(name);
    field.setAccessible(true);
    return field.get(layer);
  }

  /** The generated code with each run of white space one space, whatever JavaPoet wrapped. */
  private static String oneLine(String code) {
    return code.replaceAll("\\s+", " ");
  }

  private static String generated(JvmCompilationResult result, String simpleName) {
    File file =
        result.getSourcesGeneratedByAnnotationProcessor().stream()
            .filter(f -> f.getName().equals(simpleName + ".java"))
            .findFirst()
            .orElseThrow(
                () -> new AssertionError("no " + simpleName + " in " + result.getMessages()));
    try {
      return java.nio.file.Files.readString(file.toPath());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void processorErrorsPointAtTheKotlinLineWithTheJavaCatalogue() {
    JvmCompilationResult result =
        compile(
            "Bad.kt",
            """
            package layers
            import dev.kinit.KaimingInit
            class Hidden {
              @KaimingInit
              private val weight = Array(3) { FloatArray(4) }
            }
            class NotFinite {
              @KaimingInit(a = Double.NaN) val weight = Array(3) { FloatArray(4) }
            }
            """);
    assertError(
        result,
        "Bad.kt:5",
        "[kinit.private-without-getter] field Hidden.weight is private and Hidden has no getter"
            + " getWeight() or weight() returning float[][]; expected a field the generated"
            + " HiddenInitializer can read");
    assertError(
        result,
        "Bad.kt:8",
        "[kinit.a-not-finite] a = NaN for NotFinite.weight is not a valid negative slope;"
            + " expected a finite number");
  }

  /**
   * {@code @KaimingInit} belongs on a field: on a getter ({@code @get:}) or on the property itself
   * ({@code @property:}) the processor reports it at the property's line, so it never silently
   * misses the field.
   */
  @Test
  void getterAndPropertyTargetsAreCompileErrors() {
    assertError(
        compile(
            "Get.kt",
            """
            package layers
            import dev.kinit.KaimingInit
            class Get {
              @get:KaimingInit val weight = Array(3) { FloatArray(4) }
            }
            """),
        "Get.kt:4",
        "[kinit.not-a-field] @KaimingInit is on method Get.getWeight(), which is not a field");
    assertError(
        compile(
            "Property.kt",
            """
            package layers
            import dev.kinit.KaimingInit
            class Property {
              val other = 1
              @property:KaimingInit val weight = Array(3) { FloatArray(4) }
            }
            """),
        "Property.kt:5",
        "[kinit.not-a-field] @KaimingInit is on property Property.weight (@property:), which is"
            + " not a field");
  }

  /**
   * The runtime is {@code @NullMarked} (JSpecify); Kotlin reads that from the class files even
   * without the JSpecify jar on its class path (the runtime declares it {@code provided}), so a
   * {@code null} argument is a compile error, where an unannotated Java API (the control, {@code
   * java.util.Arrays}) takes one.
   */
  @Test
  void kotlinSeesTheRuntimeAsNonNullWithoutJSpecifyOnTheClassPath() throws URISyntaxException {
    KotlinCompilation compilation = new KotlinCompilation();
    compilation.setSources(
        List.of(
            SourceFile.Companion.kotlin(
                "Use.kt",
                """
                package use
                import dev.kinit.FanMode
                import dev.kinit.Fans
                import dev.kinit.FloatTensor
                import dev.kinit.Kaiming
                import dev.kinit.Nonlinearity
                import java.util.SplittableRandom
                fun idiomatic(): Long {
                  val weight = Array(64) { Array(3) { Array(3) { FloatArray(3) } } }
                  val tensor = FloatTensor.of("weight", weight)
                  val gain = Nonlinearity.LEAKY_RELU.gain(0.2)
                  Kaiming.normal(tensor, FanMode.FAN_IN, gain, SplittableRandom(1))
                  var count = 0L
                  tensor.setAll { count++; 0.5 }
                  return Fans.of(*tensor.shape()).fanIn + count
                }
                fun control() = java.util.Arrays.toString(null as IntArray?)
                fun nullShape() = Kaiming.std(null, FanMode.FAN_IN, 1.0)
                """,
                false)));
    compilation.setInheritClassPath(false);
    compilation.setClasspaths(
        List.of(
            new File(Kaiming.class.getProtectionDomain().getCodeSource().getLocation().toURI())));
    compilation.setMessageOutputStream(OutputStream.nullOutputStream());
    JvmCompilationResult result = compilation.compile();
    assertError(result, "Use.kt:18:31", "Null cannot be a value of a non-null type 'IntArray'");
    assertEquals(
        1,
        result.getMessages().lines().filter(line -> line.startsWith("e: ")).count(),
        "only the null shape is an error:\n" + result.getMessages());
    assertTrue(Nonlinearity.LEAKY_RELU.gain(0.2) > 0); // the API the snippet calls exists
  }
}
