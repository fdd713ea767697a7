package dev.kinit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.kinit.processor.Compilations.compile;
import static dev.kinit.processor.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kinds of classes a layer can be: each compiles with its initializer without a warning under
 * {@code -Xlint:all}, and the initializer's signature names the layer as a user would.
 */
class LayerKindsTest {

  private static String initializerOf(JavaFileObject source, String initializer) {
    Compilation compilation = compile(source);
    assertThat(compilation).succeeded();
    assertEquals(List.of(), Compilations.warnings(compilation));
    return Compilations.generatedSource(compilation, initializer);
  }

  @Test
  void genericClassTakesWildcards() {
    String code =
        initializerOf(
            source(
                "layers.Typed",
                "package layers;",
                "public class Typed<T, U extends Number> {",
                "  @dev.kinit.KaimingInit float[][] weight = new float[2][3];",
                "}"),
            "layers.TypedInitializer");
    assertTrue(code.contains("initialize(Typed<?, ?> layer, RandomGenerator random)"), code);
  }

  @Test
  void innerClassOfAGenericClass() {
    String code =
        initializerOf(
            source(
                "layers.Outer",
                "package layers;",
                "public class Outer<T> {",
                "  public class Inner {",
                "    @dev.kinit.KaimingInit float[][] weight = new float[2][3];",
                "  }",
                "}"),
            "layers.Outer_InnerInitializer");
    assertTrue(code.contains("initialize(Outer<?>.Inner layer, RandomGenerator random)"), code);
  }

  @Test
  void staticNestedClass() {
    String code =
        initializerOf(
            source(
                "layers.Net",
                "package layers;",
                "public class Net {",
                "  static class Head {",
                "    @dev.kinit.KaimingInit double[][] weight = new double[2][3];",
                "  }",
                "}"),
            "layers.Net_HeadInitializer");
    assertTrue(code.contains("initialize(Net.Head layer, RandomGenerator random)"), code);
  }

  @Test
  void recordComponentIsReadThroughItsAccessor() {
    String code =
        initializerOf(
            source(
                "layers.Frozen",
                "package layers;",
                "public record Frozen(@dev.kinit.KaimingInit float[][] weight) {}"),
            "layers.FrozenInitializer");
    // Checked to be the field itself: a record's accessor may be written to return a copy.
    assertTrue(
        code.replaceAll("\\s+", " ")
            .contains(
                "Getters.field(layer, \"Frozen.weight\", \"layers.Frozen\", \"weight\","
                    + " layer.weight(), layer.weight())"),
        code);
  }

  @Test
  void enumConstantsAreLayers() {
    String code =
        initializerOf(
            source(
                "layers.Shared",
                "package layers;",
                "public enum Shared {",
                "  INSTANCE;",
                "  @dev.kinit.KaimingInit final float[][] weight = new float[4][4];",
                "}"),
            "layers.SharedInitializer");
    assertTrue(code.contains("initialize(Shared layer, RandomGenerator random)"), code);
  }

  @Test
  void shadowedFieldsGetDistinctLocalNames() {
    String code =
        initializerOf(
            source(
                "layers.Net",
                "package layers;",
                "public class Net {",
                "  static class Once {",
                "    @dev.kinit.KaimingInit float[][] weight = new float[3][3];",
                "    @dev.kinit.KaimingInit float[][] random = new float[3][3];",
                "  }",
                "  static class Twice extends Once {",
                "    @dev.kinit.KaimingInit float[][] weight = new float[2][2];",
                "  }",
                "}"),
            "layers.Net_TwiceInitializer");
    assertTrue(
        code.contains(
            "FloatTensor weight = FloatTensor.of(\"Once.weight\", ((Net.Once) layer).weight)"),
        code);
    assertTrue(code.contains("FloatTensor weight_ = FloatTensor.of(\"Twice.weight\","), code);
    assertTrue(code.contains("FloatTensor random_ = FloatTensor.of(\"Once.random\""), code);
  }

