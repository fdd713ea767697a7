package dev.kinit.processor.ksp;

import com.google.devtools.ksp.processing.Resolver;
import com.google.devtools.ksp.processing.SymbolProcessor;
import com.google.devtools.ksp.processing.SymbolProcessorEnvironment;
import com.google.devtools.ksp.symbol.KSAnnotated;
import com.google.devtools.ksp.symbol.KSClassDeclaration;
import dev.kinit.processor.model.Layer;
import dev.kinit.processor.rounds.Rounds;
import dev.kinit.processor.rounds.Vocabulary;
import dev.kinit.processor.rules.InitAnnotation;
import dev.kinit.processor.rules.Message;
import dev.kinit.processor.rules.Report;
import dev.kinit.processor.writer.InitializerWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import kotlin.sequences.SequencesKt;
import org.jspecify.annotations.Nullable;

/**
 * The KSP processor: finds, in each round, the classes with kinit-annotated fields and the
 * networks, and hands them to {@link Rounds}, as the javac processor does; reports misplaced
 * annotations. A class deferred for an unresolved type is retried by name next round (KSP's symbols
 * do not outlive a round), and reported when KSP finishes, or stops on an error.
 */
final class KspProcessor implements SymbolProcessor {

  private final SymbolProcessorEnvironment environment;
  private final String generator;
  private final Consumer<Layer> beforeWrite;
  private final KspFrontEnd frontEnd;
  private @Nullable Rounds<KSClassDeclaration> rounds;

  /**
   * @param generator the processor {@code @Generated} names
   * @param beforeWrite sees each valid layer before it is written
   */
  KspProcessor(
      SymbolProcessorEnvironment environment, String generator, Consumer<Layer> beforeWrite) {
    this.environment = environment;
    this.generator = generator;
    this.beforeWrite = beforeWrite;
    this.frontEnd = new KspFrontEnd(environment.getCodeGenerator(), environment.getLogger());
  }

  @Override
  public List<KSAnnotated> process(Resolver resolver) {
    try {
      frontEnd.startRound(resolver);
      if (rounds == null) {
        boolean generatedAnnotationExists =
            resolver.getClassDeclarationByName(
                    resolver.getKSNameFromString(InitializerWriter.GENERATED.canonicalName()))
                != null;
        rounds =
            new Rounds<>(
                frontEnd, new InitializerWriter(generator, generatedAnnotationExists), beforeWrite);
      }
      List<KSClassDeclaration> layers = new ArrayList<>();
      for (String name : Vocabulary.ON_FIELDS) {
        InitAnnotation annotation = InitAnnotation.named(name).orElseThrow();
        for (KSAnnotated symbol :
            SequencesKt.asIterable(resolver.getSymbolsWithAnnotation(name, false))) {
          Report report = new Report();
          KspDiscovery.layerOf(symbol, annotation, frontEnd.view(), report).ifPresent(layers::add);
          frontEnd.print(report);
        }
      }
      for (String name : Vocabulary.ON_CLASSES) {
        for (KSAnnotated symbol :
            SequencesKt.asIterable(resolver.getSymbolsWithAnnotation(name, false))) {
          if (symbol instanceof KSClassDeclaration type) {
            layers.add(type);
          }
        }
      }
      List<KSClassDeclaration> annotated = new ArrayList<>();
      for (String name : Vocabulary.ON_MEMBERS) {
        for (KSAnnotated symbol :
            SequencesKt.asIterable(resolver.getSymbolsWithAnnotation(name, false))) {
          KspDiscovery.classOfField(symbol).ifPresent(annotated::add);
        }
      }
      rounds.round(layers, annotated);
    } catch (RuntimeException | Error e) {
      // Never crash KSP: a bug outside any one class is still a readable error.
      environment
          .getLogger()
          .error(Message.INTERNAL_ERROR.format("round", Rounds.describe(e)), null);
    }
    return List.of();
  }

  /** Reports the classes still waiting for a type: no round will resolve it. */
  @Override
  public void finish() {
    if (rounds != null) {
      rounds.finish();
    }
  }

  /** KSP stops after a round with errors: what is still deferred will never resolve either. */
  @Override
  public void onError() {
    finish();
  }
}
