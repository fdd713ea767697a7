package dev.kinit.processor.ksp;

import com.google.devtools.ksp.processing.SymbolProcessor;
import com.google.devtools.ksp.processing.SymbolProcessorEnvironment;
import com.google.devtools.ksp.processing.SymbolProcessorProvider;
import dev.kinit.processor.KaimingInitProcessor;
import dev.kinit.processor.model.Layer;
import java.util.function.Consumer;

/**
 * The entry point KSP loads through {@code META-INF/services}: the same processor as {@link
 * KaimingInitProcessor}, for Kotlin Symbol Processing. Its initializers are the ones kapt writes
 * for the same sources, byte for byte, {@code @Generated} naming {@code KaimingInitProcessor} as
 * theirs do.
 */
public final class KaimingInitSymbolProcessorProvider implements SymbolProcessorProvider {

  private final Consumer<Layer> beforeWrite;

  /** The provider KSP loads. */
  public KaimingInitSymbolProcessorProvider() {
    this(layer -> {});
  }

  /**
   * @param beforeWrite sees each valid layer before it is written; tests use it to simulate an
   *     internal error
   */
  KaimingInitSymbolProcessorProvider(Consumer<Layer> beforeWrite) {
    this.beforeWrite = beforeWrite;
  }

  @Override
  public SymbolProcessor create(SymbolProcessorEnvironment environment) {
    return new KspProcessor(
        environment, KaimingInitProcessor.class.getCanonicalName(), beforeWrite);
  }
}
