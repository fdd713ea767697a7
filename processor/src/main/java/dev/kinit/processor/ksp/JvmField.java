package dev.kinit.processor.ksp;

import com.google.devtools.ksp.symbol.KSClassDeclaration;
import com.google.devtools.ksp.symbol.KSDeclaration;
import com.google.devtools.ksp.symbol.KSPropertyDeclaration;

/**
 * A field as its class file has it, which is what generated Java code reads.
 *
 * @param name its name
 * @param owner the class whose class file declares it: for a property of a companion object, the
 *     class the companion belongs to
 * @param symbol what it is the field of: a Kotlin property, a Java field, or an enum entry
 * @param access its access level, which for a Kotlin property is not the property's
 * @param isStatic whether it is static (an object's property, a companion's, a Java static field)
 */
record JvmField(
    String name,
    KSClassDeclaration owner,
    KSDeclaration symbol,
    JvmAccess access,
    boolean isStatic) {

  boolean isEnumConstant() {
    return symbol instanceof KSClassDeclaration;
  }

  /** The property or Java field; null for an enum constant. */
  KSPropertyDeclaration property() {
    return (KSPropertyDeclaration) symbol;
  }
}
