package dev.kinit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated initializers of representative layers, compared character for character with {@code
 * src/test/resources/expected/}. When a change to the output is intended, rewrite the expected
 * files from the actual output with {@code mvn -pl processor -am verify -Dkinit.updateGolden=true}
 * and review the diff.
 */
class GoldenTest {

  private static final boolean UPDATE = Boolean.getBoolean("kinit.updateGolden");
  private static final Path EXPECTED = Path.of("src/test/resources/expected");

  static Stream<Arguments> layers() {
    return Stream.of(
        Arguments.of("LinearInitializer", List.of("good/Linear.java")),
        Arguments.of("Conv1dInitializer", List.of("good/Conv1d.java")),
        Arguments.of("Conv2dInitializer", List.of("good/Conv2d.java")),
        Arguments.of("Conv3dInitializer", List.of("good/Conv3d.java")),
        Arguments.of("FlatLinearInitializer", List.of("good/FlatLinear.java")),
        Arguments.of("BlockInitializer", List.of("good/Block.java", "good/Stem.java")),
        Arguments.of("TorchLinearInitializer", List.of("good/TorchLinear.java")),
        Arguments.of("GptLinearInitializer", List.of("good/GptLinear.java")),
        Arguments.of("PatchEmbeddingInitializer", List.of("good/PatchEmbedding.java")),
        Arguments.of("RecurrentInitializer", List.of("good/Recurrent.java")),
        Arguments.of("IdentityInitializer", List.of("good/Identity.java")),
        Arguments.of("KerasDenseInitializer", List.of("good/KerasDense.java")),
        Arguments.of("ActivatedInitializer", List.of("good/Activated.java")),
        Arguments.of("ConvTransposeInitializer", List.of("good/ConvTranspose.java")),
        Arguments.of("TinyNetInitializer", List.of("good/TinyNet.java")),
        Arguments.of("TinyNet_BlockInitializer", List.of("good/TinyNet.java")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("layers")
  void generatedSourceMatchesTheExpectedFile(String initializer, List<String> sources)
      throws IOException {
    Compilation compilation = Compilations.compileResources(sources.toArray(String[]::new));
    assertThat(compilation).succeeded();
    assertEquals(List.of(), Compilations.warnings(compilation), "warnings under -Xlint:all");

    String actual = Compilations.generatedSource(compilation, "layers." + initializer);
    String file = initializer + ".java";
    if (UPDATE) {
      Files.writeString(EXPECTED.resolve(file), actual, StandardCharsets.UTF_8);
    }
    assertEquals(expected(file), actual);
  }

  private static String expected(String file) throws IOException {
    if (UPDATE) {
      return Files.readString(EXPECTED.resolve(file), StandardCharsets.UTF_8);
    }
    try (InputStream in = GoldenTest.class.getResourceAsStream("/expected/" + file)) {
      if (in == null) {
        throw new AssertionError(
            "missing expected/"
                + file
                + "; create it with -Dkinit.updateGolden=true and review it");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
