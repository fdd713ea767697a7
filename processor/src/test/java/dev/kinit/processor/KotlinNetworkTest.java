package dev.kinit.processor;

import static dev.kinit.processor.KotlinCompileTest.assertSucceeded;
import static dev.kinit.processor.KotlinCompileTest.call;
import static dev.kinit.processor.KotlinCompileTest.privateField;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.tschuchort.compiletesting.JvmCompilationResult;
import com.tschuchort.compiletesting.KotlinCompilation;
import com.tschuchort.compiletesting.SourceFile;
import dev.kinit.FanMode;
import dev.kinit.FloatTensor;
import dev.kinit.Init;
import dev.kinit.InitPlan;
import dev.kinit.Nonlinearity;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link NetworkTest}'s network written in Kotlin (input {@code networks}), through kapt and
 * through KSP: children read through getters, a nullable list of a Kotlin {@code sealed} interface
 * (its cases declared out of alphabetical order, an {@code object} among them) built before its
 * registration, tied weights, rules in two passes; and a network that extends an abstract one, with
 * an array of modules and a rule of its own. PyTorch's order: every module's own defaults in
 * construction order, then the rules, pass by pass, over the modules in registration order.
 */
@Tag("kotlin")
class KotlinNetworkTest {

  private static KotlinProcessing.Result compiled(KotlinProcessing processing) {
    KotlinProcessing.Result result = KotlinInputs.compile(processing, "networks");
    assertSucceeded(result);
    return result;
  }

