package dev.kinit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.kinit.processor.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.kinit.InitPlan;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Which parameters of a network's tree a {@code @Reinit} rule reaches at compile time, and what a
 * rule may say: a rule that reaches a parameter compiles and re-initialises it, one that reaches
 * none, or one that cannot fit a parameter it reaches, is an error at the rule.
 */
class ReinitTest {

  /** A module with a 2-D weight. */
  private static final JavaFileObject LEAF =
      source(
          "net.Leaf",
          "package net;",
          "import dev.kinit.*;",
          "public final class Leaf implements Piece {",
          "  @TorchDefaultInit public final float[][] weight = new float[3][2];",
          "}");

  /** A module with a 1-D weight, which no fan-based initialisation can fill. */
  private static final JavaFileObject VEC =
      source(
          "net.Vec",
          "package net;",
          "import dev.kinit.*;",
          "public final class Vec implements Piece {",
          "  @ZerosInit public final float[] weight = new float[3];",
          "}");

  private static final JavaFileObject PIECE =
      source("net.Piece", "package net;", "public sealed interface Piece permits Leaf, Vec {}");

  /** The network {@code net.Net} with the given rules (annotation lines) and members. */
  private static JavaFileObject net(List<String> rules, String... members) {
    List<String> lines = new java.util.ArrayList<>();
    lines.add("package net;");
    lines.add("import dev.kinit.*;");
    lines.add("import java.util.List;");
    lines.add("@Network");
    lines.addAll(rules);
    lines.add("public final class Net {");
    lines.addAll(List.of(members));
    lines.add("}");
    return source("net.Net", lines.toArray(String[]::new));
  }

  /** Flat weights: one with a constant shape, one whose shape is read from its fields. */
  private static final JavaFileObject FLAT =
      source(
          "net.Flat",
          "package net;",
          "import dev.kinit.*;",
          "public final class Flat {",
          "  public final int out = 3;",
          "  public final int in = 2;",
          "  @KaimingInit(shape = {3, 2}) public final float[] constant = new float[6];",
          "  @KaimingInit(shapeFields = {\"out\", \"in\"}) public final float[] fields ="
              + " new float[6];",
          "  @ZerosInit public final float[] vector = new float[6];",
          "}");

  private static Compilation compile(JavaFileObject net) {
    return Compiler.javac()
        .withProcessors(new LocalClassChecker(), new KaimingInitProcessor())
        .withOptions("-Xlint:all", "-Werror")
        .compile(LEAF, VEC, PIECE, FLAT, net);
  }

  /** The names of the steps of the compiled network's plan, defaults then rules. */
  private static List<String> steps(Compilation compilation) throws Exception {
    assertThat(compilation).succeededWithoutWarnings();
    CompiledClasses classes = new CompiledClasses(compilation);
    Class<?> type = classes.loadClass("net.Net");
    Object net = type.getConstructor().newInstance();
    InitPlan plan =
        (InitPlan)
            classes.loadClass("net.NetInitializer").getMethod("plan", type).invoke(null, net);
    return plan.steps().stream().map(InitPlan.Step::name).toList();
  }

  private static void assertRuleError(JavaFileObject net, String text) {
    Compilation compilation = compile(net);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(text).inFile(net).onLineContaining("@Reinit(");
  }

  @Test
  void aPathThroughANamedChildIsCheckedAgainstThatChildOnly() throws Exception {
    // A Kaiming rule on the sibling's 1-D weight would be an error: the path names "a" alone.
    List<String> steps =
        steps(
            compile(
                net(
                    List.of("@Reinit(parameter = \"a.weight\", kaiming = @KaimingInit)"),
                    "  public final Leaf a = new Leaf();",
                    "  public final Vec b = new Vec();")));
    assertEquals(List.of("a.weight", "b.weight", "a.weight"), steps);
  }

  @Test
  void aPathThroughAListTakesAnyIndexAsItsElements() throws Exception {
    List<String> steps =
        steps(
            compile(
                net(
                    List.of("@Reinit(parameter = \"items.1.weight\", kaiming = @KaimingInit)"),
                    "  public final List<Leaf> items = List.of(new Leaf(), new Leaf());")));
    assertEquals(List.of("items.0.weight", "items.1.weight", "items.1.weight"), steps);
  }

  @Test
  void aPathThroughAListNeedsAnIndex() {
    for (String path : List.of("items.weight", "items..weight", "items.x.weight")) {
      assertRuleError(
          net(
              List.of("@Reinit(parameter = \"" + path + "\", zeros = @ZerosInit)"),
              "  public final List<Leaf> items = List.of(new Leaf());"),
          "[kinit.reinit-matches-nothing] @Reinit(module = Object.class, parameter = \""
              + path
              + "\") matches no parameter of Net: no module of its tree that is a Object has a"
              + " parameter "
              + path
              + "; expected a module type and a parameter path of the tree");
    }
  }

