package dev.kinit.processor;

import com.google.auto.service.AutoService;
import com.sun.source.util.Trees;
import dev.kinit.processor.javac.LocalClassScan;
import dev.kinit.processor.rules.Message;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Reports kinit annotations that javac never shows {@link KaimingInitProcessor}: on fields of local
 * and anonymous classes and on local variables ({@link LocalClassScan}).
 *
 * <p>A processor of its own because it must see every source file, annotated or not ({@code "*"}),
 * yet claim nothing, while {@code KaimingInitProcessor} claims the kinit annotations. Its order
 * among the processors does not matter: javac calls this one in every round in which something is
 * left unclaimed (in particular when the only kinit annotations are in local classes, which javac
 * does not count as present), and {@code KaimingInitProcessor} scans the rounds it is called in
 * itself; each file is scanned once. Where the compiler does not expose its trees (Gradle's
 * incremental wrappers, non-javac compilers) it does nothing.
 */
@AutoService(Processor.class)
public final class LocalClassChecker extends AbstractProcessor {

  private Trees trees;

  /** The processor javac loads (through {@code META-INF/services}). */
  public LocalClassChecker() {}

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public synchronized void init(ProcessingEnvironment environment) {
    super.init(environment);
    trees = treesOf(environment);
  }

  /** javac's source trees, or null where the compiler does not expose them. */
  static Trees treesOf(ProcessingEnvironment environment) {
    try {
      return Trees.instance(environment);
    } catch (IllegalArgumentException | LinkageError notJavac) {
      return null;
    }
  }

  /** Checks this round's source files; claims nothing. */
  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    scan(trees, round, processingEnv);
    return false;
  }

  /** Scans the round's root elements once each, reporting a bug as an error on the element. */
  static void scan(Trees trees, RoundEnvironment round, ProcessingEnvironment environment) {
    if (trees == null) {
      return;
    }
    for (Element root : round.getRootElements()) {
      try {
        LocalClassScan.scanOnce(trees, root);
      } catch (RuntimeException | Error e) {
        environment
            .getMessager()
            .printMessage(Diagnostic.Kind.ERROR, Message.INTERNAL_ERROR.format(root, e), root);
      }
    }
  }
}
