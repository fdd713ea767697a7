package dev.kinit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.kinit.processor.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.kinit.FanMode;
import dev.kinit.FloatTensor;
import dev.kinit.Init;
import dev.kinit.InitPlan;
import dev.kinit.Nonlinearity;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A network through the processor: children (one, a list, a sealed list with an empty module), an
 * absent (null) child, a member constructed before its registration, tied weights, and rules in two
 * passes. The generated initializer runs PyTorch's order: every module's own defaults in
 * construction order, then the rules, pass by pass, over the modules in registration order.
 */
class NetworkTest {

  private static final JavaFileObject CONV =
      source(
          "net.Conv",
          "package net;",
          "import dev.kinit.*;",
          "public final class Conv implements Piece {",
          "  @TorchDefaultInit public final float[][][][] weight;",
          "  public Conv(int out, int in) { weight = new float[out][in][3][3]; }",
          "}");
  private static final JavaFileObject NORM =
      source(
          "net.Norm",
          "package net;",
          "import dev.kinit.*;",
          "public final class Norm implements Piece {",
          "  @OnesInit public final float[] weight;",
          "  @ZerosInit public final float[] bias;",
          "  public Norm(int n) { weight = new float[n]; bias = new float[n]; }",
          "}");
  private static final JavaFileObject RELU =
      source("net.Relu", "package net;", "public final class Relu implements Piece {}");
  private static final JavaFileObject PIECE =
      source(
          "net.Piece", "package net;", "public sealed interface Piece permits Conv, Norm, Relu {}");
  private static final JavaFileObject LINEAR =
      source(
          "net.Linear",
          "package net;",
          "import dev.kinit.*;",
          "import org.jspecify.annotations.Nullable;",
          "public final class Linear {",
          "  @TorchDefaultInit public final float[][] weight;",
          "  @TorchDefaultInit(biasOf = \"weight\") public final float @Nullable [] bias;",
          "  public Linear(float[][] weight, boolean bias) {",
          "    this.weight = weight;",
          "    this.bias = bias ? new float[weight.length] : null;",
          "  }",
          "}");
  private static final JavaFileObject BLOCK =
      source(
          "net.Block",
          "package net;",
          "import dev.kinit.*;",
          "import java.util.List;",
          "@Network",
          "public final class Block {",
          "  public final Conv conv1;",
          "  public final Norm bn1;",
          "  @ConstructedBefore(\"conv1\") public final List<Piece> downsample;",
          "  public Block(int in, int out) {",
          "    this(in, out, in == out ? null : List.of(new Conv(out, in), new Norm(out), new Relu()));",
          "  }",
          "  public Block(int in, int out, List<Piece> downsample) {",
          "    conv1 = new Conv(out, in);",
          "    bn1 = new Norm(out);",
          "    this.downsample = downsample;",
          "  }",
          "}");
  private static final JavaFileObject NET =
      source(
          "net.Net",
          "package net;",
          "import static dev.kinit.FanMode.FAN_OUT;",
          "import static dev.kinit.Nonlinearity.RELU;",
          "import dev.kinit.*;",
          "import java.util.List;",
          "@Network",
          "@Reinit(module = Conv.class, parameter = \"weight\",",
          "    kaiming = @KaimingInit(mode = FAN_OUT, nonlinearity = RELU))",
          "@Reinit(pass = 2, module = Block.class, parameter = \"bn1.weight\", zeros = @ZerosInit)",
          "public final class Net {",
          "  public final Conv stem = new Conv(4, 3);",
          "  public final int width = 4;",
          "  public final List<Block> blocks = List.of(new Block(4, 6), new Block(6, 6));",
          "  public final Linear fc = new Linear(new float[5][6], true);",
          "  public final Linear tied = new Linear(fc.weight, false);",
          "}");

  private static CompiledClasses compiled() {
    return compiled(CONV, NORM, RELU, PIECE, LINEAR, BLOCK, NET);
  }

  /** {@code sources} compiled with the processor under {@code -Xlint:all -Werror}. */
  private static CompiledClasses compiled(JavaFileObject... sources) {
    Compilation compilation =
        Compiler.javac()
            .withProcessors(new LocalClassChecker(), new KaimingInitProcessor())
            .withOptions("-Xlint:all", "-Werror")
            .compile(sources);
    assertThat(compilation).succeededWithoutWarnings();
    return new CompiledClasses(compilation);
  }

