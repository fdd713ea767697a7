package dev.kinit.processor.ksp;

import com.google.devtools.ksp.symbol.KSAnnotated;
import com.google.devtools.ksp.symbol.KSAnnotation;
import com.google.devtools.ksp.symbol.KSValueArgument;
import dev.kinit.ConstructedBefore;
import dev.kinit.processor.model.Site;
import java.util.Optional;

/** A field's {@code @ConstructedBefore}, read from KSP's symbols: a child's or a parameter's. */
final class KspConstructionOrder {
  private KspConstructionOrder() {}

  /** The member {@code symbol}'s {@code @ConstructedBefore} names, if it carries one. */
  static Optional<String> before(KSAnnotated symbol) {
    return value(symbol).map(argument -> (String) argument.getValue());
  }

  /** Where {@code symbol}'s {@code @ConstructedBefore} is written (the field if it is not). */
  static Site site(KSAnnotated symbol) {
    return value(symbol).map(argument -> KspSite.of(argument, symbol)).orElse(new KspSite(symbol));
  }

  private static Optional<KSValueArgument> value(KSAnnotated symbol) {
    Optional<KSAnnotation> annotation =
        JvmView.annotation(symbol, ConstructedBefore.class.getCanonicalName());
    return annotation.flatMap(a -> a.getArguments().stream().findFirst());
  }
}
