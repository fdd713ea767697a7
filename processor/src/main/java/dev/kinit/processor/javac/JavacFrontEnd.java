package dev.kinit.processor.javac;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.sun.source.util.Trees;
import dev.kinit.Network;
import dev.kinit.processor.rounds.FrontEnd;
import dev.kinit.processor.rules.LayerDeclaration;
import dev.kinit.processor.rules.Report;
import java.io.IOException;
import java.io.Writer;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.FilerException;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.jspecify.annotations.Nullable;

/** javac as the {@link FrontEnd} of the rounds: its elements, its {@code Filer}, its messages. */
public final class JavacFrontEnd implements FrontEnd<TypeElement> {

  private final ProcessingEnvironment environment;
  private final @Nullable Trees trees;

  /** The classes declared in this compilation's sources (every round's), by qualified name. */
  private final Set<String> sourceTypes = new HashSet<>();

  /**
   * @param trees javac's source trees, where it exposes them
   */
  public JavacFrontEnd(ProcessingEnvironment environment, @Nullable Trees trees) {
    this.environment = environment;
    this.trees = trees;
  }

  /** Adds {@code type} and the types nested in it to this compilation's sources. */
  public void addSourceType(Element type) {
    if (type instanceof TypeElement declared) {
      sourceTypes.add(declared.getQualifiedName().toString());
      declared.getEnclosedElements().forEach(this::addSourceType);
    }
  }

  @Override
  public String name(TypeElement type) {
    return type.getQualifiedName().toString();
  }

  @Override
  public Optional<TypeElement> find(String qualifiedName) {
    return Optional.ofNullable(environment.getElementUtils().getTypeElement(qualifiedName));
  }

  @Override
  public LayerDeclaration declare(TypeElement type) {
    return JavacLayer.of(
        type,
        environment.getElementUtils(),
        environment.getTypeUtils(),
        other -> sourceTypes.contains(other.getQualifiedName().toString()),
        this::sourceModules,
        trees);
  }

  /** This compilation's classes that have an initializer: a network, or annotated fields. */
  private Iterator<TypeElement> sourceModules() {
    return sourceTypes.stream()
        .map(name -> environment.getElementUtils().getTypeElement(name))
        .filter(
            type ->
                type != null
                    && (type.getAnnotation(Network.class) != null
                        || JavacLayer.declaresParameters(type)))
        .iterator();
  }

  @Override
  public boolean isSourceType(String qualifiedName) {
    return sourceTypes.contains(qualifiedName);
  }

  @Override
  public boolean create(ClassName name, JavaFile file, TypeElement origin) throws IOException {
    JavaFileObject source;
    try {
      source = environment.getFiler().createSourceFile(name.canonicalName(), origin);
    } catch (FilerException nameTaken) {
      return false;
    }
    try (Writer writer = source.openWriter()) {
      file.writeTo(writer);
    }
    return true;
  }

  @Override
  public void print(Report report) {
    JavacReporter.print(report, environment.getMessager(), trees);
  }

  @Override
  public void printError(String text, TypeElement type) {
    environment.getMessager().printMessage(Diagnostic.Kind.ERROR, text, type);
  }
}
