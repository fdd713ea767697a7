package dev.kinit.processor.ksp;

import com.google.devtools.ksp.processing.SymbolProcessorProvider;
import java.util.function.Supplier;

/** What the tests in other packages need of the KSP front end's package-private parts. */
public final class KspProviders {

  private KspProviders() {}

  /** The processor, throwing {@code bug}'s exception where it would write a valid layer. */
  public static SymbolProcessorProvider failingBeforeWrite(Supplier<RuntimeException> bug) {
    return new KaimingInitSymbolProcessorProvider(
        layer -> {
          throw bug.get();
        });
  }
}