  /** The plan of {@code net}, by its generated initializer. */
  private static InitPlan plan(CompiledClasses classes, Object net)
      throws ReflectiveOperationException {
    return (InitPlan)
        classes
            .loadClass(net.getClass().getName() + "Initializer")
            .getMethod("plan", net.getClass())
            .invoke(null, net);
  }

  private static Object get(Object object, String field) throws ReflectiveOperationException {
    Field f = object.getClass().getField(field);
    return f.get(object);
  }

  private static Object element(Object list, int i) {
    return ((List<?>) list).get(i);
  }

  @Test
  void stepsRunInConstructionOrderThenTheRulesPassByPass() throws Exception {
    CompiledClasses classes = compiled();
    Object net = classes.loadClass("net.Net").getConstructor().newInstance();
    InitPlan plan = plan(classes, net);
    List<String> names = plan.steps().stream().map(InitPlan.Step::name).toList();
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
        names);
  }

  @Test
  void valuesAreTheRuntimesInThatOrder() throws Exception {
    CompiledClasses classes = compiled();
    Object net = classes.loadClass("net.Net").getConstructor().newInstance();
    classes
        .loadClass("net.NetInitializer")
        .getMethod("initialize", net.getClass(), RandomGenerator.class)
        .invoke(null, net, new SplittableRandom(8));

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

    Object block0 = element(get(net, "blocks"), 0);
    Object block1 = element(get(net, "blocks"), 1);
    assertArrayEquals(stem, (float[][][][]) get(get(net, "stem"), "weight"));
    assertArrayEquals(conv0, (float[][][][]) get(get(block0, "conv1"), "weight"));
    assertArrayEquals(down, (float[][][][]) get(element(get(block0, "downsample"), 0), "weight"));
    assertArrayEquals(conv1, (float[][][][]) get(get(block1, "conv1"), "weight"));
    assertArrayEquals(fc, (float[][]) get(get(net, "fc"), "weight"));
    assertArrayEquals(fcBias, (float[]) get(get(net, "fc"), "bias"));
    assertSame(get(get(net, "fc"), "weight"), get(get(net, "tied"), "weight"));
    // Pass 2 zeroes the blocks' bn1 weights; the downsample's norm keeps its ones.
    assertArrayEquals(new float[6], (float[]) get(get(block0, "bn1"), "weight"));
    float[] ones = {1, 1, 1, 1, 1, 1};
    assertArrayEquals(ones, (float[]) get(element(get(block0, "downsample"), 1), "weight"));
  }

  @Test
  void theDescriptionNamesEachParameterOnceWithItsFillNumber() throws Exception {
    CompiledClasses classes = compiled();
    Object net = classes.loadClass("net.Net").getConstructor().newInstance();
    InitPlan plan = plan(classes, net);
    List<String> names = new ArrayList<>();
    for (InitPlan.Parameter parameter : plan.parameters()) {
      names.add(parameter.name());
    }
    assertEquals(
        List.of(
            "stem.weight",
            "blocks.0.conv1.weight",
            "blocks.0.bn1.weight",
            "blocks.0.bn1.bias",
            "blocks.0.downsample.0.weight",
            "blocks.0.downsample.1.weight",
            "blocks.0.downsample.1.bias",
            "blocks.1.conv1.weight",
            "blocks.1.bn1.weight",
            "blocks.1.bn1.bias",
            "fc.weight",
            "fc.bias"),
        names);
    InitPlan.Parameter fc = plan.parameters().get(10);
    assertEquals(List.of("tied.weight"), fc.alsoNamed());
    // Seven steps draw before the stem's Kaiming re-draw: stem, down, conv0, conv1, fc, its bias,
    // tied.
    assertEquals(7, plan.parameters().get(0).last().fill());
    String text = plan.describe();
    assertTrue(text.contains("tied: Linear\n    weight [5, 6]  tied to fc.weight"), text);
    assertTrue(text.contains("      downsample: List\n        0: Conv"), text);
  }

  private static final JavaFileObject BASE =
      source(
          "net.Base",
          "package net;",
          "import dev.kinit.*;",
          "@Network",
          "@Reinit(module = Conv.class, parameter = \"weight\", zeros = @ZerosInit)",
          "public abstract class Base {",
          "  public final Conv conv = new Conv(2, 2);",
          "}");
  private static final JavaFileObject DERIVED =
      source(
          "net.Derived",
          "package net;",
          "import dev.kinit.*;",
          "@Network",
          "@Reinit(pass = 2, module = Norm.class, parameter = \"weight\", zeros = @ZerosInit)",
          "public final class Derived extends Base {",
          "  public final Norm norm = new Norm(2);",
          "}");

  /**
   * An abstract network, a base class whose subclasses share its scheme, has rules checked against
   * its own tree (they once matched nothing there, its type being open as a child's would be); its
   * rules run after its members, its subclass's after theirs.
   */
  @Test
  void anAbstractNetworksRulesReachItsTreeAndRunBeforeItsSubclassMembers() throws Exception {
    CompiledClasses classes = compiled(CONV, NORM, RELU, PIECE, BASE, DERIVED);
    Object net = classes.loadClass("net.Derived").getConstructor().newInstance();
    InitPlan plan = plan(classes, net);
    assertEquals(
        List.of("conv.weight", "conv.weight", "norm.weight", "norm.bias", "norm.weight"),
        plan.steps().stream().map(InitPlan.Step::name).toList());
    assertEquals(Init.zeros(), plan.steps().get(1).init());
  }

  private static final JavaFileObject DENSE =
      source(
          "net.Dense",
          "package net;",
          "import dev.kinit.*;",
          "public class Dense {",
          "  @NormalInit(std = 0.5) public final float[][] weight = new float[3][2];",
          "}");
  private static final JavaFileObject GATED_DENSE =
      source(
          "net.GatedDense",
          "package net;",
          "import dev.kinit.*;",
          "public class GatedDense extends Dense {",
          "  @OnesInit public final float[] gate = new float[3];",
          "}");
  private static final JavaFileObject NAMED_DENSE =
      source("net.NamedDense", "package net;", "public class NamedDense extends Dense {}");
  private static final JavaFileObject HOLDER =
      source(
          "net.Holder",
          "package net;",
          "import dev.kinit.*;",
          "@Network",
          "public class Holder {",
          "  public final Dense first;",
          "  public final Dense second;",
          "  public Holder(Dense first, Dense second) {",
          "    this.first = first;",
          "    this.second = second;",
          "  }",
          "}");

  /**
   * A field of a concrete class type holding an instance of a subclass: a subclass with no
   * initializer of its own is initialised as the field's class, one with its own (more parameters
   * or rules) is refused before anything is written, whether through a network or called directly,
   * since the field's initializer would miss what the subclass adds.
   */
  @Test
  void aSubclassWithItsOwnInitializerIsNotInitialisedAsItsSuperclass() throws Exception {
    CompiledClasses classes = compiled(DENSE, GATED_DENSE, NAMED_DENSE, HOLDER);
    Class<?> dense = classes.loadClass("net.Dense");
    Class<?> holder = classes.loadClass("net.Holder");
    Class<?> namedDense = classes.loadClass("net.NamedDense");
    Object first = namedDense.getConstructor().newInstance();
    Object second = namedDense.getConstructor().newInstance();
    Object gated = classes.loadClass("net.GatedDense").getConstructor().newInstance();

    Object fine = holder.getConstructor(dense, dense).newInstance(first, second);
    classes
        .loadClass("net.HolderInitializer")
        .getMethod("initialize", holder, RandomGenerator.class)
        .invoke(null, fine, new SplittableRandom(1));
    RandomGenerator random = new SplittableRandom(1);
    float[][] firstWeight = new float[3][2];
    float[][] secondWeight = new float[3][2];
    Init.normal(0, 0.5).fill(FloatTensor.of(firstWeight), random);
    Init.normal(0, 0.5).fill(FloatTensor.of(secondWeight), random);
    assertArrayEquals(firstWeight, (float[][]) get(first, "weight"));
    assertArrayEquals(secondWeight, (float[][]) get(second, "weight"));

    Object refused =
        holder
            .getConstructor(dense, dense)
            .newInstance(dense.getConstructor().newInstance(), gated);
    InvocationTargetException thrown =
        assertThrows(
            InvocationTargetException.class,
            () ->
                classes
                    .loadClass("net.HolderInitializer")
                    .getMethod("initialize", holder, RandomGenerator.class)
                    .invoke(null, refused, new SplittableRandom(1)));
    assertEquals(
        "second: GatedDense is a subclass of Dense with an initializer of its own,"
            + " net.GatedDenseInitializer, whose parameters or rules the initializer of Dense would"
            + " miss; expected net.GatedDenseInitializer.plan or .initialize for it (in a network,"
            + " declare the field as GatedDense, or make Dense sealed, so that each instance is"
            + " planned as the class it is)",
        thrown.getCause().getMessage());
    assertArrayEquals(new float[3][2], (float[][]) get(get(refused, "first"), "weight"));
    assertArrayEquals(new float[3], (float[]) get(gated, "gate"));

    InvocationTargetException direct =
        assertThrows(
            InvocationTargetException.class,
            () ->
                classes
                    .loadClass("net.DenseInitializer")
                    .getMethod("initialize", dense, RandomGenerator.class)
                    .invoke(null, gated, new SplittableRandom(1)));
    assertTrue(
        direct.getCause().getMessage().startsWith("GatedDense is a subclass of Dense"),
        direct.getCause().getMessage());
  }

  @Test
  void aNullListElementIsAnErrorNamedByItsPath() throws Exception {
    CompiledClasses classes = compiled();
    Class<?> type = classes.loadClass("net.Block");
    Object conv =
        classes.loadClass("net.Conv").getConstructor(int.class, int.class).newInstance(6, 4);
    Object block =
        type.getConstructor(int.class, int.class, List.class)
            .newInstance(4, 6, java.util.Arrays.asList(conv, null));
    InvocationTargetException thrown =
        assertThrows(
            InvocationTargetException.class,
            () ->
                classes
                    .loadClass("net.BlockInitializer")
                    .getMethod("plan", type)
                    .invoke(null, block));
    assertEquals("downsample.1 is null; expected a module", thrown.getCause().getMessage());
  }

  private static final JavaFileObject STAGE =
      source(
          "net.Stage",
          "package net;",
          "import dev.kinit.*;",
          "import java.util.List;",
          "@Network",
          "public final class Stage<P extends Piece, C extends Conv, T> {",
          "  public final C first;",
          "  public final List<P> pieces;",
          "  public final List<? extends C> convs;",
          "  public final T tag;",
          "  public Stage(C first, List<P> pieces, List<? extends C> convs, T tag) {",
          "    this.first = first;",
          "    this.pieces = pieces;",
          "    this.convs = convs;",
          "    this.tag = tag;",
          "  }",
          "}");

  /**
   * Found by an outsider's port: a child whose type is a type variable ({@code C extends Conv}, or
   * a list of them) was left out of the plan without a word. It is planned as its bound: a concrete
   * module class, or a sealed type dispatched over its classes; an unbounded variable, which may
   * hold anything, is no member.
   */
  @Test
  void aChildOfATypeVariableIsPlannedAsItsBound() throws Exception {
    CompiledClasses classes = compiled(CONV, NORM, RELU, PIECE, STAGE);
    Class<?> conv = classes.loadClass("net.Conv");
    Object stage =
        classes
            .loadClass("net.Stage")
            .getConstructors()[0]
            .newInstance(
                conv.getConstructor(int.class, int.class).newInstance(2, 2),
                List.of(
                    classes.loadClass("net.Norm").getConstructor(int.class).newInstance(2),
                    classes.loadClass("net.Relu").getConstructor().newInstance(),
                    conv.getConstructor(int.class, int.class).newInstance(3, 2)),
                List.of(conv.getConstructor(int.class, int.class).newInstance(4, 3)),
                "a tag");
    InitPlan plan = plan(classes, stage);
    assertEquals(
        List.of(
            "first.weight",
            "pieces.0.weight",
            "pieces.0.bias",
            "pieces.2.weight",
            "convs.0.weight"),
        plan.steps().stream().map(InitPlan.Step::name).toList());
  }

  private static final JavaFileObject CELL =
      source(
          "net.Cell",
          "package net;",
          "import dev.kinit.*;",
          "public class Cell {",
          "  @OnesInit public final float[] gain = new float[2];",
          "}");
  private static final JavaFileObject BIG_CELL =
      source(
          "net.BigCell",
          "package net;",
          "import dev.kinit.*;",
          "public final class BigCell extends Cell {",
          "  @ZerosInit public final float[] shift = new float[2];",
          "}");
  private static final JavaFileObject CELL_BASE =
      source(
          "net.Base",
          "package net;",
          "import dev.kinit.*;",
          "import java.util.List;",
          "@Network",
          "public abstract class Base<C extends Cell> {",
          "  public final C cell;",
          "  public final List<C> cells;",
          "  protected Base(C cell, List<C> cells) {",
          "    this.cell = cell;",
          "    this.cells = cells;",
          "  }",
          "}");
  private static final JavaFileObject BIG =
      source(
          "net.Big",
          "package net;",
          "import dev.kinit.*;",
          "import java.util.List;",
          "@Network",
          "public final class Big extends Base<BigCell> {",
          "  public Big() {",
          "    super(new BigCell(), List.of(new BigCell()));",
          "  }",
          "}");

  /**
   * A generic superclass's field is a member of the subclass as the subclass binds its type
   * variable: {@code C cell} of {@code Base<C extends Cell>} is a {@code BigCell} in {@code Big},
   * planned by BigCell's initializer (Cell's would refuse a subclass that has its own).
   */
  @Test
  void aSuperclassTypeVariableIsTheTypeTheSubclassBindsIt() throws Exception {
    CompiledClasses classes = compiled(CELL, BIG_CELL, CELL_BASE, BIG);
    Object net = classes.loadClass("net.Big").getConstructor().newInstance();
    InitPlan plan = plan(classes, net);
    assertEquals(
        List.of("cell.gain", "cell.shift", "cells.0.gain", "cells.0.shift"),
        plan.steps().stream().map(InitPlan.Step::name).toList());
  }

  private static final JavaFileObject SEQ =
      source(
          "net.Seq",
          "package net;",
          "import dev.kinit.*;",
          "@Network",
          "public final class Seq {",
          "  @Name(\"0\") public final Conv conv = new Conv(2, 2);",
          "  @Name(\"1\") public final Norm norm = new Norm(2);",
          "}");
  private static final JavaFileObject PROJECTION =
      source(
          "net.Projection",
          "package net;",
          "import dev.kinit.*;",
          "public final class Projection {",
          "  @Name(\"in_proj_weight\") @TorchDefaultInit public final float[][] w = new float[3][2];",
          "  @Name(\"in_proj_bias\") @TorchDefaultInit(biasOf = \"w\")",
          "  public final float[] b = new float[3];",
          "}");
  private static final JavaFileObject NAMED =
      source(
          "net.Named",
          "package net;",
          "import dev.kinit.*;",
          "import java.util.List;",
          "@Network",
          "@Reinit(parameter = \"1.weight\", zeros = @ZerosInit)",
          "@Reinit(module = Named.class, parameter = \"class\", constant = @ConstantInit(2))",
          "public final class Named {",
          "  public final List<Seq> features = List.of(new Seq(), new Seq());",
          "  @Name(\"class\") @OnesInit public final float[] klass = new float[2];",
          "  @Name(\"head-1\") @ConstructedBefore(\"class\") public final Seq head = new Seq();",
          "  @Name(\"0\") public final Projection projection = new Projection();",
          "}");

  /**
   * {@code @Name} gives members the names PyTorch gives them where they are no Java identifiers (an
   * {@code nn.Sequential}'s {@code 0}, {@code 1}; a keyword; a dash): in the steps, in rule paths
   * ({@code 1.weight}, {@code class}; the network itself comes first in a pass over the modules)
   * and in {@code @ConstructedBefore}; the fields still read them.
   */
  @Test
  void aMemberIsNamedByItsNameAnnotationEverywhere() throws Exception {
    CompiledClasses classes = compiled(CONV, NORM, RELU, PIECE, SEQ, PROJECTION, NAMED);
    Object net = classes.loadClass("net.Named").getConstructor().newInstance();
    InitPlan plan = plan(classes, net);
    List<String> construction =
        List.of(
            "features.0.0.weight",
            "features.0.1.weight",
            "features.0.1.bias",
            "features.1.0.weight",
            "features.1.1.weight",
            "features.1.1.bias",
            "head-1.0.weight",
            "head-1.1.weight",
            "head-1.1.bias",
            "class",
            "0.in_proj_weight",
            "0.in_proj_bias");
    List<String> rules =
        List.of("class", "features.0.1.weight", "features.1.1.weight", "head-1.1.weight");
    List<String> steps = new ArrayList<>(construction);
    steps.addAll(rules);
    assertEquals(steps, plan.steps().stream().map(InitPlan.Step::name).toList());
    plan.run(new SplittableRandom(1));
    assertArrayEquals(new float[] {2, 2}, (float[]) net.getClass().getField("klass").get(net));
    List<Object> seqs = new ArrayList<>((List<?>) net.getClass().getField("features").get(net));
    seqs.add(net.getClass().getField("head").get(net));
    for (Object seq : seqs) {
      Object norm = seq.getClass().getField("norm").get(seq);
      assertArrayEquals(new float[2], (float[]) norm.getClass().getField("weight").get(norm));
    }
  }

  /**
   * A container named {@code ""} has no name of its own: its elements are its module's children,
   * named by index, as in an {@code nn.Sequential} subclass (an EfficientNet stage), in the steps
   * and in a rule's path ({@code 1.1.weight} from each stage).
   */
  @Test
  void aContainerNamedEmptyHoldsItsModulesOwnChildren() throws Exception {
    JavaFileObject blocks =
        source(
            "net.Blocks",
            "package net;",
            "import dev.kinit.*;",
            "@Network",
            "public final class Blocks {",
            "  @Name(\"\") public final Seq[] seqs = {new Seq(), new Seq()};",
            "  public final Norm last = new Norm(2);",
            "}");
    JavaFileObject outer =
        source(
            "net.Outer",
            "package net;",
            "import dev.kinit.*;",
            "import java.util.List;",
            "@Network",
            "@Reinit(module = Blocks.class, parameter = \"1.1.weight\", zeros = @ZerosInit)",
            "public final class Outer {",
            "  public final List<Blocks> stages = List.of(new Blocks(), new Blocks());",
            "}");
    CompiledClasses classes = compiled(CONV, NORM, RELU, PIECE, SEQ, blocks, outer);
    Object net = classes.loadClass("net.Outer").getConstructor().newInstance();
    InitPlan plan = plan(classes, net);
    List<String> steps = new ArrayList<>();
    for (String stage : List.of("stages.0.", "stages.1.")) {
      for (String seq : List.of("0.", "1.")) {
        steps.addAll(List.of(stage + seq + "0.weight", stage + seq + "1.weight"));
        steps.add(stage + seq + "1.bias");
      }
      steps.addAll(List.of(stage + "last.weight", stage + "last.bias"));
    }
    steps.addAll(List.of("stages.0.1.1.weight", "stages.1.1.1.weight"));
    assertEquals(steps, plan.steps().stream().map(InitPlan.Step::name).toList());
  }

  /**
   * A {@code Map<String, …>} of modules is a {@code ModuleDict}: its children are named by their
   * keys in the map's order, as a member or, named {@code ""}, as the module's own entries (a
   * DenseNet block); a rule's path goes through a key, that key's module only.
   */
  @Test
  void aMapOfModulesIsAModuleDictNamedByItsKeys() throws Exception {
    JavaFileObject dict =
        source(
            "net.Dict",
            "package net;",
            "import dev.kinit.*;",
            "import java.util.*;",
            "@Network",
            "@Reinit(parameter = \"late.1.weight\", zeros = @ZerosInit)",
            "public final class Dict {",
            "  @Name(\"\") public final Map<String, Seq> layers = new LinkedHashMap<>();",
            "  public final SortedMap<String, ? extends Norm> norms =",
            "      new TreeMap<>(Map.of(\"b\", new Norm(2), \"a\", new Norm(2)));",
            "  public Dict() {",
            "    layers.put(\"late\", new Seq());",
            "    layers.put(\"early\", new Seq());",
            "  }",
            "}");
    CompiledClasses classes = compiled(CONV, NORM, RELU, PIECE, SEQ, dict);
    Object net = classes.loadClass("net.Dict").getConstructor().newInstance();
    assertEquals(
        List.of(
            "late.0.weight",
            "late.1.weight",
            "late.1.bias",
            "early.0.weight",
            "early.1.weight",
            "early.1.bias",
            "norms.a.weight",
            "norms.a.bias",
            "norms.b.weight",
            "norms.b.bias",
            "late.1.weight"),
        plan(classes, net).steps().stream().map(InitPlan.Step::name).toList());
  }

  /**
   * A map of a deprecated layer, read through a getter from a network in another package, compiles
   * without a warning under {@code -Xlint:all -Werror}.
   */
  @Test
  void aMapOfADeprecatedLayerThroughAGetterInAnotherPackageCompilesCleanly() throws Exception {
    JavaFileObject old =
        source(
            "lib.Old",
            "package lib;",
            "import dev.kinit.*;",
            "@Deprecated",
            "public final class Old {",
            "  @OnesInit public final float[] weight = new float[2];",
            "}");
    JavaFileObject holder =
        source(
            "app.Holder",
            "package app;",
            "import dev.kinit.*;",
            "import java.util.*;",
            "@Network",
            "@SuppressWarnings(\"deprecation\")",
            "public final class Holder {",
            "  private final Map<String, lib.Old> olds =",
            "      new TreeMap<>(Map.of(\"b\", new lib.Old(), \"a\", new lib.Old()));",
            "  public Map<String, lib.Old> getOlds() { return olds; }",
            "}");
    CompiledClasses classes = compiled(old, holder);
    Object net = classes.loadClass("app.Holder").getConstructor().newInstance();
    assertEquals(
        List.of("olds.a.weight", "olds.b.weight"),
        plan(classes, net).steps().stream().map(InitPlan.Step::name).toList());
  }

  /**
   * A superclass from a library (class files, compiled with the processor) keeps its members'
   * {@code @Name}s: the subclass's initializer is the one a single compilation generates, and a
   * subclass member may be constructed before a renamed inherited one by its name.
   */
  @Test
  void aLibrarySuperclassKeepsItsNames(@TempDir Path classes) throws Exception {
    JavaFileObject base =
        source(
            "net.NamedBase",
            "package net;",
            "import dev.kinit.*;",
            "@Network",
            "public class NamedBase {",
            "  @Name(\"0\") public final Conv conv = new Conv(2, 2);",
            "}");
    JavaFileObject sub =
        source(
            "net.NamedSub",
            "package net;",
            "import dev.kinit.*;",
            "@Network",
            "public final class NamedSub extends NamedBase {",
            "  @Name(\"1\") public final Norm norm = new Norm(2);",
            "  @ConstructedBefore(\"0\") @OnesInit public final float[] scale = new float[2];",
            "}");
    Compilation library =
        Compiler.javac()
            .withProcessors(new LocalClassChecker(), new KaimingInitProcessor())
            .compile(CONV, NORM, RELU, PIECE, base);
    assertThat(library).succeededWithoutWarnings();
    Compilation compilation =
        Compiler.javac()
            .withProcessors(new LocalClassChecker(), new KaimingInitProcessor())
            .withOptions("-Xlint:all", "-Werror")
            .withClasspath(Compilations.classPathWith(library, classes))
            .compile(sub);
    assertThat(compilation).succeededWithoutWarnings();
    assertEquals(
        Compilations.generatedSource(
            Compiler.javac()
                .withProcessors(new LocalClassChecker(), new KaimingInitProcessor())
                .compile(CONV, NORM, RELU, PIECE, base, sub),
            "net.NamedSubInitializer"),
        Compilations.generatedSource(compilation, "net.NamedSubInitializer"));
    String code = Compilations.generatedSource(compilation, "net.NamedSubInitializer");
    assertTrue(code.contains("plan.constructBefore(\"scale\", \"0\");"), code);
    assertTrue(code.contains("plan.child(\"1\","), code);
  }

  private static final JavaFileObject ORDERED =
      source(
          "net.Ordered",
          "package net;",
          "import dev.kinit.*;",
          "@Network",
          "public final class Ordered {",
          "  public final Norm norm = new Norm(2);",
          "  public final Conv absent = null;",
          "  public final Norm last = new Norm(2);",
          "  @ConstructedBefore(\"norm\") @ZerosInit public final float[] scale = new float[3];",
          "  @ConstructedBefore(\"absent\") public final Conv early = new Conv(2, 2);",
          "}");

  /**
   * Found by NetworkFuzzTest: {@code @ConstructedBefore} on a network's own parameter was ignored
   * (the parameter drawn in declaration order), and one naming an absent child made the plan throw.
   * A parameter moves like a child; a member built before an absent child takes its place.
   */
  @Test
  void aParameterMovesLikeAChildAndAnAbsentChildKeepsItsPlace() throws Exception {
    CompiledClasses classes = compiled(CONV, NORM, RELU, PIECE, ORDERED);
    Object net = classes.loadClass("net.Ordered").getConstructor().newInstance();
    InitPlan plan = plan(classes, net);
    assertEquals(
        List.of("scale", "norm.weight", "norm.bias", "early.weight", "last.weight", "last.bias"),
        plan.steps().stream().map(InitPlan.Step::name).toList());
  }

  /**
   * An optional parameter keeps its place when absent, as an absent child does: PyTorch constructs
   * {@code scale} where {@code gate} would have been. (A {@code null} {@code gate} made the plan
   * throw "no member named gate".)
   */
  @Test
  void aMemberConstructedBeforeAnAbsentOptionalParameterTakesItsPlace() throws Exception {
    JavaFileObject gated =
        source(
            "net.Gated",
            "package net;",
            "import dev.kinit.*;",
            "import org.jspecify.annotations.Nullable;",
            "@Network",
            "public final class Gated {",
            "  public final Norm norm = new Norm(2);",
            "  @ZerosInit public final float @Nullable [] gate;",
            "  public final Norm last = new Norm(2);",
            "  @ConstructedBefore(\"gate\") @OnesInit public final float[] scale = new float[3];",
            "  @ZerosInit public final float @Nullable [] unused = null;",
            "  public Gated(boolean gate) {",
            "    this.gate = gate ? new float[2] : null;",
            "  }",
            "}");
    Compilation compilation =
        Compiler.javac()
            .withProcessors(new LocalClassChecker(), new KaimingInitProcessor())
            .withOptions("-Xlint:all", "-Werror")
            .compile(CONV, NORM, RELU, PIECE, gated);
    assertThat(compilation).succeededWithoutWarnings();
    // Only an absent parameter that a member names is recorded: the others leave no trace.
    String generated =
        compilation
            .generatedSourceFile("net.GatedInitializer")
            .orElseThrow()
            .getCharContent(true)
            .toString();
    assertTrue(generated.contains("plan.absent(\"gate\")"), generated);
    assertFalse(generated.contains("plan.absent(\"unused\")"), generated);
    CompiledClasses classes = new CompiledClasses(compilation);
    Class<?> type = classes.loadClass("net.Gated");
    java.lang.reflect.Method plan =
        classes.loadClass("net.GatedInitializer").getMethod("plan", type);
    for (boolean present : new boolean[] {true, false}) {
      Object net = type.getConstructor(boolean.class).newInstance(present);
      List<String> expected =
          present
              ? List.of("norm.weight", "norm.bias", "scale", "gate", "last.weight", "last.bias")
              : List.of("norm.weight", "norm.bias", "scale", "last.weight", "last.bias");
      assertEquals(
          expected,
          ((InitPlan) plan.invoke(null, net)).steps().stream().map(InitPlan.Step::name).toList(),
          "gate present: " + present);
    }
  }

  @Test
  void aParameterConstructedBeforeALaterMemberIsAnError() {
    Compilation compilation =
        Compiler.javac()
            .withProcessors(new LocalClassChecker(), new KaimingInitProcessor())
            .compile(
                CONV,
                NORM,
                RELU,
                PIECE,
                source(
                    "net.Late",
                    "package net;",
                    "import dev.kinit.*;",
                    "@Network",
                    "public final class Late {",
                    "  @ConstructedBefore(\"norm\") @ZerosInit public final float[] scale = new float[3];",
                    "  public final Norm norm = new Norm(2);",
                    "}"));
    assertThat(compilation).hadErrorContaining("[kinit.constructed-before-unknown]");
    assertThat(compilation)
        .hadErrorContaining("@ConstructedBefore(\"norm\") on Late.scale names no member of Late")
        .inFile(compilation.sourceFiles().get(4))
        .onLine(5);
  }
}
