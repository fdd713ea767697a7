package dev.kinit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * What the processor reads from {@code @kotlin.Metadata}, driven by plain javac over kapt's
 * checked-in stubs ({@link KaptStubs}) rather than by kapt: the same input {@link
 * KotlinCompileTest} compiles, so these run under PIT (docs/testing.md, "Which tests run"). The
 * expected diagnostics are docs/diagnostics.md's; an error's position is the stub's line that kapt
 * maps to the {@code .kt} line {@link KotlinCompileTest} expects.
 */
class KotlinMetadataTest {

  /** The generated code with each run of white space one space, whatever JavaPoet wrapped. */
  private static String oneLine(String code) {
    return code.replaceAll("\\s+", " ");
  }

  /**
   * An {@code internal} property's getter is mangled with the module name ({@code getWeight$main},
   * as kapt's stub declares it), a {@code @get:JvmName} one renamed: the initializer calls each by
   * that name, which only the metadata tells (a conventional {@code getWeight} is not there).
   */
  @Test
  void gettersWithOtherJvmNamesAreCalledByTheirRealName() {
    KaptStubs stubs = KaptStubs.compile("mangled");
    assertThat(stubs.compilation()).succeeded();
    String code =
        oneLine(Compilations.generatedSource(stubs.compilation(), "layers.MangledInitializer"));
    assertTrue(code.contains("layer.getWeight$main()"), code);
    assertTrue(code.contains("layer.fetchOther()"), code);
    // A shape field is read through its getter too: internal, so mangled.
    assertTrue(code.contains("layer.getInFeatures$main()"), code);
  }

  /**
   * A value-class property's getter has a name Java cannot call, which kapt leaves out of the stub;
   * a private nested Kotlin class is package-private in its stub. Each is the error
   * docs/diagnostics.md shows, at the stub's line of what it names (the annotation's {@code
   * shapeFields}, the field); the overridden getter is the third.
   */
  @Test
  void uncallableGettersAndPrivateKotlinClassesAreErrors() {
    KaptStubs stubs = KaptStubs.compile("uncallable");
    assertThat(stubs.compilation()).failed();
    assertThat(stubs.compilation())
        .hadErrorContaining(
            "[kinit.getter-uncallable] field Sized.out is private and its getter getOut-QmJnyn4"
                + " cannot be called from Java (Kotlin mangles the names of getters whose type is"
                + " a value class); expected a property whose type is not a value class, such as"
                + " its underlying type (Kotlin allows no @JvmField on a value-class property)")
        .inFile(stubs.stub("layers/Sized.java"))
        .onLineContaining("@dev.kinit.KaimingInit(shapeFields = {\"out\", \"inFeatures\"})");
    assertThat(stubs.compilation())
        .hadErrorContaining(
            "[kinit.unreachable-class] field Hidden.weight is in private nested class"
                + " layers.Outer.Hidden, which generated code cannot reach; expected the field in a"
                + " top-level class or a non-private nested class")
        .inFile(stubs.stub("layers/Outer.java"))
        .onLineContaining("private final float[][] weight");
    assertThat(stubs.compilation())
        .hadErrorContaining(
            "[kinit.getter-overridden] field OpenBase.weight is private and the generated"
                + " OverriderInitializer would read it through getWeight(), which Overrider"
                + " overrides");
    assertThat(stubs.compilation()).hadErrorCount(3);
  }

  /**
   * A Kotlin {@code sealed interface} is not sealed in its stub: its subclasses, in the order
   * Kotlin lists them, come from the metadata, and the list of it becomes a child told apart when
   * the initializer runs. The {@code internal} child is read through its mangled getter.
   */
  @Test
  void aKotlinSealedInterfacesSubclassesComeFromItsMetadata() {
    KaptStubs stubs = KaptStubs.compile("network");
    assertThat(stubs.compilation()).succeeded();
    String code = oneLine(Compilations.generatedSource(stubs.compilation(), "net.NetInitializer"));
    assertTrue(
        code.contains(
            "plan.children(\"features\", layer.getFeatures(), NetInitializer::planOfPiece);"),
        code);
    assertTrue(
        code.contains(
            "if (module instanceof Conv) return ConvInitializer.plan((Conv) module);"
                + " if (module instanceof Norm) return NormInitializer.plan((Norm) module);"
                + " if (module instanceof Relu) return InitPlan.builder(module, Relu.class).build();"),
        code);
    assertTrue(code.contains("layer.getHead$main()"), code);
  }
}
