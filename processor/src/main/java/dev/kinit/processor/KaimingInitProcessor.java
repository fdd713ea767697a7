package dev.kinit.processor;

import com.google.auto.service.AutoService;
import com.sun.source.util.Trees;
import dev.kinit.processor.javac.JavacFrontEnd;
import dev.kinit.processor.javac.JavacReporter;
import dev.kinit.processor.javac.Misplaced;
import dev.kinit.processor.model.Layer;
import dev.kinit.processor.rounds.Rounds;
import dev.kinit.processor.rounds.Vocabulary;
import dev.kinit.processor.rules.InitAnnotation;
import dev.kinit.processor.rules.Message;
import dev.kinit.processor.rules.Report;
import dev.kinit.processor.writer.InitializerWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * The javac entry point: generates, for every class with kinit-annotated fields, an initializer in
 * the same package ({@code Conv2d} → {@code Conv2dInitializer}) whose {@code initialize(layer,
 * random)} fills those fields, its superclasses' first, and turns every invalid configuration into
 * a compile error at the field or attribute at fault.
 *
 * <p>It finds the classes of each round and hands them to {@link Rounds}, which has the javac front
 * end ({@link JavacFrontEnd}) declare each, the rules check it and the writer write a clean one;
 * the KSP front end shares that way ({@code dev.kinit.processor.ksp}). No exception escapes: an
 * internal error becomes a compile error.
 */
@AutoService(Processor.class)
public final class KaimingInitProcessor extends AbstractProcessor {

  private Trees trees;
  private JavacFrontEnd frontEnd;
  private Rounds<TypeElement> rounds;

  /** Sees each valid layer before it is written; tests use it to simulate an internal error. */
  private final Consumer<Layer> beforeWrite;

  /** The processor javac loads (through {@code META-INF/services}). */
  public KaimingInitProcessor() {
    this(layer -> {});
  }

  KaimingInitProcessor(Consumer<Layer> beforeWrite) {
    this.beforeWrite = beforeWrite;
  }

  /**
   * The kinit annotations, and {@code @Generated} so that the processor can claim the annotation on
   * its own output (see {@link #process}).
   */
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    Set<String> names = Vocabulary.all();
    names.add(InitializerWriter.GENERATED.canonicalName());
    return names;
  }

  @Override
  public synchronized void init(ProcessingEnvironment environment) {
    super.init(environment);
    boolean generatedAnnotationExists =
        environment.getElementUtils().getTypeElement(InitializerWriter.GENERATED.canonicalName())
            != null;
    trees = LocalClassChecker.treesOf(environment);
    frontEnd = new JavacFrontEnd(environment, trees);
    rounds =
        new Rounds<>(
            frontEnd,
            new InitializerWriter(getClass().getCanonicalName(), generatedAnnotationExists),
            beforeWrite);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  /**
   * Processes one round. Claims the kinit annotations, which are this processor's alone, and
   * {@code @Generated} when every class carrying it is an initializer written here, so that {@code
   * -Xlint:processing} does not warn about annotations nobody claimed.
   */
  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    try {
      round.getRootElements().forEach(frontEnd::addSourceType);
      LocalClassChecker.scan(trees, round, processingEnv);
      List<TypeElement> layers = new ArrayList<>();
      for (String name : Vocabulary.ON_FIELDS) {
        TypeElement annotation = processingEnv.getElementUtils().getTypeElement(name);
        if (annotation != null) {
          for (Element element : round.getElementsAnnotatedWith(annotation)) {
            if (element.getKind() == ElementKind.FIELD
                || element.getKind() == ElementKind.ENUM_CONSTANT) {
              layers.add((TypeElement) element.getEnclosingElement());
            } else {
              reportMisplaced(element, name);
            }
          }
        }
      }
      for (String name : Vocabulary.ON_CLASSES) {
        TypeElement annotation = processingEnv.getElementUtils().getTypeElement(name);
        if (annotation != null) {
          for (Element element : round.getElementsAnnotatedWith(annotation)) {
            if (element instanceof TypeElement type) {
              layers.add(type);
            }
          }
        }
      }
      List<TypeElement> annotated = new ArrayList<>();
      for (String name : Vocabulary.ON_MEMBERS) {
        TypeElement annotation = processingEnv.getElementUtils().getTypeElement(name);
        if (annotation != null) {
          for (Element element : round.getElementsAnnotatedWith(annotation)) {
            if (element.getEnclosingElement() instanceof TypeElement type) {
              annotated.add(type);
            }
          }
        }
      }
      rounds.round(layers, annotated);
      if (round.processingOver()) {
        rounds.finish();
      }
      return onlyOwnGeneratedClasses(round);
    } catch (Throwable t) {
      // Never crash javac: a bug outside any one class is still a readable error.
      processingEnv
          .getMessager()
          .printMessage(
              Diagnostic.Kind.ERROR, Message.INTERNAL_ERROR.format("round", Rounds.describe(t)));
      return false;
    }
  }

  private void reportMisplaced(Element element, String annotation) {
    Report report = new Report();
    Misplaced.report(
        element,
        InitAnnotation.named(annotation).orElseThrow(),
        processingEnv.getTypeUtils(),
        report);
    JavacReporter.print(report, processingEnv.getMessager(), trees);
  }

  private boolean onlyOwnGeneratedClasses(RoundEnvironment round) {
    TypeElement generated =
        processingEnv.getElementUtils().getTypeElement(InitializerWriter.GENERATED.canonicalName());
    return generated == null
        || round.getElementsAnnotatedWith(generated).stream()
            .allMatch(
                element ->
                    element.getAnnotationMirrors().stream()
                        .filter(mirror -> mirror.getAnnotationType().asElement().equals(generated))
                        .flatMap(mirror -> mirror.getElementValues().entrySet().stream())
                        .anyMatch(
                            value ->
                                value.getKey().getSimpleName().contentEquals("value")
                                    && value
                                        .getValue()
                                        .toString()
                                        .contains(getClass().getCanonicalName())));
  }
}
