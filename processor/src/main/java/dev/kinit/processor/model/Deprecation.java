package dev.kinit.processor.model;

/**
 * How deprecated a declaration that generated code names is: the warning javac would give, and the
 * {@code @SuppressWarnings} key that silences it in generated code (the user's deprecations are
 * theirs to see at their own uses, not in code they did not write).
 */
public enum Deprecation {
  /** {@code @Deprecated}: javac's {@code [deprecation]} warning under {@code -Xlint}. */
  DEPRECATED("deprecation"),
  /** {@code @Deprecated(forRemoval = true)}: {@code [removal]}, a warning even without -Xlint. */
  FOR_REMOVAL("removal");

  private final String lintKey;

  Deprecation(String lintKey) {
    this.lintKey = lintKey;
  }

  /** The key of {@code @SuppressWarnings} for this warning. */
  public String lintKey() {
    return lintKey;
  }
}
