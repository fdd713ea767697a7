package dev.kinit.processor.ksp;

import com.google.devtools.ksp.processing.CodeGenerator;
import com.google.devtools.ksp.processing.Dependencies;
import com.google.devtools.ksp.processing.KSPLogger;
import com.google.devtools.ksp.processing.Resolver;
import com.google.devtools.ksp.symbol.KSClassDeclaration;
import com.google.devtools.ksp.symbol.KSDeclaration;
import com.google.devtools.ksp.symbol.KSFile;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import dev.kinit.processor.rounds.FrontEnd;
import dev.kinit.processor.rules.LayerDeclaration;
import dev.kinit.processor.rules.Report;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kotlin.io.FileAlreadyExistsException;
import kotlin.sequences.SequencesKt;

/**
 * KSP as the {@link FrontEnd} of the rounds: the resolver of the current round, its {@code
 * CodeGenerator} (each initializer an isolating output of its layer's file) and its logger.
 */
final class KspFrontEnd implements FrontEnd<KSClassDeclaration> {

  private final CodeGenerator codeGenerator;
  private final KSPLogger logger;
  private KspModules modules;

  KspFrontEnd(CodeGenerator codeGenerator, KSPLogger logger) {
    this.codeGenerator = codeGenerator;
    this.logger = logger;
  }

  /**
   * Starts a round: KSP's symbols of an earlier round are not valid in this one, and the sources
   * may have grown by generated files.
   */
  void startRound(Resolver resolver) {
    JvmView view = new JvmView(resolver);
    Set<String> sourceTypes = new HashSet<>();
    List<KSClassDeclaration> sourceModules = new ArrayList<>();
    for (KSFile file : SequencesKt.asIterable(resolver.getAllFiles())) {
      for (KSDeclaration declaration : SequencesKt.asIterable(file.getDeclarations())) {
        addSourceType(declaration, view, sourceTypes, sourceModules);
      }
    }
    modules = new KspModules(view, sourceTypes, sourceModules);
  }

  private static void addSourceType(
      KSDeclaration declaration,
      JvmView view,
      Set<String> sourceTypes,
      List<KSClassDeclaration> modules) {
    if (declaration instanceof KSClassDeclaration type) {
      sourceTypes.add(JvmView.qualifiedName(type));
      if (KspModules.isNetwork(type) || KspModules.declaresParameters(type, view)) {
        modules.add(type);
      }
      for (KSDeclaration nested : SequencesKt.asIterable(type.getDeclarations())) {
        addSourceType(nested, view, sourceTypes, modules);
      }
    }
  }

  JvmView view() {
    return modules.view();
  }

  @Override
  public String name(KSClassDeclaration type) {
    return JvmView.qualifiedName(type);
  }

  @Override
  public Optional<KSClassDeclaration> find(String qualifiedName) {
    Resolver resolver = modules.resolver();
    return Optional.ofNullable(
        resolver.getClassDeclarationByName(resolver.getKSNameFromString(qualifiedName)));
  }

  @Override
  public LayerDeclaration declare(KSClassDeclaration type) {
    return new KspLayer(type, modules);
  }

  @Override
  public boolean isSourceType(String qualifiedName) {
    return find(qualifiedName).filter(JvmView::isSource).isPresent();
  }

  @Override
  public boolean create(ClassName name, JavaFile file, KSClassDeclaration origin)
      throws IOException {
    KSFile source = origin.getContainingFile();
    Dependencies dependencies =
        source == null ? new Dependencies(false) : new Dependencies(false, source);
    OutputStream out;
    try {
      out =
          codeGenerator.createNewFile(
              dependencies, name.packageName(), String.join("_", name.simpleNames()), "java");
    } catch (Exception e) {
      if (e instanceof FileAlreadyExistsException) {
        return false; // Kotlin's, undeclared: a file of that name was written this run
      }
      throw e;
    }
    try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
      file.writeTo(writer);
    }
    return true;
  }

  @Override
  public void print(Report report) {
    KspReporter.print(report, logger);
  }

  @Override
  public void printError(String text, KSClassDeclaration type) {
    logger.error(text, type);
  }
}