  @Test
  void aPathThroughASealedListReachesEveryPermittedModule() throws Exception {
    List<String> steps =
        steps(
            compile(
                net(
                    List.of("@Reinit(parameter = \"pieces.0.weight\", zeros = @ZerosInit)"),
                    "  public final List<Piece> pieces = List.of(new Leaf(), new Vec());")));
    assertEquals(
        List.of("pieces.0.weight", "pieces.1.weight", "pieces.0.weight"), steps, "Leaf's, then");
  }

  @Test
  void aModuleTypeReachedOnlyThroughASealedChildIsMatched() throws Exception {
    List<String> steps =
        steps(
            compile(
                net(
                    List.of(
                        "@Reinit(module = Leaf.class, parameter = \"weight\","
                            + " kaiming = @KaimingInit)"),
                    "  public final List<Piece> pieces = List.of(new Vec(), new Leaf());")));
    assertEquals(List.of("pieces.0.weight", "pieces.1.weight", "pieces.1.weight"), steps);
  }

  @Test
  void aRuleMustFitEveryParameterItReaches() {
    assertRuleError(
        net(
            List.of("@Reinit(parameter = \"weight\", kaiming = @KaimingInit)"),
            "  public final Leaf a = new Leaf();",
            "  public final Vec b = new Vec();"),
        "[kinit.rank-not-supported] @KaimingInit cannot initialise @Reinit(module = Object.class,"
            + " parameter = \"weight\") on Vec.weight, which has 1 dimension(s)");
  }

  /**
   * A rule that reaches only parameters of a rank its initialisation rejects still has its own
   * attributes checked, as a field's annotation does: both errors are reported at the rule, so that
   * one build shows what to fix.
   */
  @Test
  void aRankErrorDoesNotHideTheRulesOtherErrors() {
    JavaFileObject net =
        net(
            List.of(
                "@Reinit(module = Vec.class, parameter = \"weight\","
                    + " kaiming = @KaimingInit(a = Double.NaN))"),
            "  public final Vec b = new Vec();");
    Compilation compilation = compile(net);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining(
            "[kinit.rank-not-supported] @KaimingInit cannot initialise @Reinit(module = Vec.class,"
                + " parameter = \"weight\") on Vec.weight, which has 1 dimension(s)")
        .inFile(net)
        .onLineContaining("@Reinit(");
    assertThat(compilation)
        .hadErrorContaining("[kinit.a-not-finite] a = NaN for @Reinit(module = Vec.class,")
        .inFile(net)
        .onLineContaining("@Reinit(");
  }

  @Test
  void theFewestAndMostDimensionsOfAnInitialisationAreAccepted() throws Exception {
    // Kaiming needs at least two dimensions, eye exactly two, and Keras' layout none.
    List<String> steps =
        steps(
            compile(
                net(
                    List.of(
                        "@Reinit(module = Leaf.class, parameter = \"weight\","
                            + " kaiming = @KaimingInit)",
                        "@Reinit(pass = 2, module = Leaf.class, parameter = \"weight\","
                            + " eye = @EyeInit)",
                        "@Reinit(module = Vec.class, parameter = \"weight\","
                            + " varianceScaling = @VarianceScalingInit(layout = WeightLayout.KERAS))"),
                    "  public final Leaf a = new Leaf();",
                    "  public final Vec b = new Vec();")));
    assertEquals(List.of("a.weight", "b.weight", "a.weight", "b.weight", "a.weight"), steps);
  }

  @Test
  void aFlatParameterHasTheDimensionsOfItsOwnShape() throws Exception {
    List<String> steps =
        steps(
            compile(
                net(
                    List.of(
                        "@Reinit(parameter = \"flat.constant\", kaiming = @KaimingInit)",
                        "@Reinit(parameter = \"flat.fields\", kaiming = @KaimingInit)"),
                    "  public final Flat flat = new Flat();")));
    assertEquals(
        List.of("flat.constant", "flat.fields", "flat.vector", "flat.constant", "flat.fields"),
        steps);
    assertRuleError(
        net(
            List.of("@Reinit(parameter = \"flat.vector\", kaiming = @KaimingInit)"),
            "  public final Flat flat = new Flat();"),
        "[kinit.rank-not-supported] @KaimingInit cannot initialise @Reinit(module = Object.class,"
            + " parameter = \"flat.vector\") on Flat.vector, which has 1 dimension(s)");
  }

