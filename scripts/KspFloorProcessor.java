import com.google.devtools.ksp.processing.Resolver;
import com.google.devtools.ksp.processing.SymbolProcessor;
import com.google.devtools.ksp.processing.SymbolProcessorEnvironment;
import com.google.devtools.ksp.processing.SymbolProcessorProvider;
import com.google.devtools.ksp.symbol.KSAnnotated;
import com.google.devtools.ksp.symbol.KSAnnotation;
import com.google.devtools.ksp.symbol.KSPropertyDeclaration;
import com.google.devtools.ksp.symbol.KSValueArgument;
import java.util.List;
import kotlin.sequences.SequencesKt;

/**
 * The least a KSP processor for kinit's annotations must ask of KSP, to measure against kinit's
 * processor over the layers of scripts/bench_ksp_sources.py (BENCHMARKS.md, "kapt against KSP"): the
 * symbols with each annotation the layers use, and, as the system property {@code floor.steps}
 * lists them ({@code type,args}: both), each annotated property's type and each annotation's type,
 * arguments and default arguments. It generates nothing.
 *
 * <p>Build and run it with bench_ksp.sh's KSPJvmMain arguments, the processor path replaced:
 *
 * <pre>
 * CP=$(cat benchmarks/target/bench-ksp/ksp.classpath)
 * javac -d floor -cp "$CP" scripts/KspFloorProcessor.java
 * mkdir -p floor/META-INF/services && echo KspFloorProcessor \
 *   > floor/META-INF/services/com.google.devtools.ksp.processing.SymbolProcessorProvider
 * java -Dfloor.steps=type,args -cp "$CP" com.google.devtools.ksp.cmdline.KSPJvmMain ... floor
 * </pre>
 */
public final class KspFloorProcessor implements SymbolProcessorProvider {

  private static final List<String> ANNOTATIONS =
      List.of(
          "dev.kinit.KaimingInit",
          "dev.kinit.TorchDefaultInit",
          "dev.kinit.XavierInit",
          "dev.kinit.NormalInit",
          "dev.kinit.OnesInit",
          "dev.kinit.ZerosInit");

  @Override
  public SymbolProcessor create(SymbolProcessorEnvironment environment) {
    String steps = System.getProperty("floor.steps", "");
    return new SymbolProcessor() {
      private boolean done;

      @Override
      public List<KSAnnotated> process(Resolver resolver) {
        if (done) {
          return List.of();
        }
        done = true;
        int symbols = 0;
        for (String name : ANNOTATIONS) {
          for (KSAnnotated symbol :
              SequencesKt.asIterable(resolver.getSymbolsWithAnnotation(name, false))) {
            symbols++;
            if (steps.contains("type") && symbol instanceof KSPropertyDeclaration property) {
              property.getType().resolve();
            }
            if (steps.contains("args")) {
              for (KSAnnotation use : SequencesKt.asIterable(symbol.getAnnotations())) {
                use.getAnnotationType().resolve().getDeclaration().getQualifiedName();
                for (KSValueArgument argument : use.getArguments()) {
                  argument.getValue();
                }
                for (KSValueArgument argument : use.getDefaultArguments()) {
                  argument.getValue();
                }
              }
            }
          }
        }
        environment.getLogger().warn("floor (" + steps + "): " + symbols + " symbols", null);
        return List.of();
      }
    };
  }
}
