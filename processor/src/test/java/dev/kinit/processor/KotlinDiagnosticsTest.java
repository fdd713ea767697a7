package dev.kinit.processor;

import static dev.kinit.processor.KotlinCompileTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tschuchort.compiletesting.JvmCompilationResult;
import com.tschuchort.compiletesting.KotlinCompilation;
import com.tschuchort.compiletesting.SourceFile;
import dev.kinit.processor.ksp.KspProviders;
import java.io.File;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every diagnostic that applies to Kotlin, through kapt and through KSP, with the Java catalogue's
 * text at its {@code .kt} line. The input {@code diagnostics} states each at the line it is
 * expected on ({@code // expect: text}, {@code // warning: text}), and nothing else may be
 * reported.
 */
@Tag("kotlin")
class KotlinDiagnosticsTest {

  private static final Pattern MARKER =
      Pattern.compile(
          "// (expect|warning)(?:\\((kapt|ksp)\\))?: (\\[kinit\\..*?)(?= // (?:expect|warning)|$)");

  /** A diagnostic the input expects: {@code file:line}, error or warning, its text's start. */
  record Expected(String at, boolean error, String text) {}

  /** The expectations of {@code file} in the input {@code diagnostics} that apply to one way. */
  static List<Expected> expectations(KotlinProcessing processing) {
    String[] sources = KotlinInputs.sources("diagnostics");
    List<Expected> expected = new ArrayList<>();
    for (int f = 0; f < sources.length; f += 2) {
      List<String> lines = sources[f + 1].lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        Matcher marker = MARKER.matcher(lines.get(i));
        while (marker.find()) {
          String only = marker.group(2);
          if (only == null || only.equalsIgnoreCase(processing.name())) {
            expected.add(
                new Expected(
                    sources[f] + ":" + (i + 1), marker.group(1).equals("expect"), marker.group(3)));
          }
        }
      }
    }
    return expected;
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(KotlinProcessing.class)
  void everyDiagnosticIsReportedAtItsKotlinLine(KotlinProcessing processing) {
    KotlinProcessing.Result result = KotlinInputs.compile(processing, "diagnostics");
    List<Expected> expected = expectations(processing);
    assertTrue(expected.size() > 40, "the input's expectations were not found: " + expected);
    for (Expected diagnostic : expected) {
      assertTrue(
          result.printed(diagnostic.at(), diagnostic.text(), diagnostic.error()),
          processing
              + ": expected "
              + (diagnostic.error() ? "error " : "warning ")
              + diagnostic.at()
              + ": "
              + diagnostic.text()
              + " in:\n"
              + String.join("\n", result.diagnostics()));
    }
    assertEquals(
        expected.size(),
        result.diagnostics().size(),
        "other diagnostics than expected:\n" + String.join("\n", result.diagnostics()));
    assertFalse(result.succeeded());
  }

  /**
   * A network whose child's class comes from a library compiled without the processor: its
   * initializer does not exist, which is an error at the child, not a missing class in generated
   * code.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(KotlinProcessing.class)
  void aModuleFromALibraryWithoutItsInitializer(KotlinProcessing processing) {
    KotlinCompilation library = new KotlinCompilation();
    library.setSources(
        List.of(
            SourceFile.Companion.kotlin(
                "Linear.kt",
                """
                package lib
                import dev.kinit.TorchDefaultInit
                class Linear { @TorchDefaultInit val weight = Array(2) { FloatArray(2) } }
                """,
                false)));
    library.setInheritClassPath(true);
    library.setMessageOutputStream(OutputStream.nullOutputStream());
    JvmCompilationResult compiled = library.compile();
    assertEquals(KotlinCompilation.ExitCode.OK, compiled.getExitCode(), compiled.getMessages());
    File classes = compiled.getOutputDirectory();
    KotlinProcessing.Result result =
        processing.compile(
            List.of(classes),
            "Net.kt",
            """
            package net
            import dev.kinit.Network
            @Network
            class Net {
              val head = lib.Linear()
            }
            """);
    assertError(
        result,
        "Net.kt:5",
        "[kinit.initializer-missing] Net.head holds Linear, which has kinit annotations but no"
            + " LinearInitializer on the class path");
  }

  /**
   * A type that never exists, as the field's or the superclass's: KSP retries the class each round
   * (another processor might generate the type) and reports it once no round is left. (kapt
   * replaces an unresolved type by {@code error.NonExistentClass} in its stubs, which the processor
   * then sees as an existing class.)
   */
  @Test
  void kspReportsTypesThatNeverResolve() {
    KotlinProcessing.Result result =
        KotlinProcessing.KSP.compile(
            "Missing.kt",
            """
            package layers
            import dev.kinit.KaimingInit
            class Field {
              @KaimingInit val weight: Array<Generated> = emptyArray()
            }
            class Sub : GeneratedBase() {
              @KaimingInit val weight = Array(2) { FloatArray(2) }
            }
            """);
    assertError(
        result,
        "Missing.kt:4",
        "[kinit.unresolved-type] type Generated[], needed by field Field.weight, could not be"
            + " resolved, so no initializer was generated");
    assertError(
        result,
        "Missing.kt:6",
        "[kinit.unresolved-type] type GeneratedBase, needed by superclass of Sub, could not be"
            + " resolved");
  }

  /**
   * A bug in the processor (an exception, simulated where a valid layer is written) is a compile
   * error at the Kotlin class being processed, not a crash of KSP.
   */
  @Test
  void kspReportsAnInternalErrorAtTheClass() {
    KotlinProcessing.Result result =
        KotlinProcessing.compileWithKsp(
            KspProviders.failingBeforeWrite(() -> new IllegalStateException("simulated bug")),
            "Bad.kt",
            """
            package layers
            import dev.kinit.KaimingInit
            class Bad {
              @KaimingInit val weight = Array(2) { FloatArray(2) }
            }
            """);
    assertError(
        result,
        "Bad.kt:3",
        "[kinit.internal-error] internal error while processing layers.Bad:"
            + " java.lang.IllegalStateException: simulated bug at");
  }
}
