package dev.kinit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.kinit.processor.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.kinit.FanMode;
import dev.kinit.FloatTensor;
import dev.kinit.Init;
import dev.kinit.InitPlan;
import dev.kinit.Kaiming;
import dev.kinit.Nonlinearity;
import dev.kinit.ScalingDistribution;
import dev.kinit.ScalingMode;
import dev.kinit.WeightLayout;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The unusual but legal layers of issue 11, one class of bug each: every one compiles to an
 * initializer that fills exactly the annotated arrays, under {@code -Xlint:all -Werror}, or is a
 * {@code [kinit.…]} error at the user's line.
 */
class AdversarialLayersTest {

  private static final double RELU = Nonlinearity.RELU.gain(0);

  /** Compiles with both processors as a strict build would: every lint, warnings are errors. */
  private static Compilation strict(JavaFileObject... sources) {
    return Compiler.javac()
        .withProcessors(new LocalClassChecker(), new KaimingInitProcessor())
        .withOptions("-Xlint:all", "-Werror")
        .compile(sources);
  }

  private static CompiledClasses compiles(JavaFileObject... sources) {
    Compilation compilation = strict(sources);
    assertThat(compilation).succeededWithoutWarnings();
    return new CompiledClasses(compilation);
  }

  private static void initialize(
      CompiledClasses classes, String initializer, Object layer, long seed)
      throws ReflectiveOperationException {
    Class<?> type = classes.loadClass(initializer);
    for (var method : type.getMethods()) {
      if (method.getName().equals("initialize")) {
        method.invoke(null, layer, new SplittableRandom(seed));
        return;
      }
    }
    throw new AssertionError("no initialize in " + initializer);
  }

  private static Object field(Object layer, Class<?> declaring, String name)
      throws ReflectiveOperationException {
    Field field = declaring.getDeclaredField(name);
    field.setAccessible(true);
    return field.get(layer);
  }

  private static float[][] kaiming(int rows, int columns, RandomGenerator random) {
    float[][] weight = new float[rows][columns];
    Kaiming.normal(FloatTensor.of(weight), FanMode.FAN_IN, RELU, random);
    return weight;
  }

  private static final JavaFileObject OVERRIDABLE_BASE =
      source(
          "layers.Base",
          "package layers;",
          "import dev.kinit.*;",
          "public class Base {",
          "  @KaimingInit(nonlinearity = Nonlinearity.RELU)",
          "  private final float[][] weight = new float[4][4];",
          "  public float[][] getWeight() { return weight; }",
          "}");

