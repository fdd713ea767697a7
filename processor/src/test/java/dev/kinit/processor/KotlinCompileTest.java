package dev.kinit.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tschuchort.compiletesting.JvmCompilationResult;
import com.tschuchort.compiletesting.KotlinCompilation;
import com.tschuchort.compiletesting.SourceFile;
import dev.kinit.FanMode;
import dev.kinit.FloatTensor;
import dev.kinit.Init;
import dev.kinit.Kaiming;
import dev.kinit.Nonlinearity;
import java.io.File;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Kotlin sources through kapt and through KSP, in process (kctfork), as a Maven or Gradle build
 * runs them: the property forms a Kotlin layer uses, getters with other JVM names, a network, the
 * diagnostics at the {@code .kt} line, and how the runtime reads from Kotlin. Every processor test
 * runs both ways on the same sources ({@link KotlinInputs}, under {@code
 * src/test/resources/kotlin/}); {@link KaptKspIdentityTest} compares what the two generate. Tagged
 * {@code kotlin}: kotlinc in process takes seconds per test, too slow to run once per mutant (see
 * docs/testing.md).
 */
@Tag("kotlin")
class KotlinCompileTest {

  private static final double RELU = Math.sqrt(2);

  /** Asserts a failed compilation with diagnostic {@code text} at {@code fileAndLine}. */
  static void assertError(KotlinProcessing.Result result, String fileAndLine, String text) {
    assertEquals(
        KotlinCompilation.ExitCode.COMPILATION_ERROR,
        result.result().getExitCode(),
        result.messages());
    assertTrue(
        result.printed(fileAndLine, text),
        result.processing()
            + ": expected "
            + fileAndLine
            + " ... "
            + text
            + " in:\n"
            + result.messages());
  }

  static void assertSucceeded(KotlinProcessing.Result result) {
    assertEquals(
        KotlinCompilation.ExitCode.OK,
        result.result().getExitCode(),
        result.processing() + ":\n" + result.messages());
  }

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

  /** Calls {@code function(random)} of the Kotlin {@code object} {@code name}. */
  static Object call(KotlinProcessing.Result result, String name, String function, long seed)
      throws ReflectiveOperationException {
    Class<?> object = result.classLoader().loadClass(name);
    Method method = object.getMethod(function, RandomGenerator.class);
    return method.invoke(object.getField("INSTANCE").get(null), new SplittableRandom(seed));
  }

  static Object privateField(Object layer, String name) throws ReflectiveOperationException {
    java.lang.reflect.Field field = layer.getClass().getDeclaredField(name);
    field.setAccessible(true);
    return field.get(layer);
  }

