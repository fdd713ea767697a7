package dev.kinit.processor;

import static dev.kinit.processor.KotlinCompileTest.assertSucceeded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.devtools.ksp.processing.CodeGenerator;
import com.google.devtools.ksp.processing.Dependencies;
import com.google.devtools.ksp.processing.SymbolProcessorEnvironment;
import com.google.devtools.ksp.processing.SymbolProcessorProvider;
import com.google.devtools.ksp.symbol.KSClassDeclaration;
import com.google.devtools.ksp.symbol.KSFile;
import dev.kinit.processor.ksp.KaimingInitSymbolProcessorProvider;
import java.io.File;
import java.io.OutputStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Incremental KSP: each initializer is an isolating output of the one file that declares its class
 * (as {@code META-INF/gradle/incremental.annotation.processors} says for javac), so KSP regenerates
 * it when that file changes and only then, whichever files the class's network or superclasses live
 * in. Input {@code networks}: layers, networks and a sealed interface spread over three files.
 */
@Tag("kotlin")
class KspOriginatingFilesTest {

  @Test
  void eachInitializerOriginatesInItsClassesFileAlone() {
    Map<String, Declared> declared = new TreeMap<>();
    SymbolProcessorProvider recording =
        environment -> {
          CodeGenerator generator = environment.getCodeGenerator();
          SymbolProcessorEnvironment recorded =
              new SymbolProcessorEnvironment(
                  environment.getOptions(),
                  environment.getKotlinVersion(),
                  new Recording(generator, declared),
                  environment.getLogger(),
                  environment.getApiVersion(),
                  environment.getCompilerVersion(),
                  environment.getPlatforms(),
                  environment.getKspVersion());
          return new KaimingInitSymbolProcessorProvider().create(recorded);
        };
    String[] sources = KotlinInputs.sources("networks");
    KotlinProcessing.Result result = KotlinProcessing.compileWithKsp(recording, sources);
    assertSucceeded(result);
    assertEquals(result.generated().keySet(), declared.keySet(), "files created");

    declared.forEach(
        (file, dependencies) -> {
          assertFalse(dependencies.aggregating(), file + " is aggregating");
          String type = file.substring(0, file.length() - "Initializer.java".length());
          assertEquals(
              List.of(declaring(type, sources)),
              dependencies.originatingFiles(),
              "originating files of " + file);
        });
  }

  /** The name of the one source file that declares the class or interface {@code simpleName}. */
  private static String declaring(String simpleName, String[] namesAndTexts) {
    Pattern declaration =
        Pattern.compile("(class|interface|object) " + Pattern.quote(simpleName) + "\\b");
    List<String> files = new java.util.ArrayList<>();
    for (int i = 0; i < namesAndTexts.length; i += 2) {
      if (declaration.matcher(namesAndTexts[i + 1]).find()) {
        files.add(namesAndTexts[i]);
      }
    }
    assertEquals(1, files.size(), simpleName + " declared in " + files);
    return files.get(0);
  }

  /**
   * What a new file declares, read while its round lasts (KSP's symbols do not outlive it).
   *
   * @param originatingFiles the names of the originating files
   */
  private record Declared(boolean aggregating, List<String> originatingFiles) {

    Declared(Dependencies dependencies) {
      this(
          dependencies.getAggregating(),
          dependencies.getOriginatingFiles().stream().map(KSFile::getFileName).toList());
    }
  }

  /** KSP's code generator, recording the dependencies each new file declares. */
  private record Recording(CodeGenerator delegate, Map<String, Declared> declared)
      implements CodeGenerator {

    @Override
    public OutputStream createNewFile(
        Dependencies dependencies, String packageName, String fileName, String extensionName) {
      declared.put(fileName + "." + extensionName, new Declared(dependencies));
      return delegate.createNewFile(dependencies, packageName, fileName, extensionName);
    }

    @Override
    public OutputStream createNewFileByPath(
        Dependencies dependencies, String path, String extensionName) {
      declared.put(path + "." + extensionName, new Declared(dependencies));
      return delegate.createNewFileByPath(dependencies, path, extensionName);
    }

    @Override
    public void associate(
        List<? extends KSFile> sources, String packageName, String fileName, String extensionName) {
      delegate.associate(sources, packageName, fileName, extensionName);
    }

    @Override
    public void associateByPath(List<? extends KSFile> sources, String path, String extensionName) {
      delegate.associateByPath(sources, path, extensionName);
    }

    @Override
    public void associateWithClasses(
        List<? extends KSClassDeclaration> classes,
        String packageName,
        String fileName,
        String extensionName) {
      delegate.associateWithClasses(classes, packageName, fileName, extensionName);
    }

    @Override
    public Collection<File> getGeneratedFile() {
      return delegate.getGeneratedFile();
    }
  }
}
