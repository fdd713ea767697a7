package dev.kinit.processor.ksp;

import com.google.devtools.ksp.symbol.KSDeclaration;
import com.google.devtools.ksp.symbol.Modifier;
import java.util.Set;

/** Java's access level of a class or member as compiled, which generated Java code obeys. */
enum JvmAccess {
  PUBLIC,
  PROTECTED,
  PACKAGE,
  PRIVATE;

  /**
   * A Java declaration's, by its modifiers; a Kotlin one's as its class file has it: {@code
   * internal} is public, and so is the default.
   */
  static JvmAccess of(KSDeclaration declaration) {
    Set<Modifier> modifiers = declaration.getModifiers();
    if (modifiers.contains(Modifier.PRIVATE)) {
      return PRIVATE;
    } else if (modifiers.contains(Modifier.PROTECTED)) {
      return PROTECTED;
    } else if (modifiers.contains(Modifier.PUBLIC) || JvmView.isKotlin(declaration)) {
      return PUBLIC;
    }
    return PACKAGE;
  }

  /** How messages name it: {@code private}, {@code package-private}. */
  String written() {
    return this == PACKAGE ? "package-private" : name().toLowerCase(java.util.Locale.ROOT);
  }
}