  @Test
  void weightsNamedLikeTheTypesAndPackagesTheInitializerNamesDoNotHideThem() {
    // A local variable obscures a type or package of its name in a qualified expression
    // (JLS 6.4.2): a local FanMode would turn FanMode.FAN_IN into a field access on a tensor.
    String code =
        initializerOf(
            source(
                "layers.Names",
                "package layers;",
                "public class Names {",
                "  static final int SIZE = 2;",
                "  @dev.kinit.KaimingInit float[][] FanMode = new float[2][2];",
                "  @dev.kinit.KaimingInit float[][] Init = new float[2][2];",
                "  @dev.kinit.KaimingInit float[][] InitPlan = new float[2][2];",
                "  @dev.kinit.KaimingInit float[][] FloatTensor = new float[2][2];",
                "  @dev.kinit.KaimingInit double[][] DoubleTensor = new double[2][2];",
                "  @dev.kinit.KaimingInit float[][] Objects = new float[2][2];",
                "  @dev.kinit.KaimingInit float[][] dev = new float[2][2];",
                "  @dev.kinit.TorchDefaultInit float[][] plan = new float[2][2];",
                "  @dev.kinit.TorchDefaultInit(biasOf = \"plan\")",
                "  float[] bias = new float[2];",
                "  @dev.kinit.KaimingInit(shapeFields = {\"SIZE\", \"SIZE\"})",
                "  float[] Names = new float[4];",
                "}"),
            "layers.NamesInitializer");
    assertTrue(
        code.contains("plan.add(\"FanMode\", FanMode_, Init.kaimingNormal(FanMode.FAN_IN,"), code);
    assertTrue(
        code.contains("InitPlan.Builder plan = InitPlan.builder(layer, Names.class);"), code);
    assertTrue(code.contains("layer.Names, Names.SIZE, Names.SIZE)"), code);
    assertTrue(code.contains("plan.add(\"bias\", bias, Init.torchDefaultBias(plan_));"), code);
  }

  @Test
  void superclassFromAJarIsInitialisedFirst(@TempDir Path classes) throws IOException {
    Compilation library = Compilations.compileResources("good/Stem.java");
    assertThat(library).succeeded();
    Compilation compilation =
        Compiler.javac()
            .withProcessors(new LocalClassChecker(), new KaimingInitProcessor())
            .withOptions("-Xlint:all")
            .withClasspath(Compilations.classPathWith(library, classes))
            .compile(com.google.testing.compile.JavaFileObjects.forResource("good/Block.java"));
    assertThat(compilation).succeeded();
    assertEquals(List.of(), Compilations.warnings(compilation));
    String code = Compilations.generatedSource(compilation, "layers.BlockInitializer");
    assertEquals(
        code,
        Compilations.generatedSource(
            Compilations.compileResources("good/Block.java", "good/Stem.java"),
            "layers.BlockInitializer"),
        "the same initializer whether Stem is a source or a class file");
  }

  @Test
  void previousBuildOutputOnTheClassPathIsReplaced(@TempDir Path classes) throws IOException {
    // An incremental build recompiles with its earlier output, initializers included, on the
    // class path: that old initializer must not count as a class taking the name.
    Compilation first = Compilations.compileResources("good/Linear.java");
    assertThat(first).succeeded();
    Compilation again =
        Compiler.javac()
            .withProcessors(new LocalClassChecker(), new KaimingInitProcessor())
            .withClasspath(Compilations.classPathWith(first, classes))
            .compile(com.google.testing.compile.JavaFileObjects.forResource("good/Linear.java"));
    assertThat(again).succeededWithoutWarnings();
    assertEquals(
        Compilations.generatedSource(first, "layers.LinearInitializer"),
        Compilations.generatedSource(again, "layers.LinearInitializer"));
  }

  @Test
  void sameSourcesGiveByteIdenticalOutput() throws IOException {
    String[] sources = {
      "good/Block.java", "good/Stem.java", "good/FlatLinear.java", "good/Conv2d.java"
    };
    Compilation first = Compilations.compileResources(sources);
    Compilation second = Compilations.compileResources(sources);
    for (String initializer : List.of("Block", "Stem", "FlatLinear", "Conv2d")) {
      String name = "layers." + initializer + "Initializer";
      assertArrayEquals(bytes(first, name), bytes(second, name), name);
    }
  }

  private static byte[] bytes(Compilation compilation, String name) throws IOException {
    try (var in = compilation.generatedSourceFile(name).orElseThrow().openInputStream()) {
      return in.readAllBytes();
    }
  }

  // InitializerWriter.names: issue 17's mutation survivor.

  @Test
  void aWeightNamedLikeThePackageOfATypeWrittenInFullDoesNotHideIt() {
    // A layer named Init makes the initializer write dev.kinit.Init in full: a local named dev
    // would obscure the package (JLS 6.4.2) and the initializer would not compile.
    String code =
        initializerOf(
            source(
                "layers.Init",
                "package layers;",
                "public class Init {",
                "  @dev.kinit.KaimingInit float[][] dev = new float[2][2];",
                "}"),
            "layers.InitInitializer");
    assertTrue(code.contains("plan.add(\"dev\", dev_, dev.kinit.Init.kaimingNormal("), code);
  }
}