  /** The generated code with each run of white space one space, whatever JavaPoet wrapped. */
  private static String oneLine(String code) {
    return code.replaceAll("\\s+", " ");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(KotlinProcessing.class)
  void everyKotlinPropertyFormIsAcceptedAndInitialisedFromKotlin(KotlinProcessing processing)
      throws Exception {
    KotlinProcessing.Result result = KotlinInputs.compile(processing, "properties");
    assertSucceeded(result);
    List<?> layers = (List<?>) call(result, "layers.Init", "all", 42);

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

  @ParameterizedTest(name = "{0}")
  @EnumSource(KotlinProcessing.class)
  void plainPropertiesAreReadThroughTheirGetters(KotlinProcessing processing) {
    KotlinProcessing.Result result = KotlinInputs.compile(processing, "properties");
    String plainVal = oneLine(result.generated("PlainValInitializer"));
    assertTrue(
        plainVal.contains(
            "Getters.field(layer, \"PlainVal.weight\", \"layers.PlainVal\", \"getWeight\","
                + " layer.getWeight(), layer.getWeight())"),
        plainVal);
    String jvmField = oneLine(result.generated("JvmFieldValInitializer"));
    assertTrue(jvmField.contains("FloatTensor.of(\"JvmFieldVal.weight\", layer.weight)"), jvmField);
    String flat = oneLine(result.generated("FlatInitializer"));
    assertTrue(
        flat.contains("layer.getWeight()), layer.getOutFeatures(), layer.getInFeatures())"), flat);
  }

  /**
   * Getters whose JVM name is not {@code getName} (issue 11.9): an {@code internal} property's is
   * mangled with the module name, a {@code @get:JvmName} one renamed; both are read through the
   * name Kotlin gives them, and called from Java.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(KotlinProcessing.class)
  void gettersWithOtherJvmNamesAreCalledByTheirRealName(KotlinProcessing processing)
      throws Exception {
    KotlinProcessing.Result result = KotlinInputs.compile(processing, "mangled");
    assertSucceeded(result);
    String code = oneLine(result.generated("MangledInitializer"));
    assertTrue(code.contains("layer.fetchOther()"), code);
    assertTrue(code.contains("layer.getWeight$"), code);
    Object layer = call(result, "layers.Init", "run", 9);
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
  @ParameterizedTest(name = "{0}")
  @EnumSource(KotlinProcessing.class)
  void uncallableAndOverriddenGettersAreErrorsAtTheKotlinLine(KotlinProcessing processing) {
    KotlinProcessing.Result result = KotlinInputs.compile(processing, "uncallable");
    assertError(
        result,
        "Bad.kt:6",
        "[kinit.getter-uncallable] field Sized.out is private and its getter getOut-");
    // Found by ProcessorFuzzTest: the advice was @JvmField, which Kotlin rejects there.
    assertTrue(
        result.messages().contains("(Kotlin allows no @JvmField on a value-class property)"),
        result.messages());
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
  @ParameterizedTest(name = "{0}")
  @EnumSource(KotlinProcessing.class)
  void aKotlinNetworkIsInitialisedInPyTorchsOrder(KotlinProcessing processing) throws Exception {
    KotlinProcessing.Result result = KotlinInputs.compile(processing, "network");
    assertSucceeded(result);
    Object net = call(result, "net.Build", "net", 5);

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
    assertNull(privateField(tail, "bias"));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(KotlinProcessing.class)
  void processorErrorsPointAtTheKotlinLineWithTheJavaCatalogue(KotlinProcessing processing) {
    KotlinProcessing.Result result = KotlinInputs.compile(processing, "private-getter");
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
  @ParameterizedTest(name = "{0}")
  @EnumSource(KotlinProcessing.class)
  void getterAndPropertyTargetsAreCompileErrors(KotlinProcessing processing) {
    assertError(
        KotlinInputs.compile(processing, "get-target"),
        "Get.kt:4",
        "[kinit.not-a-field] @KaimingInit is on method Get.getWeight(), which is not a field");
    assertError(
        KotlinInputs.compile(processing, "property-target"),
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
    assertTrue(
        Pattern.compile("Use.kt:18:31[:\\s].*Null cannot be a value of a non-null type 'IntArray'")
            .matcher(result.getMessages())
            .find(),
        result.getMessages());
    assertEquals(
        1,
        result.getMessages().lines().filter(line -> line.startsWith("e: ")).count(),
        "only the null shape is an error:\n" + result.getMessages());
    assertTrue(Nonlinearity.LEAKY_RELU.gain(0.2) > 0); // the API the snippet calls exists
  }

  /**
   * A private top-level class is private to its file in Kotlin but package-private on the JVM: the
   * initializer, in its package, names it and reads its {@code @JvmField} directly.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(KotlinProcessing.class)
  void aFilePrivateClassIsNamedByItsInitializer(KotlinProcessing processing) {
    KotlinProcessing.Result result = KotlinInputs.compile(processing, "file-private");
    assertSucceeded(result);
    String code = oneLine(result.generated("HiddenInitializer"));
    assertTrue(code.contains("layer.weight"), code);
  }
}
