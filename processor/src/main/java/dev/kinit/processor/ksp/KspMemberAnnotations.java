package dev.kinit.processor.ksp;

import com.google.devtools.ksp.symbol.KSAnnotated;
import com.google.devtools.ksp.symbol.KSAnnotation;
import com.google.devtools.ksp.symbol.KSValueArgument;
import dev.kinit.processor.model.Site;
import dev.kinit.processor.rules.MemberAnnotation;
import java.util.Optional;

/**
 * A field's {@code @ConstructedBefore} and {@code @Name}, read from KSP's symbols: a child's or a
 * parameter's.
 */
final class KspMemberAnnotations {
  private KspMemberAnnotations() {}

  /** The value of {@code annotation} on {@code symbol}, if it carries it. */
  static Optional<String> value(KSAnnotated symbol, MemberAnnotation annotation) {
    return argument(symbol, annotation).map(argument -> (String) argument.getValue());
  }

  /** Where {@code annotation} is written on {@code symbol} (the field if it is not). */
  static Site site(KSAnnotated symbol, MemberAnnotation annotation) {
    return argument(symbol, annotation)
        .map(argument -> KspSite.of(argument, symbol))
        .orElse(new KspSite(symbol));
  }

  private static Optional<KSValueArgument> argument(
      KSAnnotated symbol, MemberAnnotation annotation) {
    Optional<KSAnnotation> found = JvmView.annotation(symbol, annotation.qualifiedName());
    return found.flatMap(a -> a.getArguments().stream().findFirst());
  }
}