  @Test
  void aValueIsCheckedAgainstTheElementTypeOfTheParameter() throws Exception {
    // 1e300 fits a double, not a float.
    List<String> steps =
        steps(
            compile(
                net(
                    List.of("@Reinit(parameter = \"weight\", constant = @ConstantInit(1e300))"),
                    "  @ZerosInit public final double[] weight = new double[3];")));
    assertEquals(List.of("weight", "weight"), steps);
    Compilation floats =
        compile(
            net(
                List.of("@Reinit(parameter = \"weight\", constant = @ConstantInit(1e300))"),
                "  @ZerosInit public final float[] weight = new float[3];"));
    assertThat(floats).hadErrorCount(1);
  }

  /**
   * A rule's value that the runtime would reject for a parameter it reaches is reported at the
   * attribute of the rule that gives it, naming the rule and the parameter.
   */
  @Test
  void aRulesValueIsReportedAtItsAttributeUnderTheRuleAndTheParameter() {
    JavaFileObject net =
        net(
            List.of("@Reinit(parameter = \"a.weight\",", "    normal = @NormalInit(std = 0))"),
            "  public final Leaf a = new Leaf();");
    Compilation compilation = compile(net);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[kinit.value-out-of-range] @Reinit(module = Object.class, parameter = \"a.weight\")"
                + " on Leaf.weight: std 0.0 is not a normal float; expected Float.MIN_NORMAL"
                + " (1.1754944E-38) <= std <= Float.MAX_VALUE (3.4028235E38)")
        .inFile(net)
        .onLineContaining("std = 0");
  }

  @Test
  void aParameterInheritedByTwoModuleTypesIsReportedOnce() {
    JavaFileObject base =
        source(
            "net.Base",
            "package net;",
            "import dev.kinit.*;",
            "public abstract class Base {",
            "  @ZerosInit public final float[] weight = new float[3];",
            "}");
    JavaFileObject first =
        source("net.First", "package net;", "public final class First extends Base {}");
    JavaFileObject second =
        source("net.Second", "package net;", "public final class Second extends Base {}");
    Compilation compilation =
        Compiler.javac()
            .withProcessors(new LocalClassChecker(), new KaimingInitProcessor())
            .compile(
                base,
                first,
                second,
                net(
                    List.of("@Reinit(parameter = \"weight\", kaiming = @KaimingInit)"),
                    "  public final First a = new First();",
                    "  public final Second b = new Second();"));
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[kinit.rank-not-supported] @KaimingInit cannot initialise")
        .inFile(compilation.sourceFiles().get(3))
        .onLineContaining("@Reinit(");
  }

  @Test
  void torchsLayoutOfVarianceScalingNeedsTwoDimensions() {
    assertRuleError(
        net(
            List.of(
                "@Reinit(module = Vec.class, parameter = \"weight\","
                    + " varianceScaling = @VarianceScalingInit)"),
            "  public final Vec b = new Vec();"),
        "[kinit.rank-not-supported] @VarianceScalingInit cannot initialise @Reinit(module ="
            + " Vec.class, parameter = \"weight\") on Vec.weight, which has 1 dimension(s)");
  }

  @Test
  void aRulesGainIsAConstant() {
    for (String attribute : List.of("nonlinearityField", "slopeField")) {
      assertRuleError(
          net(
              List.of(
                  "@Reinit(parameter = \"weight\", kaiming = @KaimingInit("
                      + attribute
                      + " = \"act\"))"),
              "  public final Leaf weightHolder = new Leaf();",
              "  @TorchDefaultInit public final float[][] weight = new float[3][2];",
              "  public final Nonlinearity act = Nonlinearity.RELU;"),
          "[kinit.reinit-attribute] @Reinit(module = Object.class, parameter = \"weight\"): "
              + attribute
              + " is not allowed in a rule, since a rule's gain is a constant (a nonlinearity and"
              + " a); expected it left out");
    }
  }

  @Test
  void aRuleDoesNotInitialiseABias() {
    assertRuleError(
        net(
            List.of(
                "@Reinit(parameter = \"bias\","
                    + " torchDefault = @TorchDefaultInit(biasOf = \"weight\"))"),
            "  @TorchDefaultInit public final float[][] weight = new float[3][2];",
            "  @TorchDefaultInit(biasOf = \"weight\") public final float[] bias = new float[3];"),
        "[kinit.reinit-attribute] @Reinit(module = Object.class, parameter = \"bias\"): biasOf is"
            + " not allowed in a rule, since a rule re-initialises a weight (use zeros or uniform"
            + " for biases); expected it left out");
  }

  @Test
  void anEmptyNameIsNoNamedAttribute() throws Exception {
    // An empty string is each attribute's default: written out, it still says nothing.
    List<String> steps =
        steps(
            compile(
                net(
                    List.of(
                        "@Reinit(parameter = \"weight\", kaiming = @KaimingInit("
                            + "nonlinearityField = \"\", slopeField = \"\"))"),
                    "  @TorchDefaultInit public final float[][] weight = new float[3][2];")));
    assertEquals(List.of("weight", "weight"), steps);
  }
}
