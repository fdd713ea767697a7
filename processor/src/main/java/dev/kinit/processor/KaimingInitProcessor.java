package dev.kinit.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.sun.source.util.Trees;
import dev.kinit.ConstructedBefore;
import dev.kinit.Network;
import dev.kinit.Reinit;
import dev.kinit.processor.javac.JavacLayer;
import dev.kinit.processor.javac.JavacReporter;
import dev.kinit.processor.javac.Misplaced;
import dev.kinit.processor.model.Layer;
import dev.kinit.processor.rules.InitAnnotation;
import dev.kinit.processor.rules.LayerRules;
import dev.kinit.processor.rules.Message;
import dev.kinit.processor.rules.Report;
import dev.kinit.processor.writer.InitializerWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
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
import javax.tools.JavaFileObject;

/**
 * The javac entry point: generates, for every class with kinit-annotated fields, an initializer in
 * the same package ({@code Conv2d} → {@code Conv2dInitializer}) whose {@code initialize(layer,
 * random)} fills those fields, its superclasses' first, and turns every invalid configuration into
 * a compile error at the field or attribute at fault.
 *
 * <p>Per class: the javac front end declares it ({@link JavacLayer}), the rules check it and build
 * its model ({@link LayerRules}, reporting into a {@link Report}), and the writer turns a clean one
 * into code ({@link InitializerWriter}); this class stands above the three and writes the file. A
 * class whose types are not resolved yet is retried next round and reported only after the last
 * one. No exception escapes: an internal error becomes a compile error on the class at hand.
 */
@AutoService(Processor.class)
public final class KaimingInitProcessor extends AbstractProcessor {

  /**
   * A class retried next round, and what checking it found so far, printed if it never resolves.
   */
  private final Map<String, Report> deferred = new TreeMap<>();

  /** The classes declared in this compilation's sources (every round's), by qualified name. */
  private final Set<String> sourceTypes = new HashSet<>();

  /** The initializers written so far, by qualified name. */
  private final Set<String> written = new HashSet<>();

  /** Whether {@code javax.annotation.processing.Generated} exists (from Java 9). */
  private boolean generatedAnnotationExists;

  private Trees trees;

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
    Set<String> names = new TreeSet<>(InitAnnotation.QUALIFIED_NAMES);
    names.addAll(NETWORK_ANNOTATIONS);
    names.add(ConstructedBefore.class.getCanonicalName());
    names.add(InitializerWriter.GENERATED.canonicalName());
    return names;
  }

  /** The annotations on a class that make it a network, or that only a network may have. */
  private static final List<String> NETWORK_ANNOTATIONS =
      List.of(
          Network.class.getCanonicalName(),
          Reinit.class.getCanonicalName(),
          Reinit.List.class.getCanonicalName());

  @Override
  public synchronized void init(ProcessingEnvironment environment) {
    super.init(environment);
    generatedAnnotationExists =
        environment.getElementUtils().getTypeElement(InitializerWriter.GENERATED.canonicalName())
            != null;
    trees = LocalClassChecker.treesOf(environment);
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
      round.getRootElements().forEach(this::addSourceType);
      LocalClassChecker.scan(trees, round, processingEnv);
      Set<TypeElement> layers =
          new TreeSet<>(Comparator.comparing(t -> t.getQualifiedName().toString()));
      for (String name : InitAnnotation.QUALIFIED_NAMES) {
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
      for (String name : NETWORK_ANNOTATIONS) {
        TypeElement annotation = processingEnv.getElementUtils().getTypeElement(name);
        if (annotation != null) {
          for (Element element : round.getElementsAnnotatedWith(annotation)) {
            if (element instanceof TypeElement type) {
              layers.add(type);
            }
          }
        }
      }
      Map<String, Report> retry = new LinkedHashMap<>(deferred);
      deferred.clear();
      for (String name : retry.keySet()) {
        Optional.ofNullable(processingEnv.getElementUtils().getTypeElement(name))
            .ifPresent(layers::add);
      }
      layers.forEach(this::process);
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

  private void process(TypeElement type) {
    Report report = new Report();
    try {
      JavacLayer declaration =
          JavacLayer.of(
              type,
              processingEnv.getElementUtils(),
              processingEnv.getTypeUtils(),
              other -> sourceTypes.contains(other.getQualifiedName().toString()),
              this::sourceModules,
              trees);
      Layer layer = LayerRules.check(declaration, report);
      if (report.deferred().isPresent()) {
        deferred.put(type.getQualifiedName().toString(), report);
        return;
      }
      if (report.isClean()) {
        write(layer, type, report);
      }
      JavacReporter.print(report, processingEnv.getMessager(), trees);
    } catch (IOException | RuntimeException | Error e) {
      JavacReporter.print(report, processingEnv.getMessager(), trees);
      processingEnv
          .getMessager()
          .printMessage(
              Diagnostic.Kind.ERROR,
              Message.INTERNAL_ERROR.format(type.getQualifiedName(), describe(e)),
              type);
    }
  }

  /**
   * Writes the layer's initializer, unless a class of this compilation or another layer's
   * initializer has its name. A class of that name found only on the class path, such as the
   * previous build's output, does not count: the new source replaces it. (Asking javac whether a
   * name exists would search the whole class path for every layer, and find that old output.)
   */
  private void write(Layer layer, TypeElement type, Report report) throws IOException {
    ClassName initializer = layer.initializer();
    if (sourceTypes.contains(initializer.canonicalName())
        || !written.add(initializer.canonicalName())) {
      LayerRules.initializerNameTaken(layer, report);
      return;
    }
    beforeWrite.accept(layer);
    JavaFile file =
        new InitializerWriter(getClass().getCanonicalName(), generatedAnnotationExists)
            .write(layer);
    JavaFileObject source;
    try {
      source = processingEnv.getFiler().createSourceFile(initializer.canonicalName(), type);
    } catch (FilerException nameTaken) {
      LayerRules.initializerNameTaken(layer, report); // a source type of a round not seen here
      return;
    }
    try (Writer writer = source.openWriter()) {
      file.writeTo(writer);
    }
  }

  /** This compilation's classes that have an initializer: a network, or annotated fields. */
  private java.util.Iterator<TypeElement> sourceModules() {
    return sourceTypes.stream()
        .map(name -> processingEnv.getElementUtils().getTypeElement(name))
        .filter(
            type ->
                type != null
                    && (type.getAnnotation(Network.class) != null
                        || JavacLayer.declaresParameters(type)))
        .iterator();
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
        (name, report) -> {
          LayerRules.neverResolved(report.deferred().orElseThrow(), report);
          JavacReporter.print(report, processingEnv.getMessager(), trees);
        });
    deferred.clear();
  }

  /** The exception and where it was thrown: enough for a bug report, short enough to read. */
  private static String describe(Throwable t) {
    StackTraceElement[] trace = t.getStackTrace();
    return trace.length == 0 ? t.toString() : t + " at " + trace[0];
  }
}
