package dev.kinit.processor.javac;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.kinit.processor.rules.MemberDeclaration;
import dev.kinit.processor.rules.ModuleDeclaration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** A type used as a module, read from javac's elements. */
final class JavacModule implements ModuleDeclaration {

  private final TypeMirror type;
  private final Modules modules;

  JavacModule(TypeMirror type, Modules modules) {
    this.type = type;
    this.modules = modules;
  }

  TypeMirror typeMirror() {
    return type;
  }

  private TypeElement element() {
    return (TypeElement) ((DeclaredType) type).asElement();
  }

  @Override
  public String name() {
    return type.getKind() == TypeKind.DECLARED
        ? element().getSimpleName().toString()
        : type.toString();
  }

  @Override
  public TypeName type() {
    return type.getKind() == TypeKind.DECLARED
        ? TypeNames.withWildcards(element())
        : ClassName.get("", type.toString());
  }

  @Override
  public Kind kind() {
    if (type.getKind() != TypeKind.DECLARED) {
      return Kind.UNRESOLVED;
    }
    TypeElement element = element();
    if (modules.permittedSubclasses(element).isPresent()) {
      return Kind.SEALED;
    }
    if (Modules.isAbstract(element)) {
      return modules.isOpenTypeOfModules(element) ? Kind.OPEN : Kind.PARAMETERLESS;
    }
    return Modules.initializerOwner(element).isPresent() ? Kind.INITIALIZED : Kind.PARAMETERLESS;
  }

  @Override
  public ClassName initializer() {
    return Modules.initializerOf(owner().orElseThrow());
  }

  private Optional<TypeElement> owner() {
    return Modules.initializerOwner(element());
  }

  @Override
  public boolean initializerAvailable() {
    TypeElement owner = owner().orElseThrow();
    return modules.inSources(owner)
        || modules.elements().getTypeElement(initializer().canonicalName()) != null;
  }

  @Override
  public List<ModuleDeclaration> permitted() {
    List<ModuleDeclaration> permitted = new ArrayList<>();
    for (TypeMirror subclass : modules.permittedSubclasses(element()).orElseThrow()) {
      permitted.add(new JavacModule(subclass, modules));
    }
    return permitted;
  }

  @Override
  public List<MemberDeclaration> members() {
    return layer().members();
  }

  private JavacLayer layer() {
    return new JavacLayer(element(), modules);
  }
}
