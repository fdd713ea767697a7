package dev.kinit.processor.ksp;

import com.google.devtools.ksp.symbol.KSClassDeclaration;
import com.google.devtools.ksp.symbol.KSDeclaration;

/**
 * A method without parameters as its class file has it: a Kotlin property's getter, under its JVM
 * name, or a function.
 *
 * @param name its JVM name
 * @param owner the class that declares it
 * @param symbol the property whose getter it is, or the function
 * @param access its access level
 * @param isStatic whether it is static
 * @param descriptor its JVM descriptor, {@code ()[[F}
 */
record JvmMethod(
    String name,
    KSClassDeclaration owner,
    KSDeclaration symbol,
    JvmAccess access,
    boolean isStatic,
    String descriptor) {}