  /** Issue 11.1: a subclass that overrides the getter of a private superclass field. */
  @Test
  void aGetterOverriddenInTheLayerIsAnErrorAtTheSubclass() {
    JavaFileObject sub =
        source(
            "layers.Sub",
            "package layers;",
            "import dev.kinit.*;",
            "public class Sub extends Base {",
            "  private final float[][] frozen = new float[4][4];",
            "  @Override public float[][] getWeight() { return frozen; }",
            "  @KaimingInit float[][] head = new float[2][2];",
            "}");
    Compilation compilation = strict(OVERRIDABLE_BASE, sub);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[kinit.getter-overridden] field Base.weight is private and the generated"
                + " SubInitializer would read it through getWeight(), which Sub overrides")
        .inFile(sub)
        .onLineContaining("public class Sub");
    // Base itself is valid: the one error is the subclass's.
    assertEquals(1, compilation.errors().size(), compilation.errors().toString());
  }

  /**
   * Issue 11.1, the part no compiler can see: the base's own initializer given an instance of a
   * subclass (compiled later, elsewhere) that overrides the getter fails before writing anything.
   */
  @Test
  void aGetterOverriddenByAnUnseenSubclassFailsBeforeWriting() throws Exception {
    CompiledClasses classes =
        compiles(
            OVERRIDABLE_BASE,
            source(
                "other.Later",
                "package other;",
                "public class Later extends layers.Base {",
                "  public final float[][] frozen = new float[4][4];",
                "  @Override public float[][] getWeight() { return frozen; }",
                "}"));
    Object later = classes.loadClass("other.Later").getConstructor().newInstance();
    InvocationTargetException thrown =
        org.junit.jupiter.api.Assertions.assertThrows(
            InvocationTargetException.class,
            () -> initialize(classes, "layers.BaseInitializer", later, 1));
    assertTrue(thrown.getCause() instanceof IllegalStateException);
    assertEquals(
        "Base.weight: other.Later overrides getWeight(), so it may not return the field; expected"
            + " the field readable by the generated initializer (not private), or a final getter",
        thrown.getCause().getMessage());
    Class<?> base = classes.loadClass("layers.Base");
    assertArrayEquals(new float[4][4], (float[][]) field(later, base, "weight"));
    assertArrayEquals(new float[4][4], (float[][]) field(later, later.getClass(), "frozen"));
    // A subclass that does not override it is filled as usual.
    Object plain = base.getConstructor().newInstance();
    initialize(classes, "layers.BaseInitializer", plain, 2);
    assertArrayEquals(
        kaiming(4, 4, new SplittableRandom(2)), (float[][]) field(plain, base, "weight"));
  }

  /** Issue 11.2: a record whose accessor returns a defensive copy. */
  @Test
  void aGetterThatReturnsACopyFailsBeforeWriting() throws Exception {
    CompiledClasses classes =
        compiles(
            source(
                "layers.Frozen",
                "package layers;",
                "import dev.kinit.*;",
                "public record Frozen(@KaimingInit float[][] weight) {",
                "  @Override public float[][] weight() {",
                "    float[][] copy = new float[weight.length][];",
                "    for (int i = 0; i < copy.length; i++) copy[i] = weight[i].clone();",
                "    return copy;",
                "  }",
                "}"));
    float[][] weight = new float[3][3];
    Object frozen =
        classes
            .loadClass("layers.Frozen")
            .getConstructor(float[][].class)
            .newInstance((Object) weight);
    InvocationTargetException thrown =
        org.junit.jupiter.api.Assertions.assertThrows(
            InvocationTargetException.class,
            () -> initialize(classes, "layers.FrozenInitializer", frozen, 3));
    assertEquals(
        "Frozen.weight: weight() returned two different arrays; expected it to return the field"
            + " itself, since initialising a copy would leave the layer's weights as they were",
        thrown.getCause().getMessage());
    assertArrayEquals(new float[3][3], weight);
  }

  /**
   * Issue 11.4: a constant and a field of a package-private class in another package, named by
   * {@code shapeFields}, are read through a class the initializer can name.
   */
  @Test
  void membersOfAnInaccessibleSuperclassAreReadThroughAnAccessibleOne() throws Exception {
    CompiledClasses classes =
        compiles(
            source(
                "b.PkgBase",
                "package b;",
                "abstract class PkgBase { public static int IN = 4; public int out = 3; }"),
            source("b.Mid", "package b;", "public class Mid extends PkgBase {}"),
            source(
                "a.Layer",
                "package a;",
                "import dev.kinit.*;",
                "public class Layer extends b.Mid {",
                "  @KaimingInit(nonlinearity = Nonlinearity.RELU, shapeFields = {\"out\", \"IN\"})",
                "  public float[] weight = new float[12];",
                "}"));
    Object layer = classes.loadClass("a.Layer").getConstructor().newInstance();
    initialize(classes, "a.LayerInitializer", layer, 4);
    float[] expected = new float[12];
    Kaiming.normal(FloatTensor.of(expected, 3, 4), FanMode.FAN_IN, RELU, new SplittableRandom(4));
    assertArrayEquals(expected, (float[]) field(layer, layer.getClass(), "weight"));
  }

  /**
   * Issue 11.4: a field of a package-private class hidden by a field of the public class below it:
   * no class the initializer can name reaches it, which is said at the field.
   */
  @Test
  void aFieldNoNameableClassReachesIsAnError() {
    JavaFileObject base =
        source(
            "b.PkgBase",
            "package b;",
            "import dev.kinit.*;",
            "abstract class PkgBase {",
            "  @KaimingInit public float[][] weight = new float[2][2];",
            "}");
    JavaFileObject mid =
        source("b.Mid", "package b;", "public class Mid extends PkgBase { public int weight; }");
    JavaFileObject layer =
        source(
            "a.Layer",
            "package a;",
            "import dev.kinit.*;",
            "public class Layer extends b.Mid {",
            "  @KaimingInit float[][] head = new float[2][2];",
            "}");
    Compilation compilation = strict(base, mid, layer);
    assertThat(compilation)
        .hadErrorContaining(
            "[kinit.field-unnameable] field PkgBase.weight cannot be named by the generated"
                + " LayerInitializer in package a: in Layer the name weight denotes Mid.weight")
        .inFile(layer)
        .onLineContaining("public class Layer");
  }

  /** Issue 11.5: an inherited field and an interface constant of the same name. */
  @Test
  void anAmbiguousNameIsReadThroughTheClassThatDeclaresIt() throws Exception {
    CompiledClasses classes =
        compiles(
            source(
                "layers.Named",
                "package layers;",
                "public interface Named { String weight = \"w\"; }"),
            source(
                "layers.Base",
                "package layers;",
                "import dev.kinit.*;",
                "public class Base {",
                "  @KaimingInit(nonlinearity = Nonlinearity.RELU) public float[][] weight = new float[3][5];",
                "}"),
            source(
                "layers.Layer",
                "package layers;",
                "import dev.kinit.*;",
                "public class Layer extends Base implements Named {",
                "  @KaimingInit(nonlinearity = Nonlinearity.RELU) float[][] head = new float[2][3];",
                "}"));
    Object layer = classes.loadClass("layers.Layer").getConstructor().newInstance();
    initialize(classes, "layers.LayerInitializer", layer, 5);
    RandomGenerator random = new SplittableRandom(5);
    Class<?> base = classes.loadClass("layers.Base");
    assertArrayEquals(kaiming(3, 5, random), (float[][]) field(layer, base, "weight"));
    assertArrayEquals(kaiming(2, 3, random), (float[][]) field(layer, layer.getClass(), "head"));
  }

  /** Issue 11.6: deprecated classes, fields and getters, for removal or not. */
  @Test
  void deprecatedDeclarationsGiveNoWarningInGeneratedCode() throws Exception {
    CompiledClasses classes =
        compiles(
            source(
                "layers.Old",
                "package layers;",
                "import dev.kinit.*;",
                "@Deprecated(forRemoval = true)",
                "public class Old {",
                "  @Deprecated @KaimingInit public float[][] weight = new float[2][2];",
                "  @KaimingInit private final float[][] hidden = new float[2][2];",
                "  @Deprecated(forRemoval = true) public float[][] getHidden() { return hidden; }",
                "  @Deprecated public static int SIZE = 2;",
                "  @KaimingInit(shapeFields = {\"SIZE\", \"SIZE\"}) public float[] flat = new float[4];",
                "}"),
            source(
                "layers.Newer",
                "package layers;",
                "import dev.kinit.*;",
                "@Deprecated",
                "public class Newer {",
                "  @KaimingInit public float[][] weight = new float[2][2];",
                "}"));
    Object old = classes.loadClass("layers.Old").getConstructor().newInstance();
    initialize(classes, "layers.OldInitializer", old, 6);
    assertNotEquals(0f, ((float[][]) field(old, old.getClass(), "hidden"))[0][0]);
  }

  /** Issue 11.7: more annotated fields than one method's bytecode can initialise. */
  @Test
  void aClassWithThousandsOfFieldsGetsAnInitializer() throws Exception {
    int count = 2500;
    List<String> lines =
        new ArrayList<>(
            List.of("package layers;", "import dev.kinit.*;", "public final class Huge {"));
    for (int i = 0; i < count; i++) {
      lines.add("  @KaimingInit(nonlinearity = Nonlinearity.RELU) public float[][] w" + i + ";");
    }
    lines.add("  public Huge() {");
    lines.add("    for (java.lang.reflect.Field f : Huge.class.getFields()) {");
    lines.add(
        "      try { f.set(this, new float[2][2]); } catch (IllegalAccessException e) { throw new AssertionError(e); }");
    lines.add("    }");
    lines.add("  }");
    lines.add("}");
    CompiledClasses classes = compiles(source("layers.Huge", lines.toArray(String[]::new)));
    Object huge = classes.loadClass("layers.Huge").getConstructor().newInstance();
    initialize(classes, "layers.HugeInitializer", huge, 7);
    RandomGenerator random = new SplittableRandom(7);
    for (int i = 0; i < count; i++) {
      assertArrayEquals(
          kaiming(2, 2, random), (float[][]) field(huge, huge.getClass(), "w" + i), "w" + i);
    }
  }

  /** Issue 11.8: an enum constant is one shared object, not an array. */
  @Test
  void anAnnotatedEnumConstantIsAnError() {
    JavaFileObject mode =
        source(
            "layers.Mode",
            "package layers;",
            "import dev.kinit.*;",
            "public enum Mode {",
            "  @KaimingInit TRAIN,",
            "  EVAL",
            "}");
    assertThat(strict(mode))
        .hadErrorContaining(
            "[kinit.enum-constant] @KaimingInit is on enum constant Mode.TRAIN, which is one"
                + " shared object, not an array")
        .inFile(mode)
        .onLineContaining("TRAIN");
  }

  /** Issue 11.10: a protected getter in another package is named, not called "no getter". */
  @Test
  void aProtectedGetterInAnotherPackageIsSaidToBeInaccessible() {
    JavaFileObject base =
        source(
            "b.Base",
            "package b;",
            "import dev.kinit.*;",
            "public class Base {",
            "  @KaimingInit private final float[][] weight = new float[2][2];",
            "  protected float[][] getWeight() { return weight; }",
            "}");
    JavaFileObject layer =
        source(
            "a.Layer",
            "package a;",
            "import dev.kinit.*;",
            "public class Layer extends b.Base {",
            "  @KaimingInit float[][] head = new float[2][2];",
            "}");
    Compilation compilation = strict(base, layer);
    assertThat(compilation)
        .hadErrorContaining(
            "[kinit.getter-inaccessible] field Base.weight is private and its getter getWeight() is"
                + " protected in Base, which the generated LayerInitializer in package a cannot call")
        .inFile(layer)
        .onLineContaining("public class Layer");
    // Base's own initializer, in package b, can call it: the one error is Layer's.
    assertEquals(1, compilation.errors().size(), compilation.errors().toString());
  }

  /** Issue 11.10: an interface constant named by shapeFields is found. */
  @Test
  void anInterfaceConstantIsASize() throws Exception {
    CompiledClasses classes =
        compiles(
            source(
                "layers.Sizes",
                "package layers;",
                "public interface Sizes { int OUT = 3; int IN = 2; }"),
            source(
                "layers.Layer",
                "package layers;",
                "import dev.kinit.*;",
                "public class Layer implements Sizes {",
                "  @KaimingInit(nonlinearity = Nonlinearity.RELU, shapeFields = {\"OUT\", \"IN\"})",
                "  public float[] weight = new float[6];",
                "}"));
    Object layer = classes.loadClass("layers.Layer").getConstructor().newInstance();
    initialize(classes, "layers.LayerInitializer", layer, 8);
    float[] expected = new float[6];
    Kaiming.normal(FloatTensor.of(expected, 3, 2), FanMode.FAN_IN, RELU, new SplittableRandom(8));
    assertArrayEquals(expected, (float[]) field(layer, layer.getClass(), "weight"));
  }

  /** Issue 11.10: a superclass's error is reported once, at its field, not again at subclasses. */
  @Test
  void anErrorInASuperclassIsReportedOnce() {
    JavaFileObject base =
        source(
            "layers.Base",
            "package layers;",
            "import dev.kinit.*;",
            "public class Base {",
            "  @KaimingInit(a = Double.NaN) public float[][] weight = new float[2][2];",
            "}");
    JavaFileObject sub =
        source(
            "layers.Sub",
            "package layers;",
            "import dev.kinit.*;",
            "public class Sub extends Base {",
            "  @KaimingInit float[][] head = new float[2][2];",
            "}");
    Compilation compilation = strict(base, sub);
    assertThat(compilation)
        .hadErrorContaining("[kinit.a-not-finite]")
        .inFile(base)
        .onLineContaining("NaN");
    assertEquals(1, compilation.errors().size(), compilation.errors().toString());
  }

  /** Issue 11.10: a class in an anonymous class's body is not called "a local class". */
  @Test
  void aClassInAnAnonymousClassIsDescribedAsSuch() {
    JavaFileObject holder =
        source(
            "layers.Holder",
            "package layers;",
            "import dev.kinit.*;",
            "public class Holder {",
            "  Object o = new Object() {",
            "    class Inner { @KaimingInit float[][] weight = new float[2][2]; }",
            "  };",
            "}");
    assertThat(strict(holder))
        .hadErrorContaining(
            "[kinit.unreachable-class] field weight is in class Inner, declared in an anonymous"
                + " class, which generated code cannot reach")
        .inFile(holder)
        .onLineContaining("class Inner");
  }

  /** Issue 11.10: the caret of a missing shape field is on the name, not on the brace. */
  @Test
  void aMissingShapeFieldIsReportedAtItsName() {
    JavaFileObject layer =
        source(
            "layers.Flat",
            "package layers;",
            "import dev.kinit.*;",
            "public class Flat {",
            "  int out = 2;",
            "  @KaimingInit(shapeFields = {",
            "      \"out\",",
            "      \"nope\"})",
            "  float[] weight = new float[4];",
            "}");
    Compilation compilation = strict(layer);
    Diagnostic<? extends JavaFileObject> error = compilation.errors().get(0);
    assertTrue(error.getMessage(null).startsWith("[kinit.shape-field-missing]"), error.toString());
    assertEquals(7, error.getLineNumber(), error.toString());
    assertEquals(7, error.getColumnNumber(), error.toString());
  }

  /**
   * Issue 11.11: a kinit annotation on a method is one error, and every valid class still gets its
   * initializer (javac would otherwise stop before annotation processing, and report each use of an
   * initializer as a missing symbol).
   */
  @Test
  void aMisplacedAnnotationDoesNotCascade() {
    JavaFileObject bad =
        source(
            "layers.Bad",
            "package layers;",
            "import dev.kinit.*;",
            "public class Bad {",
            "  @KaimingInit float[][] weight() { return null; }",
            "}");
    JavaFileObject good =
        source(
            "layers.Good",
            "package layers;",
            "import dev.kinit.*;",
            "public class Good {",
            "  @KaimingInit float[][] weight = new float[2][2];",
            "  static void use() { GoodInitializer.initialize(new Good(), new java.util.Random(1)); }",
            "}");
    Compilation compilation = strict(bad, good);
    assertThat(compilation)
        .hadErrorContaining(
            "[kinit.not-a-field] @KaimingInit is on method Bad.weight(), which is not a field")
        .inFile(bad)
        .onLineContaining("weight()");
    assertEquals(1, compilation.errors().size(), compilation.errors().toString());
  }

  /** Issue 11.11: on a local variable it is an error too, found in the source trees. */
  @Test
  void anAnnotatedLocalVariableIsAnError() {
    JavaFileObject bad =
        source(
            "layers.Bad",
            "package layers;",
            "import dev.kinit.*;",
            "public class Bad {",
            "  void build() {",
            "    @KaimingInit float[][] weight = new float[2][2];",
            "  }",
            "}");
    assertThat(strict(bad))
        .hadErrorContaining(
            "[kinit.not-a-field] @KaimingInit is on local variable weight, which is not a field")
        .inFile(bad)
        .onLineContaining("float[][] weight");
  }

  /**
   * Found by ProcessorFuzzTest: a private superclass field whose getter is package-private or
   * private, in another package, was said to have no getter at all.
   */
  @Test
  void aPackagePrivateOrPrivateGetterInAnotherPackageIsSaidToBeInaccessible() {
    for (String access : List.of("", "private ")) {
      JavaFileObject base =
          source(
              "b.Base",
              "package b;",
              "import dev.kinit.*;",
              "public class Base {",
              "  @KaimingInit private final float[][] weight = new float[2][2];",
              "  " + access + "float[][] getWeight() { return weight; }",
              "}");
      JavaFileObject layer =
          source(
              "a.Layer",
              "package a;",
              "import dev.kinit.*;",
              "public class Layer extends b.Base {",
              "  @KaimingInit float[][] head = new float[2][2];",
              "}");
      Compilation compilation = strict(base, layer);
      String described = access.isEmpty() ? "package-private" : "private";
      if (access.isEmpty()) {
        // Base's own initializer, in package b, can call it: the one error is Layer's.
        assertThat(compilation)
            .hadErrorContaining(
                "[kinit.getter-inaccessible] field Base.weight is private and its getter"
                    + " getWeight() is package-private in Base, which the generated"
                    + " LayerInitializer in package a cannot call")
            .inFile(layer)
            .onLineContaining("public class Layer");
      } else {
        // Base cannot call it either: said once, at the field.
        assertThat(compilation)
            .hadErrorContaining(
                "[kinit.getter-inaccessible] field Base.weight is private and its getter"
                    + " getWeight() is "
                    + described
                    + " in Base, which the generated"
                    + " BaseInitializer in package b cannot call")
            .inFile(base)
            .onLineContaining("@KaimingInit");
      }
      assertEquals(1, compilation.errors().size(), compilation.errors().toString());
    }
  }

  /**
   * Found by ProcessorFuzzTest: a package-private field of a superclass in another package, with a
   * protected getter, was called private; it is not accessible, and has no public getter.
   */
  @Test
  void aFieldNotAccessibleWithAProtectedGetterIsNotCalledPrivate() {
    JavaFileObject base =
        source(
            "b.Base",
            "package b;",
            "import dev.kinit.*;",
            "public class Base {",
            "  @KaimingInit final float[][] weight = new float[2][2];",
            "  protected float[][] getWeight() { return weight; }",
            "}");
    JavaFileObject layer =
        source(
            "a.Layer",
            "package a;",
            "import dev.kinit.*;",
            "public class Layer extends b.Base {",
            "  @KaimingInit float[][] head = new float[2][2];",
            "}");
    Compilation compilation = strict(base, layer);
    assertThat(compilation)
        .hadErrorContaining(
            "[kinit.inaccessible-field] field Base.weight is not accessible from package a, where"
                + " the generated LayerInitializer is, and has no public getter")
        .inFile(layer)
        .onLineContaining("public class Layer");
    assertEquals(1, compilation.errors().size(), compilation.errors().toString());
  }

  /**
   * Found by ProcessorFuzzTest: javac gives a public class synthetic bridges to the public methods
   * it inherits from a package-private one; the run-time check took the bridge of a getter for an
   * override, and a valid layer's initializer threw.
   */
  @Test
  void aGetterInheritedThroughAPublicSubclassOfAPackagePrivateClassIsNotAnOverride()
      throws Exception {
    CompiledClasses classes =
        compiles(
            source(
                "layers.Base",
                "package layers;",
                "import dev.kinit.*;",
                "class Base {",
                "  @KaimingInit(nonlinearity = Nonlinearity.RELU)",
                "  private final float[][] weight = new float[3][2];",
                "  public float[][] getWeight() { return weight; }",
                "}"),
            source("layers.Mid", "package layers;", "public class Mid extends Base {}"),
            source(
                "layers.Layer",
                "package layers;",
                "import dev.kinit.*;",
                "public class Layer extends Mid {",
                "  @KaimingInit(nonlinearity = Nonlinearity.RELU) float[][] head = new float[2][2];",
                "}"));
    // The premise: Mid declares a synthetic getWeight() that calls Base's.
    assertTrue(classes.loadClass("layers.Mid").getDeclaredMethod("getWeight").isSynthetic());
    Object layer = classes.loadClass("layers.Layer").getConstructor().newInstance();
    initialize(classes, "layers.LayerInitializer", layer, 10);
    RandomGenerator random = new SplittableRandom(10);
    assertArrayEquals(
        kaiming(3, 2, random),
        (float[][]) field(layer, classes.loadClass("layers.Base"), "weight"));
    assertArrayEquals(kaiming(2, 2, random), (float[][]) field(layer, layer.getClass(), "head"));
  }

  /**
   * Found by ProcessorFuzzTest: on a local class, and on the methods and classes inside local and
   * anonymous classes, which javac shows no processor, a kinit annotation was silently ignored.
   */
  @Test
  void annotationsOnLocalClassesAndTheirMembersAreErrors() {
    JavaFileObject holder =
        source(
            "layers.Holder",
            "package layers;",
            "import dev.kinit.*;",
            "public class Holder {",
            "  Object make() {",
            "    @KaimingInit class Local {",
            "      @TorchDefaultInit float[][] weight() { return null; }",
            "    }",
            "    return new Local();",
            "  }",
            "  Object o = new Object() {",
            "    @KaimingInit class Inner {}",
            "  };",
            "}");
    Compilation compilation = strict(holder);
    assertThat(compilation)
        .hadErrorContaining("[kinit.not-a-field] @KaimingInit is on local class Local")
        .inFile(holder)
        .onLineContaining("class Local");
    assertThat(compilation)
        .hadErrorContaining("[kinit.not-a-field] @TorchDefaultInit is on method Local.weight()")
        .inFile(holder)
        .onLineContaining("weight()");
    assertThat(compilation)
        .hadErrorContaining("[kinit.not-a-field] @KaimingInit is on class Inner")
        .inFile(holder)
        .onLineContaining("class Inner");
    assertEquals(3, compilation.errors().size(), compilation.errors().toString());
  }

  /**
   * Found by ProcessorFuzzTest: a getter overridden below a package-private field of another
   * package was reported as if the field were private.
   */
  @Test
  void anOverriddenGetterOfAFieldNotReadableFromThePackageDoesNotCallItPrivate() {
    JavaFileObject base =
        source(
            "b.Base",
            "package b;",
            "import dev.kinit.*;",
            "public class Base {",
            "  @KaimingInit final float[][] weight = new float[2][2];",
            "  public float[][] getWeight() { return weight; }",
            "}");
    JavaFileObject layer =
        source(
            "a.Layer",
            "package a;",
            "import dev.kinit.*;",
            "public class Layer extends b.Base {",
            "  @KaimingInit float[][] head = new float[2][2];",
            "  @Override public float[][] getWeight() { return head; }",
            "}");
    Compilation compilation = strict(base, layer);
    assertThat(compilation)
        .hadErrorContaining(
            "[kinit.getter-overridden] field Base.weight is not readable from package a and the"
                + " generated LayerInitializer would read it through getWeight(), which Layer"
                + " overrides")
        .inFile(layer)
        .onLineContaining("public class Layer");
    assertEquals(1, compilation.errors().size(), compilation.errors().toString());
  }

  /**
   * Found by ProcessorFuzzTest: a superclass's shapeFields naming a size its own initializer cannot
   * read was reported at the superclass, and again at each subclass. Reported once, it still keeps
   * the subclass from getting an initializer, which would read the size it cannot.
   */
  @Test
  void anUnreadableSizeOfASuperclassIsReportedOnce() throws Exception {
    JavaFileObject base =
        source("b.Base", "package b;", "public class Base {", "  int out = 2;", "}");
    JavaFileObject layer =
        source(
            "a.Layer",
            "package a;",
            "import dev.kinit.*;",
            "public class Layer extends b.Base {",
            "  int in = 2;",
            "  @KaimingInit(shapeFields = {\"out\", \"in\"}) float[] weight = new float[4];",
            "}");
    JavaFileObject sub =
        source(
            "a.Sub",
            "package a;",
            "import dev.kinit.*;",
            "public class Sub extends Layer {",
            "  @KaimingInit float[][] head = new float[2][2];",
            "}");
    Compilation compilation = strict(base, layer, sub);
    assertThat(compilation)
        .hadErrorContaining(
            "[kinit.shape-field-unreadable] shapeFields of Layer.weight names \"out\", which the"
                + " generated LayerInitializer cannot read")
        .inFile(layer)
        .onLineContaining("shapeFields");
    assertEquals(1, compilation.errors().size(), compilation.errors().toString());
    try (BatchCompiler batch = new BatchCompiler()) { // it keeps a failed run's output
      assertEquals(Map.of(), batch.compile(List.of(base, layer, sub)).generatedSources());
    }
  }

  /**
   * Found by ProcessorFuzzTest: a gain or scale whose std is too large at fan 1 was a compile error
   * for a shape known only at run time, though a larger fan gives a std the runtime accepts; only a
   * std too small even at fan 1 fails for every shape.
   */
  @Test
  void aScaleTooLargeOnlyAtFanOneIsLeftToTheRuntime() throws Exception {
    CompiledClasses classes =
        compiles(
            source(
                "layers.Wide",
                "package layers;",
                "import dev.kinit.*;",
                "public class Wide {",
                "  @XavierInit(gain = 1e39, distribution = Distribution.NORMAL)",
                "  final float[][] weight = new float[100][100];",
                "  @VarianceScalingInit(scale = 1e80, distribution ="
                    + " ScalingDistribution.UNTRUNCATED_NORMAL)",
                "  final float[][] kernel = new float[1][100000];",
                "}"));
    Class<?> type = classes.loadClass("layers.Wide");
    Object layer = type.getDeclaredConstructor().newInstance();
    initialize(classes, "layers.WideInitializer", layer, 11);
    RandomGenerator random = new SplittableRandom(11);
    float[][] weight = new float[100][100];
    Init.xavierNormal(1e39).fill(FloatTensor.of(weight), random);
    float[][] kernel = new float[1][100000];
    Init.varianceScaling(
            1e80, ScalingMode.FAN_IN, ScalingDistribution.UNTRUNCATED_NORMAL, WeightLayout.TORCH)
        .fill(FloatTensor.of(kernel), random);
    assertArrayEquals(weight, (float[][]) field(layer, type, "weight"));
    assertArrayEquals(kernel, (float[][]) field(layer, type, "kernel"));
  }

  // InitializerWriter (parts, plan names) and Layer.isNetwork: issue 17's mutation survivors.

  /** A layer of {@code count} KaimingInit fields w0, w1…, each a new float[2][2]. */
  private static JavaFileObject manyFields(String name, int count, String... classAnnotations) {
    List<String> lines = new ArrayList<>(List.of("package layers;", "import dev.kinit.*;"));
    lines.addAll(List.of(classAnnotations));
    lines.add("public final class " + name + " {");
    for (int i = 0; i < count; i++) {
      lines.add("  @KaimingInit(nonlinearity = Nonlinearity.RELU) public float[][] w" + i + ";");
    }
    lines.add("  public " + name + "() {");
    for (int i = 0; i < count; i++) {
      lines.add("    w" + i + " = new float[2][2];");
    }
    lines.add("  }");
    lines.add("}");
    return source("layers." + name, lines.toArray(String[]::new));
  }

  /**
   * A layer of more than 200 parameters (InitializerWriter.PART_SIZE) is split into nested classes
   * of at most 200, documented with the parameters each fills; one of 200 is not split. Each filled
   * in declaration order, as one method would.
   */
  @ParameterizedTest(name = "{0} parameters")
  @CsvSource(
      delimiter = '|',
      value = {
        "200|",
        "201|Part1Of2: Parameters 1 to 200.;Part2Of2: Parameters 201 to 201.",
        "400|Part1Of2: Parameters 1 to 200.;Part2Of2: Parameters 201 to 400."
      })
  void aLayerIsSplitIntoPartsOfAtMost200Parameters(int count, String parts) throws Exception {
    Compilation compilation = strict(manyFields("Big", count));
    assertThat(compilation).succeededWithoutWarnings();
    CompiledClasses classes = new CompiledClasses(compilation);
    String code = Compilations.generatedSource(compilation, "layers.BigInitializer");
    List<String> expected = parts == null ? List.of() : List.of(parts.split(";"));
    List<String> nested =
        classes.bytes().keySet().stream()
            .filter(name -> name.startsWith("layers.BigInitializer$"))
            .map(name -> name.substring("layers.BigInitializer$".length()))
            .sorted()
            .toList();
    assertEquals(expected.stream().map(part -> part.split(":")[0]).toList(), nested, code);
    for (String part : expected) {
      String[] nameAndDoc = part.split(": ");
      assertTrue(
          code.replaceAll("\\s+", " ")
              .contains(
                  "/** * " + nameAndDoc[1] + " */ private static final class " + nameAndDoc[0]),
          code);
    }
    Object big = classes.loadClass("layers.Big").getConstructor().newInstance();
    initialize(classes, "layers.BigInitializer", big, 3);
    RandomGenerator random = new SplittableRandom(3);
    for (int i = 0; i < count; i++) {
      assertArrayEquals(
          kaiming(2, 2, random), (float[][]) field(big, big.getClass(), "w" + i), "w" + i);
    }
  }

  /**
   * A network is not split into parts, however many parameters it has: its rules run after them, so
   * a rule on a network without children still re-initialises its own parameter.
   */
  @Test
  void theRulesOfANetworkWithManyParametersAndNoChildrenRun() throws Exception {
    CompiledClasses classes =
        compiles(
            manyFields("Wide", 201, "@Network", "@Reinit(parameter = \"w0\", zeros = @ZerosInit)"));
    Class<?> type = classes.loadClass("layers.Wide");
    Object wide = type.getConstructor().newInstance();
    InitPlan plan =
        (InitPlan)
            classes.loadClass("layers.WideInitializer").getMethod("plan", type).invoke(null, wide);
    List<String> steps = plan.steps().stream().map(InitPlan.Step::name).toList();
    assertEquals(202, steps.size(), steps.toString());
    assertEquals(
        List.of("w0", "w1", "w200", "w0"),
        List.of(steps.get(0), steps.get(1), steps.get(200), steps.get(201)));
    initialize(classes, "layers.WideInitializer", wide, 5);
    assertArrayEquals(new float[2][2], (float[][]) field(wide, type, "w0"));
  }

  /**
   * A parameter's name in the plan is its field's; a field hidden by one of the same name in a
   * subclass is named Declaring.field, as both are; where even that repeats (a Net.Base extending a
   * Base), the binary name tells them apart.
   */
  @Test
  void hiddenParametersAreNamedByTheirDeclaringClass() throws Exception {
    CompiledClasses classes =
        compiles(
            source(
                "layers.Base",
                "package layers;",
                "public class Base {",
                "  @dev.kinit.KaimingInit public float[][] weight = new float[2][2];",
                "  @dev.kinit.KaimingInit public float[][] scale = new float[2][2];",
                "}"),
            source(
                "layers.Head",
                "package layers;",
                "public class Head extends Base {",
                "  @dev.kinit.KaimingInit public float[][] weight = new float[2][2];",
                "}"),
            source(
                "layers.Net",
                "package layers;",
                "public class Net {",
                "  public static class Base extends layers.Base {",
                "    @dev.kinit.KaimingInit public float[][] weight = new float[2][2];",
                "  }",
                "}"));
    assertEquals(
        List.of("Base.weight", "scale", "Head.weight"),
        planNames(classes, "layers.Head", "layers.HeadInitializer"));
    assertEquals(
        List.of("layers.Base.weight", "scale", "layers.Net$Base.weight"),
        planNames(classes, "layers.Net$Base", "layers.Net_BaseInitializer"));
  }

  private static List<String> planNames(CompiledClasses classes, String layer, String initializer)
      throws ReflectiveOperationException {
    Class<?> type = classes.loadClass(layer);
    InitPlan plan =
        (InitPlan)
            classes
                .loadClass(initializer)
                .getMethod("plan", type)
                .invoke(null, type.getConstructor().newInstance());
    return plan.parameters().stream().map(InitPlan.Parameter::name).toList();
  }
}
