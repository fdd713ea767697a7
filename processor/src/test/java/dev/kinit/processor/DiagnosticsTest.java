package dev.kinit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.kinit.processor.Compilations.compile;
import static dev.kinit.processor.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.kinit.processor.rules.Message;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every diagnostic of {@link Message}: its text, and the line it points at (the attribute at fault
 * when there is one, else the field). An invalid class gets no initializer.
 */
class DiagnosticsTest {

  /** A class {@code layers.Bad} with the given member lines, importing what they need. */
  private static JavaFileObject bad(String... members) {
    String[] lines = new String[members.length + 7];
    lines[0] = "package layers;";
    lines[1] = "import dev.kinit.*;";
    lines[2] = "import static dev.kinit.Nonlinearity.*;";
    lines[3] = "import java.util.List;";
    lines[4] = "public class Bad {";
    System.arraycopy(members, 0, lines, 5, members.length);
    lines[lines.length - 2] = "  void unused() {}";
    lines[lines.length - 1] = "}";
    return source("layers.Bad", lines);
  }

  private static void assertError(JavaFileObject file, String text, String line) {
    Compilation compilation = compile(file);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(text).inFile(file).onLineContaining(line);
  }

  /** Compiles {@code file}, which must fail with exactly the errors {@code texts}, in order. */
  private static Compilation assertOnlyErrors(JavaFileObject file, String... texts) {
    Compilation compilation = compile(file);
    assertThat(compilation).failed();
    assertEquals(
        List.of(texts), compilation.errors().stream().map(d -> d.getMessage(null)).toList());
    return compilation;
  }

  /** A warning, unlike an error, leaves the class its initializer. */
  /** Compiles {@code sources} without a warning, {@code initializer} generated. */
  private static void assertGenerated(String initializer, JavaFileObject... sources) {
    Compilation compilation = compile(sources);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile(initializer);
  }

  private static void assertWarning(JavaFileObject file, String text, String line) {
    Compilation compilation = compile(file);
    assertThat(compilation).succeeded();
    assertThat(compilation).generatedSourceFile("layers.BadInitializer");
    assertThat(compilation).hadWarningContaining(text).inFile(file).onLineContaining(line);
  }

  /**
   * Found by ProcessorFuzzTest: the runtime's rules for a truncated normal were checked only in
   * part at compile time, though every value is a constant: ends not finite in the element type, an
   * interval that holds no probability.
   */
  @Test
  void aTruncatedNormalTheRuntimeRejectsIsACompileError() {
    assertError(
        bad("  @TruncatedNormalInit(std = 2,", "      b = 1e39)", "  float[] w = new float[4];"),
        "[kinit.value-out-of-range] Bad.w: b 1.0E39 is not a finite float",
        "b = 1e39");
    assertError(
        bad("  @TruncatedNormalInit(a = 9,", "      b = 10)", "  double[] w = new double[4];"),
        "[kinit.value-out-of-range] Bad.w: N(0.0, 1.0^2) truncated to [9.0, 10.0] holds no"
            + " probability in double",
        "b = 10");
    assertError(
        bad("  @TruncatedNormalInit(mean = 1e300)", "  double[] w = new double[4];"),
        "[kinit.value-out-of-range] Bad.w: N(1.0E300, 1.0^2) truncated to [-2.0, 2.0] holds no"
            + " probability in double",
        "@TruncatedNormalInit");
  }

  /**
   * Found by ProcessorFuzzTest: an orthogonal gain the runtime rejects for the element type (the
   * matrix is multiplied by it there) compiled, and the initializer then threw.
   */
  @Test
  void anOrthogonalGainNotFiniteInTheElementTypeIsACompileError() {
    assertError(
        bad("  @OrthogonalInit(gain = 5e38)", "  float[][] w = new float[2][2];"),
        "[kinit.value-out-of-range] Bad.w: value 5.0E38 is not a finite float",
        "gain = 5e38");
  }

  @Test
  void unsupportedFieldType() {
    assertError(
        bad("  @KaimingInit", "  int weight;"),
        "[kinit.unsupported-type] field Bad.weight has type int; expected float[] or double[]"
            + " with 1 to 5 dimensions",
        "int weight;");
  }

  @Test
  void boxedElementsAreUnsupported() {
    assertError(
        bad("  @KaimingInit Float[][] boxed;"),
        "field Bad.boxed has type java.lang.Float[][]; expected float[] or double[]",
        "Float[][] boxed");
  }

  @Test
  void sixDimensionsAreTooMany() {
    assertError(
        bad("  @KaimingInit float[][][][][][] deep;"),
        "field Bad.deep has type float[][][][][][]; expected float[] or double[] with 1 to 5",
        "deep;");
  }

  @Test
  void genericFieldTypeIsUnsupported() {
    assertError(
        bad("  @KaimingInit List<float[]> rows;"),
        "field Bad.rows has type java.util.List<float[]>",
        "rows;");
  }

  @Test
  void staticField() {
    assertError(
        bad("  @KaimingInit static float[][] shared;"),
        "[kinit.static-field] field Bad.shared is static; expected an instance field",
        "static float[][] shared;");
  }

  @Test
  void privateFieldWithoutGetter() {
    assertError(
        bad("  @KaimingInit private float[][] hidden;"),
        "[kinit.private-without-getter] field Bad.hidden is private and Bad has no getter"
            + " getHidden() or hidden() returning float[][]; expected a field the generated"
            + " BadInitializer can read: make the field package-private or public, or add the"
            + " getter (in Kotlin: a plain val/var property has one; or use @JvmField val or"
            + " lateinit var)",
        "private float[][] hidden;");
  }

  @Test
  void getterOfAnotherTypeDoesNotCount() {
    assertError(
        bad("  @KaimingInit private float[][] hidden;", "  float[] getHidden() { return null; }"),
        "[kinit.private-without-getter] field Bad.hidden is private",
        "private float[][] hidden;");
  }

