package dev.kinit.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every Kotlin test input, KSP generates the very sources kapt does, byte for byte, and reports
 * the same problems: the two front ends fill the same model. (Where on a line each points may
 * differ: KSP can point at an attribute, kapt at the declaration.)
 */
@Tag("kotlin")
class KaptKspIdentityTest {

  static Stream<String> inputs() {
    return KotlinInputs.names().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void kspGeneratesWhatKaptGenerates(String input) {
    KotlinProcessing.Result kapt = KotlinInputs.compile(KotlinProcessing.KAPT, input);
    KotlinProcessing.Result ksp = KotlinInputs.compile(KotlinProcessing.KSP, input);
    assertEquals(
        kapt.generated().keySet(),
        ksp.generated().keySet(),
        "generated files\nkapt:\n" + kapt.messages() + "\nksp:\n" + ksp.messages());
    kapt.generated()
        .forEach((file, text) -> assertEquals(text, ksp.generated().get(file), input + "/" + file));
    assertEquals(sorted(kapt.diagnostics()), sorted(ksp.diagnostics()), "diagnostics of " + input);
    assertFalse(
        kapt.generated().isEmpty() && kapt.diagnostics().isEmpty(),
        input + " tests nothing: it neither generates nor reports");
  }

  private static List<String> sorted(List<String> diagnostics) {
    return diagnostics.stream().sorted().toList();
  }
}