  private static Object element(Object list, int i) {
    return ((List<?>) list).get(i);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(KotlinProcessing.class)
  void stepsRunInConstructionOrderThenTheRulesPassByPass(KotlinProcessing processing)
      throws Exception {
    InitPlan plan = (InitPlan) call(compiled(processing), "net.Build", "plan", 0);
    assertEquals(
        List.of(
            "stem.weight",
            // Block 0 builds its downsample first, though it registers it last.
            "blocks.0.downsample.0.weight",
            "blocks.0.downsample.1.weight",
            "blocks.0.downsample.1.bias",
            "blocks.0.conv1.weight",
            "blocks.0.bn1.weight",
            "blocks.0.bn1.bias",
            "blocks.1.conv1.weight",
            "blocks.1.bn1.weight",
            "blocks.1.bn1.bias",
            "fc.weight",
            "fc.bias",
            "tied.weight",
            // Pass 1, each module before its children, in registration order.
            "stem.weight",
            "blocks.0.conv1.weight",
            "blocks.0.downsample.0.weight",
            "blocks.1.conv1.weight",
            // Pass 2.
            "blocks.0.bn1.weight",
            "blocks.1.bn1.weight"),
        plan.steps().stream().map(InitPlan.Step::name).toList());
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(KotlinProcessing.class)
  void valuesAreTheRuntimesInThatOrder(KotlinProcessing processing) throws Exception {
    Object net = call(compiled(processing), "net.Build", "net", 8);

    RandomGenerator random = new SplittableRandom(8);
    Init torch = Init.torchDefaultWeight();
    Init kaiming = Init.kaimingNormal(FanMode.FAN_OUT, Nonlinearity.RELU.gain(0));
    float[][][][] stem = new float[4][3][3][3];
    float[][][][] down = new float[6][4][3][3];
    float[][][][] conv0 = new float[6][4][3][3];
    float[][][][] conv1 = new float[6][6][3][3];
    float[][] fc = new float[5][6];
    float[] fcBias = new float[5];
    torch.fill(FloatTensor.of(stem), random);
    torch.fill(FloatTensor.of(down), random);
    torch.fill(FloatTensor.of(conv0), random);
    torch.fill(FloatTensor.of(conv1), random);
    torch.fill(FloatTensor.of(fc), random);
    Init.torchDefaultBias(FloatTensor.of(fc)).fill(FloatTensor.of(fcBias), random);
    torch.fill(FloatTensor.of(fc), random); // tied: the second Linear draws again
    kaiming.fill(FloatTensor.of(stem), random);
    kaiming.fill(FloatTensor.of(conv0), random);
    kaiming.fill(FloatTensor.of(down), random);
    kaiming.fill(FloatTensor.of(conv1), random);

    Object block0 = element(privateField(net, "blocks"), 0);
    Object block1 = element(privateField(net, "blocks"), 1);
    Object downsample = privateField(block0, "downsample");
    assertArrayEquals(stem, (float[][][][]) privateField(privateField(net, "stem"), "weight"));
    assertArrayEquals(conv0, (float[][][][]) privateField(privateField(block0, "conv1"), "weight"));
    assertArrayEquals(down, (float[][][][]) privateField(element(downsample, 0), "weight"));
    assertArrayEquals(conv1, (float[][][][]) privateField(privateField(block1, "conv1"), "weight"));
    Object linear = privateField(net, "fc");
    assertArrayEquals(fc, (float[][]) privateField(linear, "weight"));
    assertArrayEquals(fcBias, (float[]) privateField(linear, "bias"));
    assertSame(privateField(linear, "weight"), privateField(privateField(net, "tied"), "weight"));
    // Pass 2 zeroes the blocks' bn1 weights; the downsample's norm keeps its ones.
    assertArrayEquals(new float[6], (float[]) privateField(privateField(block0, "bn1"), "weight"));
    float[] ones = new float[6];
    Arrays.fill(ones, 1);
    assertArrayEquals(ones, (float[]) privateField(element(downsample, 1), "weight"));
  }

  /** The superclass's members first, then the array's elements, then the subclass's rule. */
  @ParameterizedTest(name = "{0}")
  @EnumSource(KotlinProcessing.class)
  void aNetworkThatExtendsOneInitialisesTheSuperclassFirst(KotlinProcessing processing)
      throws Exception {
    Object wide = call(compiled(processing), "net.Build", "wide", 9);
    RandomGenerator random = new SplittableRandom(9);
    float[][][][] head0 = new float[2][4][3][3];
    float[][][][] head1 = new float[3][4][3][3];
    Init.torchDefaultWeight().fill(FloatTensor.of(head0), random);
    Init.torchDefaultWeight().fill(FloatTensor.of(head1), random);
    Object[] heads = (Object[]) privateField(wide, "heads");
    assertArrayEquals(head0, (float[][][][]) privateField(heads[0], "weight"));
    assertArrayEquals(head1, (float[][][][]) privateField(heads[1], "weight"));
    Object trunk = wide.getClass().getSuperclass().getDeclaredMethod("getTrunk").invoke(wide);
    float[] half = new float[4];
    Arrays.fill(half, 0.5f);
    assertArrayEquals(half, (float[]) privateField(trunk, "bias"));
  }

  /**
   * A member constructed before an optional parameter takes its place when the parameter is null; a
   * constructor property can be constructed before the one declared ahead of it.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(KotlinProcessing.class)
  void aMemberConstructedBeforeAnotherIsPlannedInItsPlace(KotlinProcessing processing)
      throws Exception {
    KotlinProcessing.Result result = compiled(processing);
    assertEquals(
        List.of("norm.weight", "norm.bias", "scale", "gate", "last.weight", "last.bias"),
        names(call(result, "net.Build", "gatedPlan", 0)));
    assertEquals(
        List.of("norm.weight", "norm.bias", "scale", "last.weight", "last.bias"),
        names(call(result, "net.Build", "ungatedPlan", 0)));
    assertEquals(
        List.of("scale", "norm.weight", "norm.bias"),
        names(call(result, "net.Build", "scaledPlan", 0)));
  }

  /**
   * A child whose type is a type parameter is planned as its bound: a class, or a sealed interface
   * dispatched over its cases; an unbounded one is no member.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(KotlinProcessing.class)
  void aChildOfATypeParameterIsPlannedAsItsBound(KotlinProcessing processing) throws Exception {
    assertEquals(
        List.of(
            "first.weight",
            "pieces.0.weight",
            "pieces.0.bias",
            "pieces.2.weight",
            "convs.0.weight"),
        names(call(compiled(processing), "net.Build", "stagePlan", 0)));
  }

  /** A generic superclass's property is of the type the subclass binds its type parameter to. */
  @ParameterizedTest(name = "{0}")
  @EnumSource(KotlinProcessing.class)
  void aSuperclassTypeParameterIsTheTypeTheSubclassBindsIt(KotlinProcessing processing)
      throws Exception {
    assertEquals(
        List.of("cell.gain", "cell.shift", "cells.0.gain", "cells.0.shift"),
        names(call(compiled(processing), "net.Build", "bigPlan", 0)));
  }

  /**
   * {@code @Name} on Kotlin properties (a constructor property among them) names them in the steps,
   * in {@code @ConstructedBefore} and in a rule's path; a list named {@code ""} holds the module's
   * own children; a {@code Map<String, …>} is a {@code ModuleDict} named by its keys.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(KotlinProcessing.class)
  void aPropertyIsNamedByItsNameAnnotation(KotlinProcessing processing) throws Exception {
    KotlinProcessing.Result result = compiled(processing);
    List<String> seq = List.of("in", "0.weight", "1.weight", "1.bias", "1.bias");
    assertEquals(seq, names(call(result, "net.Build", "seqPlan", 0)));
    assertEquals(
        seqs(List.of("0.", "1."), seq, "last.weight", "last.bias"),
        names(call(result, "net.Build", "seqsPlan", 0)));
    assertEquals(
        seqs(List.of("dict.z.", "dict.a."), seq, "n.weight", "n.bias"),
        names(call(result, "net.Build", "dictPlan", 0)));
  }

  /** {@code seq}'s steps behind each of {@code prefixes}, then {@code after}. */
  private static List<String> seqs(List<String> prefixes, List<String> seq, String... after) {
    List<String> steps = new java.util.ArrayList<>();
    for (String prefix : prefixes) {
      seq.forEach(step -> steps.add(prefix + step));
    }
    steps.addAll(List.of(after));
    return steps;
  }

  /**
   * A superclass from a library (class files of kotlinc) keeps its members' {@code @Name}s: a
   * subclass member is constructed before an inherited one by its name.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(KotlinProcessing.class)
  void aLibrarySuperclassKeepsItsNames(KotlinProcessing processing) throws Exception {
    KotlinCompilation library = new KotlinCompilation();
    library.setSources(
        List.of(
            SourceFile.Companion.kotlin(
                "Base.kt",
                """
                package lib
                import dev.kinit.Name
                import dev.kinit.Network
                import dev.kinit.OnesInit
                @Network
                open class Base { @Name("0") @OnesInit val scale = FloatArray(2) }
                """,
                false)));
    library.setInheritClassPath(true);
    library.setMessageOutputStream(OutputStream.nullOutputStream());
    JvmCompilationResult compiled = library.compile();
    assertEquals(KotlinCompilation.ExitCode.OK, compiled.getExitCode(), compiled.getMessages());
    KotlinProcessing.Result result =
        processing.compile(
            List.of(compiled.getOutputDirectory()),
            "Sub.kt",
            """
            package net
            import dev.kinit.ConstructedBefore
            import dev.kinit.Network
            import dev.kinit.ZerosInit
            import java.util.random.RandomGenerator
            @Network
            class Sub : lib.Base() { @ConstructedBefore("0") @ZerosInit val gate = FloatArray(3) }
            object Build { fun plan(random: RandomGenerator) = SubInitializer.plan(Sub()) }
            """);
    assertSucceeded(result);
    assertEquals(List.of("gate", "0"), names(call(result, "net.Build", "plan", 0)));
  }

  private static List<String> names(Object plan) {
    return ((InitPlan) plan).steps().stream().map(InitPlan.Step::name).toList();
  }
}