  @Test
  void inheritedFieldFromAnotherPackage() {
    JavaFileObject base =
        source(
            "other.Base",
            "package other;",
            "import dev.kinit.KaimingInit;",
            "public class Base {",
            "  @KaimingInit float[][] weight = new float[2][2];",
            "}");
    JavaFileObject sub =
        source(
            "layers.Sub",
            "package layers;",
            "import dev.kinit.KaimingInit;",
            "public class Sub extends other.Base {",
            "  @KaimingInit float[][] own = new float[2][2];",
            "}");
    Compilation compilation = compile(base, sub);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[kinit.inaccessible-field] field Base.weight is not accessible from package layers,"
                + " where the generated SubInitializer is, and has no public getter; expected a"
                + " public field, or a public getter getWeight()")
        .inFile(sub)
        .onLineContaining("public class Sub");
  }

  @Test
  void privateNestedClass() {
    assertError(
        bad("  private static class Hidden {", "    @KaimingInit float[][] weight;", "  }"),
        "[kinit.unreachable-class] field Hidden.weight is in private nested class"
            + " layers.Bad.Hidden, which generated code cannot reach; expected the field in a"
            + " top-level class or a non-private nested class",
        "float[][] weight;");
  }

  @Test
  void localClass() {
    assertError(
        bad(
            "  void build() {",
            "    class Local {",
            "      @KaimingInit float[][] weight;",
            "    }",
            "  }"),
        "[kinit.unreachable-class] field weight is in class Local, a local class, which generated"
            + " code cannot reach",
        "float[][] weight;");
  }

  @Test
  void anonymousClass() {
    assertError(
        bad("  Object layer = new Object() {", "    @KaimingInit float[][] weight;", "  };"),
        "[kinit.unreachable-class] field weight is in an anonymous class",
        "float[][] weight;");
  }

  @Test
  void flatArrayWithoutShape() {
    assertError(
        bad("  @KaimingInit float[] flat;"),
        "[kinit.flat-without-shape] flat array Bad.flat needs its shape; expected shape = {out,"
            + " in, ...} (constants) or shapeFields = {\"out\", \"in\", ...} (names of int fields)",
        "float[] flat;");
  }

  @Test
  void shapeOnANestedArray() {
    assertError(
        bad("  @KaimingInit(", "      shape = {2, 3})", "  float[][] nested;"),
        "[kinit.shape-on-nested] Bad.nested is a nested array, whose shape is read from the"
            + " arrays, but has shape; expected no shape or shapeFields",
        "shape = {2, 3}");
  }

  @Test
  void shapeAndShapeFields() {
    assertError(
        bad(
            "  int out, in;",
            "  @KaimingInit(shape = {2, 3},",
            "      shapeFields = {\"out\", \"in\"})",
            "  float[] flat;"),
        "[kinit.shape-twice] Bad.flat has both shape and shapeFields; expected one of them",
        "shapeFields = {");
  }

  @Test
  void shapeOfOneDimension() {
    assertError(
        bad("  @KaimingInit(", "      shape = {5})", "  float[] bias;"),
        "[kinit.shape-too-short] shape of Bad.bias has 1 dimension(s) [5]; expected at least 2,"
            + " since fan_in = shape[1] * receptive field and fan_out = shape[0] * receptive field",
        "shape = {5}");
  }

  @Test
  void shapeFieldsOfOneDimension() {
    assertError(
        bad("  int out;", "  @KaimingInit(", "      shapeFields = \"out\")", "  float[] bias;"),
        "[kinit.shape-too-short] shape of Bad.bias has 1 dimension(s) [out]",
        "shapeFields = \"out\"");
  }

  @Test
  void negativeSize() {
    assertError(
        bad("  @KaimingInit(", "      shape = {6, -20})", "  float[] flat;"),
        "[kinit.negative-size] shape of Bad.flat has size -20 at dimension 1; expected sizes >= 0",
        "shape = {6, -20}");
  }

  @Test
  void shapeWithMoreElementsThanAnArrayHolds() {
    assertError(
        bad("  @KaimingInit(", "      shape = {65536, 65536})", "  float[] flat = new float[4];"),
        "[kinit.shape-too-large] shape of Bad.flat [65536, 65536] has 4294967296 elements, more"
            + " than a Java array can hold; expected a product of the sizes of at most 2147483647",
        "shape = {65536, 65536}");
  }

  /** The limit is the array's: a shape of exactly 2147483647 elements is accepted. */
  @Test
  void shapeWithAsManyElementsAsAnArrayHolds() {
    Compilation compilation =
        compile(bad("  @KaimingInit(", "      shape = {1, 2147483647})", "  float[] flat;"));
    assertThat(compilation).succeeded();
    assertThat(compilation).generatedSourceFile("layers.BadInitializer");
  }

  /**
   * A flat array whose shape has too few dimensions for an orthogonal matrix gets PyTorch's rank
   * rule, once: not also the fans' [kinit.shape-too-short], which orthogonal_ does not compute.
   */
  @Test
  void aShapeOfTooFewDimensionsForAStructureIsOneError() {
    Compilation compilation =
        assertOnlyErrors(
            bad("  @OrthogonalInit(", "      shape = {4})", "  float[] flat;"),
            "[kinit.rank-not-supported] @OrthogonalInit cannot initialise Bad.flat, which has 1"
                + " dimension(s): Only tensors with 2 or more dimensions are supported (PyTorch's"
                + " orthogonal_); expected at least 2 dimensions");
    assertThat(compilation)
        .hadErrorContaining("[kinit.rank-not-supported]")
        .inFile(compilation.sourceFiles().get(0))
        .onLineContaining("shape = {4}");
  }

  /**
   * Xavier's std, gain * sqrt(2 / (fan_in + fan_out)), is checked against the element type for a
   * constant shape: 1e-38 * sqrt(2 / (5 + 3)) = 5e-39 is below Float.MIN_NORMAL.
   */
  @Test
  void aXavierStdTooSmallForTheElementTypeIsReportedAtTheGain() {
    assertError(
        bad(
            "  @XavierInit(distribution = Distribution.NORMAL,",
            "      gain = 1e-38, shape = {3, 5})",
            "  float[] flat;"),
        "[kinit.scale-not-normal] Bad.flat: std 5.0E-39 is not a normal float; expected"
            + " Float.MIN_NORMAL (1.1754944E-38) <= std <= Float.MAX_VALUE (3.4028235E38), from the"
            + " gain 1.0E-38 at fan_in 5 and fan_out 3",
        "gain = 1e-38");
  }

  /**
   * For a shape known only at run time, Xavier's uniform bound, sqrt(3) * gain * sqrt(2 / (fan_in +
   * fan_out)), is checked at fans 1, its largest: sqrt(3) * 5e-39 is below Float.MIN_NORMAL.
   */
  @Test
  void aXavierBoundTooSmallAtFanOneIsReported() {
    assertError(
        bad(
            "  @XavierInit(distribution = Distribution.UNIFORM,",
            "      gain = 5e-39)",
            "  float[][] w;"),
        "[kinit.scale-not-normal] Bad.w: bound 8.66025403784438",
        "gain = 5e-39");
  }

  /**
   * Keras' variance scaling with fan_avg and an untruncated normal: std = sqrt(scale / ((fan_in +
   * fan_out) / 2)) = sqrt(1e-76 / 4) = 5e-39, below Float.MIN_NORMAL.
   */
  @Test
  void aVarianceScalingStdTooSmallForTheElementTypeIsReportedAtTheScale() {
    assertError(
        bad(
            "  @VarianceScalingInit(mode = ScalingMode.FAN_AVG,",
            "      distribution = ScalingDistribution.UNTRUNCATED_NORMAL,",
            "      scale = 1e-76, shape = {3, 5})",
            "  float[] flat;"),
        "[kinit.scale-not-normal] Bad.flat: std 5.0E-39 is not a normal float; expected"
            + " Float.MIN_NORMAL (1.1754944E-38) <= std <= Float.MAX_VALUE (3.4028235E38), from"
            + " scale 1.0E-76 at fan_in 5 and fan_out 3",
        "scale = 1e-76");
  }

  /** A variance scale must be finite and positive: 0 would make every weight 0. */
  @Test
  void aVarianceScaleOfZeroOrInfinityIsAnError() {
    assertError(
        bad("  @VarianceScalingInit(", "      scale = 0)", "  float[][] w;"),
        "[kinit.value-out-of-range] scale = 0.0 for Bad.w is not a valid scale; expected a finite"
            + " positive number",
        "scale = 0");
    assertError(
        bad("  @VarianceScalingInit(", "      scale = Double.POSITIVE_INFINITY)", "  float[][] w;"),
        "[kinit.value-out-of-range] scale = Infinity for Bad.w is not a valid scale; expected a"
            + " finite positive number",
        "scale = Double.POSITIVE_INFINITY");
  }

  /**
   * Float.MAX_VALUE itself is a finite float: as a normal's mean it is fine, and the error is the
   * std's, at the std.
   */
  @Test
  void aNormalsErrorPointsAtTheAttributeAtFault() {
    assertError(
        bad(
            "  @NormalInit(mean = 3.4028234663852886E38,",
            "      std = 0)",
            "  float[][] w = new float[2][2];"),
        "[kinit.value-out-of-range] Bad.w: std 0.0",
        "std = 0");
  }

  /** A constant of exactly Float.MAX_VALUE fits a float array. */
  @Test
  void aConstantOfTheLargestFloatIsAccepted() {
    Compilation compilation =
        compile(bad("  @ConstantInit(3.4028234663852886E38)", "  float[] w = new float[2];"));
    assertThat(compilation).succeeded();
    assertThat(compilation).generatedSourceFile("layers.BadInitializer");
  }

  /**
   * A truncated normal cannot draw from [Float.MAX_VALUE, Float.MAX_VALUE]: its ends are finite
   * floats, so the problem is the interval's, reported at its upper end.
   */
  @Test
  void anEmptyTruncationIntervalIsReportedAtItsUpperEnd() {
    assertError(
        bad(
            "  @TruncatedNormalInit(a = 3.4028234663852886E38,",
            "      b = 3.4028234663852886E38)",
            "  float[][] w = new float[2][2];"),
        "[kinit.value-out-of-range] Bad.w:",
        "b = 3.4028234663852886E38");
  }

  /**
   * A mean of exactly the largest float is finite, so a truncated normal's other problem is
   * reported at its own attribute, not at the mean.
   */
  @Test
  void aTruncatedNormalsMeanOfTheLargestFloatIsNotTheProblem() {
    assertError(
        bad(
            "  @TruncatedNormalInit(mean = 3.4028234663852886E38,",
            "      std = 0)",
            "  float[][] w = new float[2][2];"),
        "[kinit.value-out-of-range] Bad.w:",
        "std = 0");
  }

  /**
   * Dirac's groups: one (the default) or any number that divides the output channels is accepted;
   * fewer than one, or a number that does not divide them, is an error at groups.
   */
  @Test
  void diracGroupsMustBePositiveAndDivideTheOutputChannels() {
    Compilation compilation =
        compile(
            bad(
                "  @DiracInit(shape = {4, 2, 3}) float[] one;",
                "  @DiracInit(groups = 2, shape = {4, 2, 3}) float[] two;"));
    assertThat(compilation).succeeded();
    assertEquals(List.of(), Compilations.warnings(compilation));
    assertError(
        bad("  @DiracInit(", "      groups = 0)", "  float[][][] w;"),
        "[kinit.dirac-groups] Bad.w: groups 0 is not a number of groups; expected groups >= 1",
        "groups = 0");
    assertError(
        bad("  @DiracInit(shape = {4, 2, 3},", "      groups = 3)", "  float[] flat;"),
        "[kinit.dirac-groups] Bad.flat: dim 0 must be divisible by groups: shape[0] 4 is not a"
            + " multiple of groups 3",
        "groups = 3");
  }

  /** An orthogonal gain must be finite and positive, like any gain given as a number. */
  @Test
  void anOrthogonalGainOfZeroOrInfinityIsAnError() {
    for (String gain : List.of("0", "Double.POSITIVE_INFINITY")) {
      assertError(
          bad("  @OrthogonalInit(", "      gain = " + gain + ")", "  float[][] w;"),
          "[kinit.gain-not-positive] gain = "
              + (gain.equals("0") ? "0.0" : "Infinity")
              + " for Bad.w is not a valid gain; expected a finite positive number",
          "gain = " + gain);
    }
  }

  /**
   * A Xavier gain of 0 or infinity is reported as a gain, once: no std is derived from it to be
   * reported as well.
   */
  @Test
  void aXavierGainOfZeroOrInfinityIsOneError() {
    for (String gain : List.of("0", "Double.POSITIVE_INFINITY")) {
      assertOnlyErrors(
          bad("  @XavierInit(gain = " + gain + ", shape = {3, 5}) float[] flat;"),
          "[kinit.gain-not-positive] gain = "
              + (gain.equals("0") ? "0.0" : "Infinity")
              + " for Bad.flat is not a valid gain; expected a finite positive number");
    }
  }

  /**
   * A size 0 makes the fill a no-op: a gain too small for any fan is then no error. (Its bound,
   * sqrt(3) * 5e-39 * sqrt(2 / (fan_in + fan_out)), is subnormal at fan 1, and at this shape's fans
   * 0 and 3 too: sqrt(3) * 5e-39 * sqrt(2 / 3) = 7.1e-39.)
   */
  @Test
  void aScaleIsNotCheckedForAShapeWithNoElements() {
    assertWarning(
        bad("  @XavierInit(", "      gain = 5e-39, shape = {3, 0})", "  float[] flat;"),
        "[kinit.zero-size] shape of Bad.flat [3, 0] has a size 0",
        "gain = 5e-39");
  }

  /**
   * Keras' truncated normal divides the std by 0.87962566103423978, the std of a standard normal
   * truncated to [-2, 2]: sqrt(1e-76 / 4) / 0.8796... = 5.684e-39 at fan_in 4.
   */
  @Test
  void aTruncatedVarianceScalingStdIsCorrectedForTheTruncation() {
    JavaFileObject file =
        bad("  @VarianceScalingInit(", "      scale = 1e-76, shape = {5, 4})", "  float[] flat;");
    Compilation compilation = compile(file);
    assertThat(compilation)
        .hadErrorContaining("[kinit.scale-not-normal] Bad.flat: std 5.68423617")
        .inFile(file)
        .onLineContaining("scale = 1e-76");
    assertThat(compilation).hadErrorContaining("from scale 1.0E-76 at fan_in 4 and fan_out 5");
  }

  /**
   * Keras' layout takes a 1-D shape, whose fans are both its size: the uniform bound sqrt(3 * 1e-76
   * / 4) = 8.66e-39 is checked as for any constant shape.
   */
  @Test
  void aVarianceScalingBoundOfAOneDimensionalKerasShapeIsChecked() {
    assertError(
        bad(
            "  @VarianceScalingInit(layout = WeightLayout.KERAS,",
            "      distribution = ScalingDistribution.UNIFORM,",
            "      scale = 1e-76, shape = {4})",
            "  float[] flat;"),
        "[kinit.scale-not-normal] Bad.flat: bound 8.66025403784438",
        "scale = 1e-76");
  }

  /**
   * PyTorch's layout needs two sizes for the fans: a 1-D shape is the shape's error alone, with no
   * scale computed from fans it does not have.
   */
  @Test
  void aOneDimensionalTorchShapeGetsNoScaleCheck() {
    assertOnlyErrors(
        bad("  @XavierInit(gain = 5e-39,", "      shape = {4})", "  float[] flat;"),
        "[kinit.shape-too-short] shape of Bad.flat has 1 dimension(s) [4]; expected at least 2,"
            + " since fan_in = shape[1] * receptive field and fan_out = shape[0] * receptive"
            + " field");
  }

  /**
   * A uniform range's error points at the end at fault: from = -Float.MAX_VALUE is a finite float,
   * to = 1e39 is not.
   */
  @Test
  void aUniformRangesErrorPointsAtTheEndAtFault() {
    assertError(
        bad(
            "  @UniformInit(from = -3.4028234663852886E38,",
            "      to = 1e39)",
            "  float[][] w = new float[2][2];"),
        "[kinit.value-out-of-range] Bad.w: to 1.0E39 is not a finite float; expected |to| <="
            + " Float.MAX_VALUE (3.4028235E38)",
        "to = 1e39");
  }

  /** Negative sizes are reported as such, not as a product too large for an array. */
  @Test
  void negativeSizesWhoseProductIsLargeAreOnlyNegative() {
    assertOnlyErrors(
        bad("  @KaimingInit(", "      shape = {-65536, -65536})", "  float[] flat;"),
        "[kinit.negative-size] shape of Bad.flat has size -65536 at dimension 0; expected"
            + " sizes >= 0",
        "[kinit.negative-size] shape of Bad.flat has size -65536 at dimension 1; expected"
            + " sizes >= 0");
  }

  @Test
  void shapeFieldThatDoesNotExist() {
    assertError(
        bad(
            "  int out;",
            "  @KaimingInit(",
            "      shapeFields = {\"out\", \"inn\"})",
            "  float[] flat;"),
        "[kinit.shape-field-missing] shapeFields of Bad.flat names \"inn\", but Bad has no field"
            + " of that name; expected the name of an int field of Bad",
        "shapeFields = {");
  }

  @Test
  void shapeFieldThatIsNotInt() {
    assertError(
        bad(
            "  int out;",
            "  long in;",
            "  @KaimingInit(",
            "      shapeFields = {\"out\", \"in\"})",
            "  float[] flat;"),
        "[kinit.shape-field-not-int] shapeFields of Bad.flat names \"in\", a field of type long;"
            + " expected an int field",
        "shapeFields = {");
  }

  @Test
  void shapeFieldThatCannotBeRead() {
    assertError(
        bad(
            "  int out;",
            "  private int in;",
            "  @KaimingInit(",
            "      shapeFields = {\"out\", \"in\"})",
            "  float[] flat;"),
        "[kinit.shape-field-unreadable] shapeFields of Bad.flat names \"in\", which the"
            + " generated BadInitializer cannot read; expected a non-private int field or one with"
            + " a getter",
        "shapeFields = {");
  }

  @Test
  void unreadableShapeFieldNamedTwiceIsOneErrorAndNoInternalError() {
    Compilation compilation =
        compile(
            bad(
                "  private int in;",
                "  @KaimingInit(shapeFields = {\"in\", \"in\"})",
                "  float[] flat;"));
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[kinit.shape-field-unreadable]");
  }

  @Test
  void slopeFieldThatIsNotADouble() {
    assertError(
        bad(
            "  int slope = 1;",
            "  @KaimingInit(nonlinearity = LEAKY_RELU,",
            "      slopeField = \"slope\")",
            "  float[][] weight;"),
        "[kinit.named-field-wrong-type] slopeField of Bad.weight names \"slope\", a field of type"
            + " int; expected a double field",
        "slopeField = \"slope\"");
  }

  @Test
  void unresolvedTypeOfTheSlopeFieldIsReportedAtTheField() {
    assertError(
        bad(
            "  Missing slope;",
            "  @KaimingInit(nonlinearity = LEAKY_RELU, slopeField = \"slope\")",
            "  float[][] weight;"),
        "[kinit.unresolved-type] type Missing, needed by slopeField of Bad.weight, could not be"
            + " resolved, so no initializer was generated",
        "float[][] weight;");
  }

  @Test
  void unresolvedTypeOfAShapeFieldIsReportedAtTheField() {
    assertError(
        bad(
            "  Missing out;",
            "  int in = 2;",
            "  @KaimingInit(shapeFields = {\"out\", \"in\"})",
            "  float[] flat;"),
        "[kinit.unresolved-type] type Missing, needed by shapeFields of Bad.flat, could not be"
            + " resolved, so no initializer was generated",
        "float[] flat;");
  }

  @Test
  void slopeThatIsNaN() {
    assertError(
        bad(
            "  @KaimingInit(nonlinearity = LEAKY_RELU,",
            "      a = Double.NaN)",
            "  float[][] weight;"),
        "[kinit.a-not-finite] a = NaN for Bad.weight is not a valid negative slope; expected a"
            + " finite number",
        "a = Double.NaN");
  }

  @Test
  void slopeThatIsInfinite() {
    assertError(
        bad("  @KaimingInit(", "      a = Double.NEGATIVE_INFINITY)", "  float[][] weight;"),
        "[kinit.a-not-finite] a = -Infinity for Bad.weight",
        "a = Double.NEGATIVE_INFINITY");
  }

  @Test
  void slopeWhoseSquareOverflows() {
    assertError(
        bad("  @KaimingInit(", "      a = 1e200)", "  float[][] weight;"),
        "[kinit.a-too-large] a = 1.0E200 for Bad.weight is too large: a^2 overflows a double;"
            + " expected |a| < 1.34E154",
        "a = 1e200");
  }

  @Test
  void slopeIgnoredByTheNonlinearity() {
    assertWarning(
        bad("  @KaimingInit(nonlinearity = RELU,", "      a = 0.2)", "  float[][] weight;"),
        "[kinit.a-ignored] a = 0.2 for Bad.weight is ignored: nonlinearity RELU does not use a"
            + " negative slope (PyTorch ignores it too); expected a = 0, or nonlinearity ="
            + " LEAKY_RELU",
        "a = 0.2");
  }

  @Test
  void seluGain() {
    assertWarning(
        bad("  @KaimingInit(", "      nonlinearity = SELU)", "  float[][] weight;"),
        "[kinit.selu-gain] nonlinearity SELU for Bad.weight gives gain 3/4",
        "nonlinearity = SELU");
  }

  @Test
  void zeroSize() {
    assertWarning(
        bad("  @KaimingInit(", "      shape = {0, 4})", "  float[] empty = new float[0];"),
        "[kinit.zero-size] shape of Bad.empty [0, 4] has a size 0: the array has no elements, so"
            + " initialising it is a no-op",
        "shape = {0, 4}");
  }

  @Test
  void twoRulesOnOneField() {
    assertError(
        bad("  @KaimingInit @TorchDefaultInit", "  float[][] weight;"),
        "[kinit.two-rules] field Bad.weight has both @KaimingInit and @TorchDefaultInit; expected"
            + " one of them: a field is initialised one way",
        "float[][] weight;");
  }

  @Test
  void biasThatIsNotAVector() {
    assertError(
        bad(
            "  @TorchDefaultInit float[][] weight;",
            "  @TorchDefaultInit(biasOf = \"weight\")",
            "  float[][] bias;"),
        "[kinit.bias-not-a-vector] bias Bad.bias has type float[][]; expected float[] or double[]:"
            + " a bias is 1-D, with biasOf naming its weight",
        "float[][] bias;");
  }

  @Test
  void biasWithAShape() {
    assertError(
        bad(
            "  @TorchDefaultInit float[][] weight;",
            "  @TorchDefaultInit(biasOf = \"weight\",",
            "      shape = {6, 1})",
            "  float[] bias;"),
        "[kinit.bias-with-shape] bias Bad.bias has shape; expected neither shape nor shapeFields:"
            + " a bias is 1-D, its length is its shape",
        "shape = {6, 1}");
  }

  @Test
  void biasOfAFieldThatIsNotAWeight() {
    assertError(
        bad(
            "  float[][] weight;",
            "  @TorchDefaultInit(",
            "      biasOf = \"weight\")",
            "  float[] bias;"),
        "[kinit.bias-of-not-a-weight] biasOf of Bad.bias names \"weight\", which is not a weight"
            + " of Bad; expected the name of a field with @TorchDefaultInit (without biasOf) or"
            + " @KaimingInit, whose fan_in bounds the bias",
        "biasOf = \"weight\"");
  }

  @Test
  void biasOfABias() {
    assertError(
        bad(
            "  @TorchDefaultInit float[][] weight;",
            "  @TorchDefaultInit(biasOf = \"weight\") float[] first;",
            "  @TorchDefaultInit(",
            "      biasOf = \"first\")",
            "  float[] second;"),
        "[kinit.bias-of-not-a-weight] biasOf of Bad.second names \"first\"",
        "biasOf = \"first\"");
  }

  @Test
  void biasOfAKaimingWeightIsFine() {
    Compilation compilation =
        compile(
            bad(
                "  @KaimingInit float[][] weight = new float[3][4];",
                "  @TorchDefaultInit(biasOf = \"weight\") float[] bias = new float[3];"));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void biasDeclaredBeforeItsWeight() {
    assertWarning(
        bad(
            "  @TorchDefaultInit(",
            "      biasOf = \"weight\")",
            "  float[] bias;",
            "  @TorchDefaultInit float[][] weight;"),
        "[kinit.bias-before-weight] bias Bad.bias is declared before its weight weight, so it is"
            + " drawn first, unlike in PyTorch; expected weight declared before bias to reproduce"
            + " PyTorch's values",
        "biasOf = \"weight\"");
  }

  @Test
  void boxedBiasIsNotAVector() {
    assertError(
        bad(
            "  @TorchDefaultInit float[][] weight;",
            "  @TorchDefaultInit(biasOf = \"weight\")",
            "  Float[] bias;"),
        "[kinit.bias-not-a-vector] bias Bad.bias has type java.lang.Float[]; expected float[] or"
            + " double[]",
        "Float[] bias;");
  }

  @Test
  void biasWithAnEmptyShapeHasNone() {
    Compilation compilation =
        compile(
            bad(
                "  @TorchDefaultInit float[][] weight = new float[3][4];",
                "  @TorchDefaultInit(biasOf = \"weight\", shape = {}, shapeFields = {})",
                "  float[] bias = new float[3];"));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void biasDeclaredBeforeAWeightThatHidesAnInheritedOne() {
    JavaFileObject base =
        source(
            "layers.Base",
            "package layers;",
            "public class Base {",
            "  @dev.kinit.TorchDefaultInit public float[][] weight = new float[3][2];",
            "}");
    JavaFileObject layer =
        source(
            "layers.Head",
            "package layers;",
            "public class Head extends Base {",
            "  @dev.kinit.TorchDefaultInit(biasOf = \"weight\") float[] bias = new float[4];",
            "  @dev.kinit.TorchDefaultInit float[][] weight = new float[4][5];",
            "}");
    Compilation compilation = compile(base, layer);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining("[kinit.bias-before-weight] bias Head.bias is declared before its")
        .inFile(layer)
        .onLineContaining("biasOf");
  }

  @Test
  void torchDefaultInALocalClass() {
    assertError(
        bad(
            "  void build() {",
            "    class Local {",
            "      @TorchDefaultInit float[][] weight;",
            "    }",
            "  }"),
        "[kinit.unreachable-class] field weight is in class Local, a local class",
        "float[][] weight;");
  }

  @Test
  void unresolvedTypeIsReportedAfterTheLastRound() {
    Compilation compilation = compile(bad("  @KaimingInit Missing[][] weight;"));
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[kinit.unresolved-type] type Missing[][], needed"
                + " by field Bad.weight, could not be resolved, so no initializer was generated")
        .inFile(compilation.sourceFiles().get(0))
        .onLineContaining("Missing[][] weight");
  }

  @Test
  void unresolvedAttributeValueIsReportedAtTheField() {
    assertError(
        bad("  @KaimingInit(shape = {Missing.OUT, 4})", "  float[] flat;"),
        "[kinit.unresolved-type] type used in shape, needed by @KaimingInit on Bad.flat, could"
            + " not be resolved",
        "float[] flat;");
  }

  @Test
  void unresolvedNameInBiasOfIsWaitedForNotTakenAsAName() {
    assertUnresolvedNameIsWaitedFor(
        "[kinit.unresolved-type] type used in biasOf, needed by @TorchDefaultInit on Bad.bias",
        "[kinit.bias-of-not-a-weight]",
        "  @TorchDefaultInit float[][] weight;",
        "  @TorchDefaultInit(biasOf = Missing.NAME)",
        "  float[] bias;");
  }

  @Test
  void unresolvedNameInShapeFieldsIsWaitedForNotTakenAsAName() {
    assertUnresolvedNameIsWaitedFor(
        "[kinit.unresolved-type] type used in shapeFields, needed by @KaimingInit on Bad.flat",
        "[kinit.shape-field-missing]",
        "  int in;",
        "  @KaimingInit(shapeFields = {Missing.NAME, \"in\"})",
        "  float[] flat;");
  }

  /**
   * javac gives an unresolved String constant the value "<error>": the processor must report the
   * unresolved constant at the field (the last member), not take "<error>" for a name.
   */
  private static void assertUnresolvedNameIsWaitedFor(
      String error, String notReported, String... members) {
    Compilation compilation = compile(bad(members));
    assertThat(compilation)
        .hadErrorContaining(error)
        .inFile(compilation.sourceFiles().get(0))
        .onLineContaining(members[members.length - 1].trim());
    assertEquals(0, count(compilation, notReported));
  }

  @Test
  void aClassWaitingForATypeReportsItsOtherProblemsOnce() {
    Compilation compilation =
        compile(
            bad(
                "  @KaimingInit static float[][] shared;",
                "  @KaimingInit(nonlinearity = SELU) float[][] selu;",
                "  @KaimingInit Missing[][] missing;"));
    assertEquals(1, count(compilation, "[kinit.static-field]"));
    assertEquals(1, count(compilation, "[kinit.selu-gain]"));
    assertEquals(1, count(compilation, "[kinit.unresolved-type]"));
  }

  @Test
  void aTypeGeneratedByAnotherProcessorIsWaitedForAndEarlierFindingsAreNotRepeated() {
    JavaFileObject file =
        bad(
            "  @KaimingInit(nonlinearity = SELU) float[][] selu;",
            "  @KaimingInit Later[][] later;");
    Compilation compilation =
        com.google.testing.compile.Compiler.javac()
            .withProcessors(
                // First: javac calls a "*" processor only while some annotation is unclaimed.
                new GeneratesSource("layers.Later", "package layers; public class Later {}"),
                new LocalClassChecker(),
                new KaimingInitProcessor())
            .withOptions("-Xlint:all")
            .compile(file);
    assertThat(compilation)
        .hadErrorContaining("[kinit.unsupported-type] field Bad.later has type layers.Later[][]")
        .inFile(file)
        .onLineContaining("Later[][] later;");
    assertEquals(1, count(compilation, "[kinit.selu-gain]"));
  }

  @Test
  void aClassWaitingForTwoTypesNamesTheFirst() {
    Compilation compilation =
        compile(bad("  @KaimingInit First[][] first;", "  @KaimingInit Second[][] second;"));
    assertEquals(1, count(compilation, "[kinit.unresolved-type]"));
    assertThat(compilation)
        .hadErrorContaining("[kinit.unresolved-type] type First[][], needed by field Bad.first")
        .inFile(compilation.sourceFiles().get(0))
        .onLineContaining("First[][] first;");
  }

  @Test
  void anotherToolsGeneratedClassesAreLeftToItsProcessor() {
    JavaFileObject other =
        source(
            "layers.Tool",
            "package layers;",
            "@javax.annotation.processing.Generated(\"other.Tool\")",
            "public class Tool {}");
    SeesGenerated after = new SeesGenerated();
    Compilation compilation =
        com.google.testing.compile.Compiler.javac()
            .withProcessors(new KaimingInitProcessor(), after)
            .withOptions("-Xlint:all")
            .compile(bad("  @KaimingInit float[][] weight;"), other);
    assertThat(compilation).succeeded();
    // Round 1 has the other tool's class; round 2 only the initializer, claimed by kinit.
    assertEquals(List.of("layers.Tool"), after.seen);
  }

  /**
   * Records the classes annotated {@code @Generated} in the rounds it is offered the annotation.
   */
  @SupportedAnnotationTypes("javax.annotation.processing.Generated")
  private static final class SeesGenerated extends AbstractProcessor {
    final List<String> seen = new java.util.ArrayList<>();

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      for (TypeElement annotation : annotations) {
        round.getElementsAnnotatedWith(annotation).stream()
            .map(e -> ((TypeElement) e).getQualifiedName().toString())
            .forEach(seen::add);
      }
      return false;
    }
  }

  /**
   * The source class is seen before javac's Filer is asked, which under -Xlint:processing would add
   * its warning "Attempt to create a file for type ... multiple times" (an error under -Werror).
   */
  @Test
  void classWithTheInitializersName() {
    JavaFileObject layer = bad("  @KaimingInit float[][] weight;");
    Compilation compilation =
        compile(
            layer, source("layers.BadInitializer", "package layers;", "class BadInitializer {}"));
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[kinit.initializer-exists] the initializer layers.BadInitializer of layers.Bad cannot"
                + " be written: another class has that name; expected no other class named"
                + " BadInitializer in package layers: rename it or the layer")
        .inFile(layer)
        .onLineContaining("public class Bad");
    assertEquals(List.of(), Compilations.warnings(compilation));
  }

  @Test
  void twoLayersWithOneInitializerName() {
    JavaFileObject nested =
        source(
            "layers.Net",
            "package layers;",
            "public class Net {",
            "  public static class Head {",
            "    @dev.kinit.KaimingInit float[][] weight;",
            "  }",
            "}");
    JavaFileObject flat =
        source(
            "layers.Net_Head",
            "package layers;",
            "public class Net_Head {",
            "  @dev.kinit.KaimingInit float[][] weight;",
            "}");
    Compilation compilation = compile(nested, flat);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[kinit.initializer-exists] the initializer layers.Net_HeadInitializer")
        .inFile(flat)
        .onLineContaining("public class Net_Head");
  }

  /** What checking found before an internal error (here a warning) is still reported with it. */
  @Test
  void internalErrorBecomesACompileErrorOnTheClass() {
    JavaFileObject file =
        bad("  @XavierInit(", "      gain = 5e-39, shape = {3, 0})", "  float[] flat;");
    Compilation compilation =
        com.google.testing.compile.Compiler.javac()
            .withProcessors(
                new KaimingInitProcessor(
                    layer -> {
                      throw new IllegalStateException("simulated bug");
                    }))
            .compile(file);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[kinit.internal-error] internal error while"
                + " processing layers.Bad: java.lang.IllegalStateException: simulated bug at")
        .inFile(file)
        .onLineContaining("public class Bad");
    assertThat(compilation)
        .hadWarningContaining("[kinit.zero-size] shape of Bad.flat [3, 0] has a size 0")
        .inFile(file)
        .onLineContaining("gain = 5e-39");
  }

  /**
   * Issue 11: {@code @ConstructedBefore} on a field that is no member (neither an annotated array
   * nor, in a network, a child module) had no effect and no error, whether the class was a network
   * or neither layer nor network. The valid layer still gets its initializer (no cascade); the
   * class that asked for none gets none.
   */
  @Test
  void constructedBeforeOnAFieldThatIsNoMember() throws IOException {
    JavaFileObject linear =
        source(
            "layers.Linear",
            "package layers;",
            "public class Linear {",
            "  @dev.kinit.KaimingInit final float[][] weight = new float[2][2];",
            "}");
    JavaFileObject net =
        source(
            "layers.Net",
            "package layers;",
            "import dev.kinit.*;",
            "@Network",
            "public class Net {",
            "  final Linear head = new Linear();",
            "  @ConstructedBefore(\"head\") int count = 2;",
            "}");
    JavaFileObject plain =
        source(
            "layers.Plain",
            "package layers;",
            "import dev.kinit.*;",
            "public class Plain {",
            "  @ConstructedBefore(\"other\") final Linear linear = new Linear();",
            "  final Linear other = new Linear();",
            "  void use() {",
            "    LinearInitializer.initialize(linear, new java.util.Random(0));",
            "  }",
            "}");
    Compilation compilation = compile(linear, net, plain);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining(
            "[kinit.constructed-before-not-a-member] @ConstructedBefore on Net.count, which is"
                + " neither a parameter nor a child module of Net; expected it on an array with an"
                + " initialisation annotation, or on a field of a @Network that holds a child"
                + " module")
        .inFile(net)
        .onLine(6)
        .atColumn(22);
    assertThat(compilation)
        .hadErrorContaining(
            "[kinit.constructed-before-not-a-member] @ConstructedBefore on Plain.linear, which is"
                + " neither a parameter nor a child module of Plain;")
        .inFile(plain)
        .onLine(4)
        .atColumn(22);
    try (BatchCompiler batch = new BatchCompiler()) { // it keeps a failed run's output
      assertEquals(
          Set.of("layers.LinearInitializer"),
          batch.compile(List.of(linear, net, plain)).generatedSources().keySet());
    }
  }

  @Test
  void everyProblemOfAClassIsReported() {
    Compilation compilation =
        compile(
            bad(
                "  @KaimingInit static float[][] a;",
                "  @KaimingInit int b;",
                "  @KaimingInit(a = Double.NaN) float[][] c;"));
    assertThat(compilation).hadErrorCount(3);
  }

  /**
   * A superclass's invalid field is reported once, at the field; a subclass compiled with it is
   * invalid too, and gets no initializer that would fill the field as its own class cannot.
   */
  @Test
  void aSuperclassFieldsErrorIsReportedOnceAndTheSubclassGetsNoInitializer() throws Exception {
    JavaFileObject base =
        source(
            "layers.Base",
            "package layers;",
            "public class Base {",
            "  @dev.kinit.NormalInit(std = 0) float[][] w = new float[2][2];",
            "}");
    JavaFileObject sub =
        source(
            "layers.Sub",
            "package layers;",
            "public class Sub extends Base {",
            "  @dev.kinit.ZerosInit float[] b = new float[2];",
            "}");
    Compilation compilation = compile(base, sub);
    assertEquals(1, compilation.errors().size(), compilation.errors().toString());
    assertThat(compilation)
        .hadErrorContaining("[kinit.value-out-of-range] Base.w: std 0.0 is not a normal float")
        .inFile(base)
        .onLineContaining("std = 0");
    try (BatchCompiler batch = new BatchCompiler()) { // it keeps a failed run's output
      assertEquals(Map.of(), batch.compile(List.of(base, sub)).generatedSources());
    }
  }

  /**
   * A superclass from a library compiled without the processor was never checked: its field's error
   * is reported at the subclass that inherits it, the class being compiled.
   */
  @Test
  void aLibrarySuperclassFieldsErrorIsReportedAtTheSubclass(@TempDir Path classes)
      throws IOException {
    JavaFileObject base =
        source(
            "lib.Base",
            "package lib;",
            "public class Base {",
            "  @dev.kinit.NormalInit(std = 0) public float[][] w = new float[2][2];",
            "}");
    JavaFileObject sub =
        source(
            "layers.Sub",
            "package layers;",
            "public class Sub extends lib.Base {",
            "  @dev.kinit.ZerosInit float[] b = new float[2];",
            "}");
    Compilation compilation = compileAgainstLibrary(classes, base, sub);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[kinit.value-out-of-range] Base.w: std 0.0 is not a normal float; expected"
                + " Float.MIN_NORMAL (1.1754944E-38) <= std <= Float.MAX_VALUE (3.4028235E38)")
        .inFile(sub)
        .onLineContaining("class Sub");
  }

  /**
   * Compiles {@code source} with the processors against {@code library}, compiled first without
   * them (as a library built without kinit's processor) into {@code classes}.
   */
  private static Compilation compileAgainstLibrary(
      Path classes, JavaFileObject library, JavaFileObject source) throws IOException {
    Compilation compiled = Compiler.javac().compile(library);
    assertThat(compiled).succeeded();
    return Compiler.javac()
        .withProcessors(new LocalClassChecker(), new KaimingInitProcessor())
        .withClasspath(Compilations.classPathWith(compiled, classes))
        .compile(source);
  }

  /** A module of package {@code pkg}, {@code pkg.Leaf}, with a 2-D weight. */
  private static JavaFileObject leaf(String pkg) {
    return source(
        pkg + ".Leaf",
        "package " + pkg + ";",
        "public class Leaf {",
        "  @dev.kinit.KaimingInit public final float[][] weight = new float[2][2];",
        "}");
  }

  private static void assertChildUnreadable(
      String child, String why, JavaFileObject at, String line, JavaFileObject... sources) {
    Compilation compilation = compile(sources);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[kinit.child-unreadable] child "
                + child
                + " cannot be read by the generated NetInitializer: "
                + why
                + "; expected a field the initializer can read (not private), or a getter")
        .inFile(at)
        .onLineContaining(line);
  }

  /**
   * A child inherited from a network of another package is reported at the network whose
   * initializer cannot read it; the superclass's own initializer can.
   */
  @Test
  void aChildNotAccessibleFromTheNetworksPackage() {
    JavaFileObject base =
        source(
            "base.BaseNet",
            "package base;",
            "@dev.kinit.Network",
            "public class BaseNet {",
            "  final Leaf head = new Leaf();",
            "}");
    JavaFileObject net =
        source(
            "layers.Net",
            "package layers;",
            "@dev.kinit.Network",
            "public class Net extends base.BaseNet {}");
    assertChildUnreadable(
        "BaseNet.head",
        "it is not accessible from package layers",
        net,
        "class Net",
        leaf("base"),
        base,
        net);
  }

  @Test
  void aPrivateChildWhoseGetterIsPrivate() {
    JavaFileObject net =
        source(
            "layers.Net",
            "package layers;",
            "@dev.kinit.Network",
            "public class Net {",
            "  private final Leaf head = new Leaf();",
            "  private Leaf getHead() {",
            "    return head;",
            "  }",
            "}");
    assertChildUnreadable(
        "Net.head", "its getter getHead() is private", net, "Leaf head", leaf("layers"), net);
  }

  @Test
  void aPrivateChildWhoseGetterTheNetworkOverrides() {
    JavaFileObject base =
        source(
            "layers.BaseNet",
            "package layers;",
            "@dev.kinit.Network",
            "public class BaseNet {",
            "  private final Leaf head = new Leaf();",
            "  public Leaf getHead() {",
            "    return head;",
            "  }",
            "}");
    JavaFileObject net =
        source(
            "layers.Net",
            "package layers;",
            "@dev.kinit.Network",
            "public class Net extends BaseNet {",
            "  @Override",
            "  public Leaf getHead() {",
            "    return new Leaf();",
            "  }",
            "}");
    assertChildUnreadable(
        "BaseNet.head",
        "its getter getHead() is overridden in Net",
        net,
        "class Net",
        leaf("layers"),
        base,
        net);
  }

  /** As for a parameter ([kinit.field-unnameable]): a field hides the child from every class. */
  @Test
  void aChildNoClassTheInitializerCanNameReaches() {
    JavaFileObject pkgBase =
        source(
            "base.PkgBase",
            "package base;",
            "@dev.kinit.Network",
            "abstract class PkgBase {",
            "  public final Leaf head = new Leaf();",
            "}");
    JavaFileObject mid =
        source(
            "base.Mid",
            "package base;",
            "public class Mid extends PkgBase {",
            "  public int head;",
            "}");
    JavaFileObject net =
        source(
            "layers.Net",
            "package layers;",
            "@dev.kinit.Network",
            "public class Net extends base.Mid {}");
    assertChildUnreadable(
        "PkgBase.head",
        "in Net the name head denotes Mid.head",
        net,
        "class Net",
        leaf("base"),
        pkgBase,
        mid,
        net);
  }

  @Test
  void aChildOfAnUnresolvedTypeIsWaitedForAndReported() {
    JavaFileObject net =
        source(
            "layers.Net",
            "package layers;",
            "@dev.kinit.Network",
            "public class Net {",
            "  final Missing head = null;",
            "}");
    Compilation compilation = compile(net);
    assertThat(compilation)
        .hadErrorContaining(
            "[kinit.unresolved-type] type Missing, needed by child Net.head, could not be"
                + " resolved, so no initializer was generated")
        .inFile(net)
        .onLineContaining("Missing head");
  }

  /** Writes one source file in the first round, as another annotation processor would. */
  @SupportedAnnotationTypes("*")
  private static final class GeneratesSource extends AbstractProcessor {
    private final String name;
    private final String code;
    private boolean written;

    GeneratesSource(String name, String code) {
      this.name = name;
      this.code = code;
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!written) {
        written = true;
        try (Writer out = processingEnv.getFiler().createSourceFile(name).openWriter()) {
          out.write(code);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return false;
    }
  }

  private static long count(Compilation compilation, String tag) {
    return compilation.diagnostics().stream()
        .filter(d -> d.getMessage(null).startsWith(tag))
        .count();
  }

  @Test
  void childFromALibraryBuiltWithoutTheProcessor(@TempDir Path classes) throws IOException {
    JavaFileObject linear =
        source(
            "lib.Linear",
            "package lib;",
            "public class Linear {",
            "  @dev.kinit.KaimingInit public final float[][] weight = new float[4][4];",
            "}");
    JavaFileObject net =
        source(
            "layers.Net",
            "package layers;",
            "@dev.kinit.Network",
            "public class Net {",
            "  final lib.Linear head = new lib.Linear();",
            "}");
    Compilation compilation = compileAgainstLibrary(classes, linear, net);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[kinit.initializer-missing] Net.head holds Linear, which has kinit annotations but no"
                + " LinearInitializer on the class path: its library was compiled without kinit's"
                + " processor; expected the library built with kinit-processor on its processor"
                + " path")
        .inFile(net)
        .onLineContaining("lib.Linear head");
  }

  // Mutation testing (#17): JavacRule, JavacAnnotation, LocalClassScan, Rounds, JavacFrontEnd,
  // JavacChild, JavacField, JavacModule.

  /** A module {@code net.Leaf} with a 2-D weight, for the networks below. */
  private static final JavaFileObject NET_LEAF =
      source(
          "net.Leaf",
          "package net;",
          "public final class Leaf {",
          "  @dev.kinit.TorchDefaultInit public final float[][] weight = new float[3][2];",
          "}");

  /**
   * Of repeated rules, which javac's model does not place, each error points at the attribute at
   * fault in its own rule, or at that rule when the attribute is not written.
   */
  @Test
  void anErrorOfARepeatedRuleIsAtItsAttributeOrElseAtThatRule() {
    JavaFileObject net =
        source(
            "net.Net",
            "package net;",
            "import dev.kinit.*;",
            "@Network",
            "@Reinit(parameter = \"head.weight\", zeros = @ZerosInit, order = Traversal.APPLY)",
            "@Reinit(",
            "    zeros = @ZerosInit,",
            "    parameter = \"nothing\")",
            "public final class Net {",
            "  public final Leaf head = new Leaf();",
            "}");
    Compilation compilation = compile(NET_LEAF, net);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining(
            "[kinit.reinit-order-conflict] @Reinit(module = Object.class, parameter = \"nothing\")"
                + " visits modules in MODULES order, but another rule of pass 1 in Net, @Reinit("
                + "module = Object.class, parameter = \"head.weight\") visits them in APPLY order;"
                + " expected one order per pass")
        .inFile(net)
        .onLine(5);
    assertThat(compilation)
        .hadErrorContaining(
            "[kinit.reinit-matches-nothing] @Reinit(module = Object.class, parameter = \"nothing\")"
                + " matches no parameter of Net: no module of its tree that is a Object has a"
                + " parameter nothing; expected a module type and a parameter path of the tree")
        .inFile(net)
        .onLine(7);
  }

  /** A rule's initialisation's error is at the rule's attribute that holds it. */
  @Test
  void anErrorOfARulesInitialisationIsAtTheRulesAttribute() {
    JavaFileObject net =
        source(
            "net.Net",
            "package net;",
            "import dev.kinit.*;",
            "@Network",
            "@Reinit(parameter = \"head.weight\", normal = {",
            "    @NormalInit(std = 0)})",
            "public final class Net {",
            "  public final Leaf head = new Leaf();",
            "}");
    Compilation compilation = compile(NET_LEAF, net);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[kinit.value-out-of-range] @Reinit(module = Object.class, parameter = \"head.weight\")"
                + " on Leaf.weight: std 0.0 is not a normal float")
        .inFile(net)
        .onLine(4);
  }

  /** A file of the unnamed package is scanned for annotations in local classes like any other. */
  @Test
  void aLocalClassesFieldInTheUnnamedPackage() {
    JavaFileObject file =
        source(
            "Outer",
            "public class Outer {",
            "  void build() {",
            "    class Local {",
            "      @dev.kinit.KaimingInit float[][] w;",
            "    }",
            "  }",
            "}");
    assertOnlyErrors(
        file,
        "[kinit.unreachable-class] field w is in class Local, a local class, which generated code"
            + " cannot reach; expected the field in a top-level class or a non-private nested"
            + " class");
  }

  /**
   * An annotation of the user's that shares a kinit annotation's simple name is not kinit's:
   * neither another import nor another package makes it one.
   */
  @Test
  void aUsersOwnAnnotationWithAKinitNameInALocalClassIsNotKinits() {
    JavaFileObject file =
        source(
            "layers.Own",
            "package layers;",
            "import java.util.List;",
            "public class Own {",
            "  @interface KaimingInit {}",
            "  List<Object> build() {",
            "    class Local {",
            "      @KaimingInit float[][] w;",
            "    }",
            "    return List.of(new Local());",
            "  }",
            "}");
    Compilation compilation = compile(file);
    assertThat(compilation).succeededWithoutWarnings();
  }

  /**
   * Another processor that writes the initializer's name in the same round, unseen by kinit's check
   * of the round's sources, still makes the initializer's name taken, an error.
   */
  @Test
  void anInitializerNameWrittenByAnotherProcessorInTheSameRound() {
    JavaFileObject layer = bad("  @KaimingInit float[][] weight;");
    Compilation compilation =
        Compiler.javac()
            .withProcessors(
                new GeneratesSource(
                    "layers.BadInitializer", "package layers; class BadInitializer {}"),
                new KaimingInitProcessor())
            .compile(layer);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[kinit.initializer-exists] the initializer layers.BadInitializer of layers.Bad cannot"
                + " be written: another class has that name")
        .inFile(layer)
        .onLineContaining("public class Bad");
  }

  /**
   * A network's field of an interface that no class of the compilation with an initializer (a
   * network or a class with annotated fields) implements is no child, not an open module type.
   */
  @Test
  void anInterfaceOnlyPlainClassesImplementIsNoModuleType() {
    JavaFileObject shape =
        source("net.Shape", "package net;", "public interface Shape { int size(); }");
    JavaFileObject square =
        source(
            "net.Square",
            "package net;",
            "public final class Square implements Shape {",
            "  public int size() { return 4; }",
            "}");
    JavaFileObject net =
        source(
            "net.Net",
            "package net;",
            "@dev.kinit.Network",
            "public final class Net {",
            "  public final Leaf head = new Leaf();",
            "  public final Shape shape = new Square();",
            "}");
    assertGenerated("net.NetInitializer", NET_LEAF, shape, square, net);
  }

  /**
   * A child inherited from a library's network has no place in this compilation: its error is at
   * the subclass being compiled.
   */
  @Test
  void anInheritedChildsErrorIsAtTheSubclass(@TempDir Path classes) throws IOException {
    Compilation library =
        Compiler.javac()
            .compile(
                source(
                    "lib.Linear",
                    "package lib;",
                    "public class Linear {",
                    "  @dev.kinit.KaimingInit public final float[][] weight = new float[2][2];",
                    "}"),
                source(
                    "lib.BaseNet",
                    "package lib;",
                    "@dev.kinit.Network",
                    "public class BaseNet {",
                    "  public final Linear head = new Linear();",
                    "}"));
    assertThat(library).succeeded();
    JavaFileObject net =
        source(
            "layers.Net",
            "package layers;",
            "@dev.kinit.Network",
            "public class Net extends lib.BaseNet {}");
    Compilation compilation =
        Compiler.javac()
            .withProcessors(new LocalClassChecker(), new KaimingInitProcessor())
            .withClasspath(Compilations.classPathWith(library, classes))
            .compile(net);
    assertThat(compilation)
        .hadErrorContaining("[kinit.initializer-missing] BaseNet.head holds Linear")
        .inFile(net)
        .onLineContaining("class Net");
  }

  /** A bias of a weight its superclass declares is not declared before it. */
  @Test
  void aBiasOfAnInheritedWeightIsNotBeforeIt() {
    JavaFileObject base =
        source(
            "layers.Base",
            "package layers;",
            "public class Base {",
            "  @dev.kinit.TorchDefaultInit float[][] weight = new float[2][3];",
            "}");
    JavaFileObject head =
        source(
            "layers.Head",
            "package layers;",
            "public class Head extends Base {",
            "  @dev.kinit.TorchDefaultInit(biasOf = \"weight\") float[] bias = new float[2];",
            "}");
    assertGenerated("layers.HeadInitializer", base, head);
  }

  /**
   * Only kinit's own {@code @Generated} is claimed: another annotation of the class whose value
   * names kinit's processor does not make it kinit's.
   */
  @Test
  void anotherToolsGeneratedClassNamingKinitElsewhereIsLeftToItsProcessor() {
    JavaFileObject other =
        source(
            "layers.Tool",
            "package layers;",
            "@javax.annotation.processing.Generated(\"other.Tool\")",
            "@Tool.Note(\"not made by dev.kinit.processor.KaimingInitProcessor\")",
            "public class Tool {",
            "  @interface Note { String value(); }",
            "}");
    SeesGenerated after = new SeesGenerated();
    Compilation compilation =
        Compiler.javac()
            .withProcessors(new KaimingInitProcessor(), after)
            .compile(bad("  @KaimingInit float[][] weight;"), other);
    assertThat(compilation).succeeded();
    assertEquals(List.of("layers.Tool"), after.seen);
  }

  /**
   * A throwable that escapes the per-class handling (neither an exception nor an error, as Kotlin
   * code can throw) is still an error of the round, not a javac crash.
   */
  @Test
  void aThrowableOutsideAnyClassBecomesAnErrorOfTheRound() {
    Compilation compilation =
        Compiler.javac()
            .withProcessors(
                new KaimingInitProcessor(
                    layer -> DiagnosticsTest.<RuntimeException>sneakyThrow(new Throwable("bug"))))
            .compile(bad("  @KaimingInit float[][] weight;"));
    assertThat(compilation)
        .hadErrorContaining(
            "[kinit.internal-error] internal error while processing round: java.lang.Throwable:"
                + " bug at");
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> void sneakyThrow(Throwable t) throws E {
    throw (E) t;
  }

  // Issue 17, mutants of javac.Misplaced, Modules, Viewer, MemberReach, FieldLookup, Deprecations.

  /** A class, member or top-level, is named by its qualified name: there may be two Linears. */
  @Test
  void anAnnotatedClassIsNotAField() {
    JavaFileObject bad =
        source(
            "layers.Bad",
            "package layers;",
            "@dev.kinit.KaimingInit",
            "public class Bad {",
            "  @dev.kinit.KaimingInit float[][] weight = new float[2][2];",
            "}");
    assertOnlyErrors(
        bad,
        "[kinit.not-a-field] @KaimingInit is on class layers.Bad, which is not a field; expected it"
            + " on the float[] or double[] field to fill (in Kotlin: on the property, without"
            + " @get: or @param:)");
  }

  /**
   * Kotlin's {@code @property:} target puts the annotation on the synthetic method {@code
   * getWeight$annotations()}, which kapt's Java stubs show the processor as written here: the error
   * names the Kotlin property, not a method the user never wrote.
   */
  @Test
  void anAnnotationOnAKotlinPropertysAnnotationsMethodNamesTheProperty() {
    JavaFileObject bad =
        source(
            "layers.Bad",
            "package layers;",
            "public class Bad {",
            "  private final float[][] weight = new float[2][2];",
            "  @dev.kinit.KaimingInit",
            "  public static void getWeight$annotations() {}",
            "}");
    assertOnlyErrors(
        bad,
        "[kinit.not-a-field] @KaimingInit is on property Bad.weight (@property:), which is not a"
            + " field; expected it on the float[] or double[] field to fill (in Kotlin: on the"
            + " property, without @get: or @param:)");
  }

  /**
   * Only an accessor of a field with the same annotation (a record component's, or one written
   * twice by hand) is let pass: same name or its getter's, no parameters, the field's type.
   */
  @Test
  void anAnnotatedMethodIsAnAccessorOnlyOfAFieldWithTheSameAnnotation() {
    JavaFileObject accessor =
        source(
            "layers.Good",
            "package layers;",
            "import dev.kinit.KaimingInit;",
            "public class Good {",
            "  @KaimingInit private final float[][] weight = new float[2][2];",
            "  @KaimingInit public float[][] getWeight() { return weight; }",
            "}");
    Compilation compilation = compile(accessor);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("layers.GoodInitializer");
    JavaFileObject bad =
        source(
            "layers.Bad",
            "package layers;",
            "import dev.kinit.KaimingInit;",
            "public class Bad {",
            "  @KaimingInit final float[][] weight = new float[2][2];",
            "  @SuppressWarnings(\"unused\") final float[][] bias = new float[2][2];",
            "  @KaimingInit float[][] other() { return weight; }",
            "  @KaimingInit float[][] bias() { return bias; }",
            "  @KaimingInit void weight(float[][] w) {}",
            "}");
    assertOnlyErrors(
        bad,
        "[kinit.not-a-field] @KaimingInit is on method Bad.other(), which is not a field; expected"
            + " it on the float[] or double[] field to fill (in Kotlin: on the property, without"
            + " @get: or @param:)",
        "[kinit.not-a-field] @KaimingInit is on method Bad.bias(), which is not a field; expected"
            + " it on the float[] or double[] field to fill (in Kotlin: on the property, without"
            + " @get: or @param:)",
        "[kinit.not-a-field] @KaimingInit is on method Bad.weight(), which is not a field; expected"
            + " it on the float[] or double[] field to fill (in Kotlin: on the property, without"
            + " @get: or @param:)");
  }

  /**
   * A network's field of a type that is no module (an activation: an interface that only classes
   * without parameters implement, a plain class, a sealed type of those; an array of sizes) is not
   * a child, so even private and without a getter it is no error.
   */
  @Test
  void aFieldOfATypeNoModuleImplementsIsNotAChild() {
    JavaFileObject activation =
        source("layers.Activation", "package layers;", "public interface Activation {}");
    JavaFileObject relu =
        source(
            "layers.Relu", "package layers;", "public final class Relu implements Activation {}");
    JavaFileObject gate =
        source(
            "layers.Gate",
            "package layers;",
            "public sealed interface Gate permits Gate.Open, Gate.Shut {",
            "  final class Open implements Gate {}",
            "  final class Shut implements Gate {}",
            "}");
    JavaFileObject net =
        source(
            "layers.Net",
            "package layers;",
            "@dev.kinit.Network",
            "public class Net {",
            "  private final Activation activation = new Relu();",
            "  private final Relu relu = new Relu();",
            "  private final Gate gate = new Gate.Open();",
            "  private final java.util.List<Activation> activations = java.util.List.of();",
            "  private final int[] sizes = {2, 2};",
            "  @dev.kinit.KaimingInit final float[][] weight = new float[2][2];",
            "}");
    assertGenerated("layers.NetInitializer", activation, relu, gate, net);
  }

  /** {@code List<? extends Leaf>} holds modules as {@code List<Leaf>} does. */
  @Test
  void aListOfAWildcardBoundedByAModuleIsAChild() {
    JavaFileObject net =
        source(
            "layers.Net",
            "package layers;",
            "@dev.kinit.Network",
            "public class Net {",
            "  private final java.util.List<? extends Leaf> leaves = java.util.List.of();",
            "}");
    assertChildUnreadable(
        "Net.leaves",
        "it is private and has no getter getLeaves()",
        net,
        "leaves",
        leaf("layers"),
        net);
  }

  /**
   * An abstract module that is not sealed cannot be a child, though it has an initializer itself: a
   * subclass may add parameters that initializer does not know.
   */
  @Test
  void anAbstractModuleThatIsNotSealedIsNotAChildType() {
    JavaFileObject base =
        source(
            "layers.Base",
            "package layers;",
            "public abstract class Base {",
            "  @dev.kinit.KaimingInit final float[][] weight = new float[2][2];",
            "}");
    JavaFileObject net =
        source(
            "layers.Net",
            "package layers;",
            "@dev.kinit.Network",
            "public class Net {",
            "  final Base head = null;",
            "}");
    Compilation compilation = compile(base, net);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[kinit.child-not-sealed] Net.head holds Base, an interface or abstract class that is"
                + " not sealed, so which initializer an instance needs cannot be known at compile"
                + " time; expected Base sealed")
        .inFile(net)
        .onLineContaining("Base head");
  }

  /**
   * Modules in a container an initializer cannot plan (a container of containers, {@code
   * features.0.0.weight} in PyTorch, a {@code Map} of lists among them; a {@code Map} keyed by
   * other than {@code String}s; a {@code Set}, an {@code Optional}) are an error at the field's
   * line, whatever the depth, rather than a member left out; such containers of numbers are no
   * members, as before, and a {@code Map<String, Dense>} (a {@code ModuleDict}) is a member.
   */
  @Test
  void modulesInAContainerThatCannotBePlannedAreAnError() {
    JavaFileObject net =
        source(
            "layers.Net",
            "package layers;",
            "import java.util.*;",
            "@dev.kinit.Network",
            "public class Net {",
            "  static final class Dense {",
            "    @dev.kinit.KaimingInit final float[][] weight = new float[2][2];",
            "  }",
            "  final List<List<Dense>> lists = null;",
            "  final Dense[][] arrays = null;",
            "  final List<? extends Dense[]> mixed = null;",
            "  final List<List<List<Dense>>> deeper = null;",
            "  final Map<Integer, Dense> byName = null;",
            "  final Map<String, List<Dense>> byNameOfLists = null;",
            "  final Set<Dense> set = null;",
            "  final Optional<Dense> maybe = null;",
            "  final List<Map<String, Dense>> listOfMaps = null;",
            "  final List<List<Integer>> sizes = null;",
            "  final Map<String, Integer> counts = null;",
            "  final int[][] table = null;",
            "  final java.nio.file.Path path = null;",
            "  final List<Dense> fine = null;",
            "  final Map<String, Dense> dict = null;",
            "}");
    Compilation compilation = compile(net);
    List<String> fields =
        List.of(
            "lists",
            "arrays",
            "mixed",
            "deeper",
            "byName",
            "byNameOfLists",
            "set",
            "maybe",
            "listOfMaps");
    assertThat(compilation).hadErrorCount(fields.size());
    for (String field : fields) {
      assertThat(compilation)
          .hadErrorContaining(
              "[kinit.unsupported-container] Net."
                  + field
                  + " holds Dense in a container kinit cannot plan (a Set or other Collection, an"
                  + " Optional, a Map with keys other than String, or a List, array or Map of"
                  + " containers)")
          .inFile(net)
          .onLineContaining(" " + field + " = null");
    }
  }

  /**
   * A {@code @Name} that no path can hold, one another member of the class has (its superclass's
   * included, and whether or not that one is renamed), one on a field that is no member, and a
   * {@code @ConstructedBefore} naming a renamed member by its field; a member named by an index
   * where a container named {@code ""} gives its elements the indices, a second such container, one
   * constructed before another member: each an error at the annotation's value, and no initializer
   * for the network. A name that is another member's field name ({@code third}'s {@code first}) is
   * no clash: that member is named {@code 0}.
   */
  @Test
  void aNameThatCannotBeAMembersNameIsAnError() throws Exception {
    JavaFileObject base =
        source(
            "layers.Base",
            "package layers;",
            "import dev.kinit.*;",
            "public class Base {",
            "  @KaimingInit final float[][] weight = new float[2][2];",
            "}");
    JavaFileObject net =
        source(
            "layers.Net",
            "package layers;",
            "import dev.kinit.*;",
            "@Network",
            "public class Net extends Base {",
            "  @Name(\"a.b\") final Base dotted = new Base();",
            "  @Name(\"\") final Base empty = new Base();",
            "  @Name(\"x y\") final Base spaced = new Base();",
            "  @Name(\"0\") final Base first = new Base();",
            "  @Name(\"0\") final Base second = new Base();",
            "  @Name(\"weight\") final Base shadow = new Base();",
            "  @Name(\"first\") final Base third = new Base();",
            "  @Name(\"count\") int count = 2;",
            "  @ConstructedBefore(\"second\") final Base late = new Base();",
            "  @Name(\"spare\") final Base named = new Base();",
            "  final Base spare = new Base();",
            "}");
    JavaFileObject stage =
        source(
            "layers.Stage",
            "package layers;",
            "import dev.kinit.*;",
            "@Network",
            "public class Stage {",
            "  @Name(\"7\") final Base early = new Base();",
            "  @Name(\"\") final java.util.List<Base> blocks = java.util.List.of();",
            "  @Name(\"19\") final Base index = new Base();",
            "  @Name(\"\") @ConstructedBefore(\"index\") final Base[] more = {};",
            "}");
    Compilation compilation = compile(base, net, stage);
    assertThat(compilation).hadErrorCount(12);
    assertThat(compilation)
        .hadErrorContaining(
            "[kinit.name-taken] Net.spare is named \"spare\", as Net.named is") // at the @Name
        .inFile(net)
        .onLineContaining(" named = ");
    assertThat(compilation)
        .hadErrorContaining(
            "[kinit.name-taken] element 7 of Stage.blocks is named \"7\", as Stage.early is")
        .inFile(stage)
        .onLineContaining(" blocks = ");
    assertThat(compilation)
        .hadErrorContaining(
            "[kinit.name-taken] Stage.index is named \"19\", as element 19 of Stage.blocks is")
        .inFile(stage)
        .onLineContaining(" index = ");
    assertThat(compilation)
        .hadErrorContaining(
            "[kinit.name-taken] element 7 of Stage.more is named \"7\", as Stage.early is")
        .inFile(stage)
        .onLineContaining(" more = ");
    assertThat(compilation)
        .hadErrorContaining(
            "[kinit.constructed-before-elements] @ConstructedBefore on Stage.more, whose elements"
                + " are children of Stage named by their index (@Name(\"\")); expected it on a"
                + " member with a name of its own")
        .inFile(stage)
        .onLineContaining(" more = ");
    for (String[] invalid : new String[][] {{"a.b", "dotted"}, {"", "empty"}, {"x y", "spaced"}}) {
      assertThat(compilation)
          .hadErrorContaining(
              "[kinit.name-invalid] @Name(\""
                  + invalid[0]
                  + "\") on Net."
                  + invalid[1]
                  + " is no name a parameter path can hold; expected a name that is not empty and"
                  + " has no '.' (the separator of a path's names), whitespace or control"
                  + " character")
          .inFile(net)
          .onLineContaining(" " + invalid[1] + " = ");
    }
    assertThat(compilation)
        .hadErrorContaining(
            "[kinit.name-taken] Net.second is named \"0\", as Net.first is; expected a name no"
                + " other member of Net has (its superclasses' members included), since a module"
                + " has one member per name")
        .inFile(net)
        .onLineContaining(" second = ");
    assertThat(compilation)
        .hadErrorContaining("[kinit.name-taken] Net.shadow is named \"weight\", as Base.weight is")
        .inFile(net)
        .onLineContaining(" shadow = ");
    assertThat(compilation)
        .hadErrorContaining(
            "[kinit.name-not-a-member] @Name on Net.count, which is neither a parameter nor a child"
                + " module of Net; expected it on an array with an initialisation annotation, or on"
                + " a field of a @Network that holds a child module")
        .inFile(net)
        .onLineContaining(" count = 2");
    assertThat(compilation)
        .hadErrorContaining(
            "[kinit.constructed-before-unknown] @ConstructedBefore(\"second\") on Net.late names"
                + " no member of Net declared before it")
        .inFile(net)
        .onLineContaining(" late = ");
    try (BatchCompiler batch = new BatchCompiler()) { // it keeps a failed run's output
      assertEquals(
          Set.of("layers.BaseInitializer"),
          batch.compile(List.of(base, net, stage)).generatedSources().keySet());
    }
  }

  /**
   * A package-private field is inherited only through classes of its package (JLS 8.4.8): from
   * {@code a.Layer extends b.Mid extends a.Base}, {@code layer.weight} does not compile, so the
   * initializer reads {@code ((Base) layer).weight}.
   */
  @Test
  void aFieldInheritedThroughAnotherPackageIsReadThroughItsOwnClass() {
    JavaFileObject base =
        source(
            "a.Base",
            "package a;",
            "public class Base {",
            "  @dev.kinit.KaimingInit float[][] weight = new float[2][2];",
            "}");
    JavaFileObject mid = source("b.Mid", "package b;", "public class Mid extends a.Base {}");
    JavaFileObject layer =
        source(
            "a.Layer",
            "package a;",
            "public class Layer extends b.Mid {",
            "  @dev.kinit.KaimingInit float[][] head = new float[2][2];",
            "}");
    assertGenerated("a.LayerInitializer", base, mid, layer);
  }

  /**
   * A field deprecated with {@code since} but not for removal is suppressed in the initializer as
   * deprecated: under {@code -Xlint:all} a suppressed "removal" would leave its warning.
   */
  @Test
  void aFieldDeprecatedSinceAVersionGivesTheGeneratedCodeNoWarning() {
    JavaFileObject layer =
        source(
            "layers.Layer",
            "package layers;",
            "public class Layer {",
            "  @Deprecated(since = \"1.2\")",
            "  @dev.kinit.KaimingInit float[][] weight = new float[2][2];",
            "}");
    assertGenerated("layers.LayerInitializer", layer);
  }

  /**
   * {@code [kinit.field-unnameable]} gives javac's reason for {@code layer.weight}, the first site
   * tried: an interface constant of a superclass makes the name ambiguous there.
   */
  @Test
  void aFieldMadeAmbiguousByAnInterfaceConstantIsUnnameable() {
    JavaFileObject pkgBase =
        source(
            "base.PkgBase",
            "package base;",
            "abstract class PkgBase {",
            "  @dev.kinit.KaimingInit public float[][] weight = new float[2][2];",
            "}");
    JavaFileObject sizes =
        source("base.Sizes", "package base;", "public interface Sizes {", "  int weight = 1;", "}");
    JavaFileObject mid =
        source("base.Mid", "package base;", "public class Mid extends PkgBase implements Sizes {}");
    JavaFileObject layer =
        source(
            "layers.Layer",
            "package layers;",
            "public class Layer extends base.Mid {",
            "  @dev.kinit.KaimingInit float[][] head = new float[2][2];",
            "}");
    Compilation compilation = compile(pkgBase, sizes, mid, layer);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[kinit.field-unnameable] field PkgBase.weight cannot be named by the generated"
                + " LayerInitializer in package layers: in Layer the name weight is ambiguous, a"
                + " field of PkgBase and of Sizes; expected a field that the layer class, or a"
                + " superclass the initializer can name, reaches unambiguously, or a getter")
        .inFile(layer)
        .onLineContaining("class Layer");
  }

  // Issue 17, open mutants of GetterLookup, Viewer, FieldLookup, MemberReach, KaimingInitProcessor.

  /**
   * A class's method wins over an interface's default of the same signature (JLS 8.4.8): {@code
   * layer.getWeight()} calls {@code Base.getWeight()}, the private field's own getter, though the
   * layer also inherits {@code Shaped.getWeight()}.
   */
  @Test
  void aGetterInheritedFromAClassBeatsAnInterfacesDefault() {
    JavaFileObject base =
        source(
            "layers.Base",
            "package layers;",
            "public class Base {",
            "  @dev.kinit.KaimingInit private final float[][] weight = new float[2][2];",
            "  public float[][] getWeight() { return weight; }",
            "}");
    JavaFileObject shaped =
        source(
            "layers.Shaped",
            "package layers;",
            "public interface Shaped {",
            "  default float[][] getWeight() { return new float[2][2]; }",
            "}");
    JavaFileObject layer =
        source(
            "layers.Layer",
            "package layers;",
            "public class Layer extends Base implements Shaped {",
            "  @dev.kinit.KaimingInit float[][] head = new float[2][2];",
            "}");
    assertGenerated("layers.LayerInitializer", base, shaped, layer);
  }

  /**
   * The method {@code layer.getWeight()} calls is the class's override ({@code Mid}'s), not the
   * interface default the layer also inherits: the error names the override.
   */
  @Test
  void aGetterOverriddenInAClassIsTheOneCalledThoughAnInterfaceHasADefault() {
    JavaFileObject base =
        source(
            "layers.Base",
            "package layers;",
            "public class Base {",
            "  @dev.kinit.KaimingInit private final float[][] weight = new float[2][2];",
            "  public float[][] getWeight() { return weight; }",
            "}");
    JavaFileObject mid =
        source(
            "layers.Mid",
            "package layers;",
            "public class Mid extends Base {",
            "  @Override public float[][] getWeight() { return new float[2][2]; }",
            "}");
    JavaFileObject shaped =
        source(
            "layers.Accessors",
            "package layers;",
            "public interface Accessors {",
            "  default float[][] getWeight() { return new float[2][2]; }",
            "}");
    JavaFileObject layer =
        source(
            "layers.Layer",
            "package layers;",
            "public class Layer extends Mid implements Accessors {",
            "  @dev.kinit.KaimingInit float[][] head = new float[2][2];",
            "}");
    Compilation compilation = compile(base, mid, shaped, layer);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[kinit.getter-overridden] field Base.weight is private and the generated"
                + " LayerInitializer would read it through getWeight(), which Mid overrides, so it"
                + " would fill whatever the override returns; expected the field readable from"
                + " package layers (not private), or a getter that no subclass overrides")
        .inFile(layer)
        .onLineContaining("class Layer");
  }

  /**
   * A private field is not inherited (JLS 8.3), so in a subclass its name denotes the interface
   * constant of that name: {@code shapeFields} names {@code Sizes.n}, an int, not {@code Base}'s
   * long.
   */
  @Test
  void aPrivateFieldOfASuperclassLeavesItsNameToAnInterfaceConstant() {
    JavaFileObject base =
        source(
            "layers.Base", "package layers;", "public class Base {", "  private long n = 3;", "}");
    JavaFileObject sizes =
        source("layers.Sizes", "package layers;", "public interface Sizes {", "  int n = 4;", "}");
    JavaFileObject layer =
        source(
            "layers.Layer",
            "package layers;",
            "public class Layer extends Base implements Sizes {",
            "  @dev.kinit.KaimingInit(shapeFields = {\"n\", \"n\"})",
            "  float[] weight = new float[16];",
            "}");
    assertGenerated("layers.LayerInitializer", base, sizes, layer);
  }

  /**
   * Nor in a subclass nested in the same class, though there the private field is accessible (JLS
   * 6.6.1): javac's {@code int x = n;} in {@code Layer} compiles, reading {@code Sizes.n}.
   */
  @Test
  void aPrivateFieldOfANestmateSuperclassLeavesItsNameToAnInterfaceConstant() {
    JavaFileObject outer =
        source(
            "layers.Outer",
            "package layers;",
            "public class Outer {",
            "  public interface Sizes { int n = 4; }",
            "  public static class Base { private long n = 3; }",
            "  public static class Layer extends Base implements Sizes {",
            "    @dev.kinit.KaimingInit(shapeFields = {\"n\", \"n\"})",
            "    float[] weight = new float[16];",
            "  }",
            "}");
    assertGenerated("layers.Outer_LayerInitializer", outer);
  }

  /**
   * A protected field of a superclass in another package is accessible in the subclass, so with an
   * interface constant of the same name the name is ambiguous, as javac says of {@code n} there.
   */
  @Test
  void aProtectedFieldOfASuperclassAndAnInterfaceConstantAreAmbiguous() {
    JavaFileObject base =
        source("b.Base", "package b;", "public class Base {", "  protected int n = 3;", "}");
    JavaFileObject sizes =
        source("a.Sizes", "package a;", "public interface Sizes {", "  int n = 4;", "}");
    JavaFileObject layer =
        source(
            "a.Layer",
            "package a;",
            "public class Layer extends b.Base implements Sizes {",
            "  int m = 4;",
            "  @dev.kinit.KaimingInit(shapeFields = {\"n\", \"m\"})",
            "  float[] weight = new float[16];",
            "}");
    Compilation compilation = compile(base, sizes, layer);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[kinit.shape-field-missing] shapeFields of Layer.weight names \"n\", but Layer has no"
                + " field of that name; expected the name of an int field of Layer")
        .inFile(layer)
        .onLineContaining("shapeFields");
  }

  /**
   * A private class between the layer and the field's class cannot be named by the initializer: the
   * field, hidden in the layer, is read through its own class, {@code ((Outer.Base) layer).weight},
   * not through {@code Outer.Mid}.
   */
  @Test
  void aHiddenFieldIsNotReadThroughAPrivateClass() {
    JavaFileObject outer =
        source(
            "layers.Outer",
            "package layers;",
            "public class Outer {",
            "  public static class Base {",
            "    @dev.kinit.KaimingInit float[][] weight = new float[2][2];",
            "  }",
            "  private static class Mid extends Base {}",
            "  public static class Layer extends Mid {",
            "    @dev.kinit.KaimingInit float[][] weight = new float[2][2];",
            "  }",
            "}");
    assertGenerated("layers.Outer_LayerInitializer", outer);
  }

  /**
   * An interface constant that neither the layer (where a field hides it) nor its superclass (a
   * protected class of another package) can name for the initializer is read through its interface:
   * {@code Sizes.N}.
   */
  @Test
  void anInterfaceConstantIsReadThroughItsInterfaceWhenNoClassCanNameIt() {
    JavaFileObject sizes =
        source("b.Sizes", "package b;", "public interface Sizes {", "  int N = 4;", "}");
    JavaFileObject holder =
        source(
            "b.Holder",
            "package b;",
            "public class Holder {",
            "  protected static class Layer implements Sizes {",
            "    @dev.kinit.KaimingInit(shapeFields = {\"N\", \"N\"})",
            "    public float[] weight = new float[16];",
            "  }",
            "}");
    JavaFileObject outer =
        source(
            "a.Outer",
            "package a;",
            "public class Outer extends b.Holder {",
            "  public static class Sub extends b.Holder.Layer {",
            "    static final long N = 3;",
            "    @dev.kinit.KaimingInit float[][] head = new float[2][2];",
            "  }",
            "}");
    assertGenerated("a.Outer_SubInitializer", sizes, holder, outer);
  }

  /**
   * After a bug outside any one class kinit claims nothing, not even {@code @Generated}: it cannot
   * know whose it is, and another tool's processor still sees its class.
   */
  @Test
  void afterAnErrorOfTheRoundAnotherToolsGeneratedClassIsLeftToItsProcessor() {
    JavaFileObject other =
        source(
            "layers.Tool",
            "package layers;",
            "@javax.annotation.processing.Generated(\"other.Tool\")",
            "public class Tool {}");
    SeesGenerated after = new SeesGenerated();
    Compilation compilation =
        Compiler.javac()
            .withProcessors(
                new KaimingInitProcessor(
                    layer -> DiagnosticsTest.<RuntimeException>sneakyThrow(new Throwable("bug"))),
                after)
            .compile(bad("  @KaimingInit float[][] weight;"), other);
    assertThat(compilation)
        .hadErrorContaining("[kinit.internal-error] internal error while processing round");
    assertEquals(List.of("layers.Tool"), after.seen);
  }
}
