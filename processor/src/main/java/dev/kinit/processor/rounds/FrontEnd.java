package dev.kinit.processor.rounds;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import dev.kinit.processor.rules.LayerDeclaration;
import dev.kinit.processor.rules.Report;
import java.io.IOException;
import java.util.Optional;

/**
 * What {@link Rounds} needs of a front end (javac, KSP): its classes, by a handle {@code T} valid
 * for the current round, declared for the rules; the compilation's sources; its files and its
 * diagnostics.
 *
 * @param <T> the front end's handle of a class ({@code TypeElement}, {@code KSClassDeclaration})
 */
public interface FrontEnd<T> {

  /** The class's qualified name, the key by which it is retried in a later round. */
  String name(T type);

  /** The class of that qualified name in the current round, if it exists. */
  Optional<T> find(String qualifiedName);

  /** The class, as the rules read it. */
  LayerDeclaration declare(T type);

  /** Whether a class of that qualified name is declared in this compilation's sources. */
  boolean isSourceType(String qualifiedName);

  /**
   * Writes {@code file}, the class {@code name}, which originates from {@code origin} alone (an
   * isolating output); false if the compiler already has a file of that name.
   */
  boolean create(ClassName name, JavaFile file, T origin) throws IOException;

  /** Prints every item of {@code report}, each at its site. */
  void print(Report report);

  /** Prints {@code text} as an error on {@code type}. */
  void printError(String text, T type);
}
