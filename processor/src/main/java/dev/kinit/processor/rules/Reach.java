package dev.kinit.processor.rules;

import dev.kinit.processor.model.Access;
import dev.kinit.processor.model.Deprecation;
import java.util.Set;

/**
 * How generated code in the layer's package can read a member, or why it cannot: what a front end
 * resolves by its language's rules, reporting nothing; the rules turn each obstacle into a message.
 */
public sealed interface Reach {

  /** Readable through {@code access}, naming declarations with these {@code deprecations}. */
  record Readable(Access access, Set<Deprecation> deprecations) implements Reach {
    public Readable {
      deprecations = Set.copyOf(deprecations);
    }
  }

  /**
   * A private field without a getter.
   *
   * @param getter the conventional getter's name, {@code getWeight}
   * @param accessor the record-style accessor's name, {@code weight}
   */
  record NoGetter(String getter, String accessor) implements Reach {}

  /**
   * A field that is not private but not accessible from the initializer's package, without an
   * accessible getter.
   */
  record NotAccessible(String fromPackage, String getter) implements Reach {}

  /**
   * A field that cannot be read directly (private, or not from the initializer's package) whose
   * getter a class between the field's and the layer overrides.
   *
   * @param fieldPrivate whether the field is private (else it is not readable from the package)
   */
  record GetterOverridden(String getter, String overrider, boolean fieldPrivate) implements Reach {}

  /** A private field whose getter is protected or package-private in another package. */
  record GetterInaccessible(String getter, String access, String declaringClass) implements Reach {}

  /** A private field whose getter's JVM name Java cannot call (a Kotlin value-class mangling). */
  record GetterUncallable(String getter) implements Reach {}

  /**
   * A field that no type the initializer can name reaches unambiguously.
   *
   * @param reason why, for the message: {@code "b.PkgBase is not public in b"}
   */
  record Unnameable(String reason) implements Reach {}
}
