package dev.kinit.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.FilerException;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Generates, for every class with {@code @KaimingInit} fields, an initializer class in the same
 * package ({@code Conv2d} → {@code Conv2dInitializer}) whose {@code initialize(layer, random)}
 * fills those fields, and its superclasses' ones first, through {@link dev.kinit.Kaiming}; and
 * turns every invalid configuration into a compile error at the field or attribute at fault.
 *
 * <p>Pipeline per class: {@link LayerReader} validates and builds a {@link Layer}, reporting into a
 * {@link Report}; {@link InitializerWriter} writes it with JavaPoet. A class whose types are not
 * resolved yet is retried next round and reported only after the last one. No exception escapes: an
 * internal error becomes a compile error on the class being processed. Fields in local and
 * anonymous classes, which javac does not show to this processor, are {@link HiddenFieldChecker}'s.
 */
@AutoService(Processor.class)
public final class KaimingInitProcessor extends AbstractProcessor {

  /**
   * A class retried next round: the unresolved type and where it is, and what reading it found so
   * far, printed only if the type never resolves (else each round would print it again).
   */
  private record Retry(LayerReader.Outcome.Deferred outcome, Report report) {}

  /** Classes retried next round, by qualified name. */
  private final Map<String, Retry> deferred = new TreeMap<>();

  /** The classes declared in this compilation's sources (every round's), by qualified name. */
  private final Set<String> sourceTypes = new HashSet<>();

  /** The initializers written so far, by qualified name. */
  private final Set<String> written = new HashSet<>();

  /** Whether {@code javax.annotation.processing.Generated} exists (from Java 9). */
  private boolean generatedAnnotationExists;

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
   * {@code @KaimingInit}, {@code @TorchDefaultInit}, and {@code @Generated} so that the processor
   * can claim the annotation on its own output (see {@link #process}).
   */
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    Set<String> names = new TreeSet<>(InitAnnotation.NAMES);
    names.add(InitializerWriter.GENERATED.canonicalName());
    return names;
  }

  @Override
  public synchronized void init(ProcessingEnvironment environment) {
    super.init(environment);
    generatedAnnotationExists =
        environment.getElementUtils().getTypeElement(InitializerWriter.GENERATED.canonicalName())
            != null;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  /**
   * Processes one round. Claims {@code @KaimingInit} and {@code @TorchDefaultInit}, which are this
   * processor's alone, and {@code @Generated} when every class carrying it is an initializer
   * written here, so that {@code -Xlint:processing} does not warn about annotations nobody claimed.
   */
  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    try {
      round.getRootElements().forEach(this::addSourceType);
      for (TypeElement layer : layersOf(round)) {
        processLayer(layer);
      }
      if (round.processingOver()) {
        reportUnresolved();
      }
      return onlyOwnGeneratedClasses(round);
    } catch (Throwable t) {
      // Never crash javac: a bug outside any one class is still a readable error.
      processingEnv
          .getMessager()
          .printMessage(Diagnostic.Kind.ERROR, Message.INTERNAL_ERROR.format("round", describe(t)));
      return false;
    }
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

  /** This round's classes with annotated fields and last round's deferred ones, sorted by name. */
  private Set<TypeElement> layersOf(RoundEnvironment round) {
    Set<TypeElement> layers =
        new TreeSet<>(Comparator.comparing(type -> type.getQualifiedName().toString()));
    for (String name : InitAnnotation.NAMES) {
      TypeElement annotation = processingEnv.getElementUtils().getTypeElement(name);
      if (annotation == null) {
        continue;
      }
      for (Element field : round.getElementsAnnotatedWith(annotation)) {
        if (field.getKind() == ElementKind.FIELD) {
          layers.add((TypeElement) field.getEnclosingElement());
        }
      }
    }
    Map<String, Retry> retry = new LinkedHashMap<>(deferred);
    deferred.clear();
    for (String name : retry.keySet()) {
      Optional.ofNullable(processingEnv.getElementUtils().getTypeElement(name))
          .ifPresent(layers::add);
    }
    return layers;
  }

  private void processLayer(TypeElement layer) {
    Report report = new Report();
    try {
      LayerReader.Outcome outcome =
          new LayerReader(processingEnv.getElementUtils(), processingEnv.getTypeUtils())
              .read(layer, report);
      if (outcome instanceof LayerReader.Outcome.Deferred later) {
        deferred.put(layer.getQualifiedName().toString(), new Retry(later, report));
        return;
      }
      if (outcome instanceof LayerReader.Outcome.Valid valid) {
        write(valid.layer(), report);
      }
      report.printTo(processingEnv.getMessager());
    } catch (IOException | RuntimeException | Error e) {
      report.printTo(processingEnv.getMessager());
      processingEnv
          .getMessager()
          .printMessage(
              Diagnostic.Kind.ERROR,
              Message.INTERNAL_ERROR.format(layer.getQualifiedName(), describe(e)),
              layer);
    }
  }

  /**
   * Writes the layer's initializer, unless a class of this compilation or another layer's
   * initializer has its name. A class of that name found only on the class path, such as the
   * previous build's output, does not count: the new source replaces it. (Asking javac whether a
   * name exists would search the whole class path for every layer, and find that old output.)
   */
  private void write(Layer layer, Report report) throws IOException {
    ClassName initializer = layer.initializer();
    if (sourceTypes.contains(initializer.canonicalName())
        || !written.add(initializer.canonicalName())) {
      reportNameTaken(layer, report);
      return;
    }
    beforeWrite.accept(layer);
    JavaFile file = new InitializerWriter(generatedAnnotationExists).write(layer);
    try {
      file.writeTo(processingEnv.getFiler());
    } catch (FilerException nameTaken) {
      reportNameTaken(layer, report); // a source type of a round this processor did not see
    }
  }

  private static void reportNameTaken(Layer layer, Report report) {
    ClassName initializer = layer.initializer();
    report.add(
        Message.INITIALIZER_EXISTS,
        layer.element(),
        initializer.canonicalName(),
        layer.element().getQualifiedName(),
        initializer.simpleName(),
        initializer.packageName());
  }

  /** Adds {@code type} and the types nested in it to {@link #sourceTypes}. */
  private void addSourceType(Element type) {
    if (type instanceof TypeElement declared) {
      sourceTypes.add(declared.getQualifiedName().toString());
      declared.getEnclosedElements().forEach(this::addSourceType);
    }
  }

  private void reportUnresolved() {
    deferred.forEach(
        (name, retry) -> {
          retry.report().printTo(processingEnv.getMessager());
          LayerReader.Outcome.Deferred later = retry.outcome();
          processingEnv
              .getMessager()
              .printMessage(
                  Diagnostic.Kind.ERROR,
                  Message.UNRESOLVED_TYPE.format(later.type(), later.neededBy()),
                  later.element());
        });
    deferred.clear();
  }

  /** The exception and where it was thrown: enough for a bug report, short enough to read. */
  private static String describe(Throwable t) {
    StackTraceElement[] trace = t.getStackTrace();
    return trace.length == 0 ? t.toString() : t + " at " + trace[0];
  }
}
