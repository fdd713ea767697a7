package dev.kinit.processor.ksp;

import com.google.devtools.ksp.symbol.KSClassDeclaration;
import com.google.devtools.ksp.symbol.KSType;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.kinit.processor.rules.MemberDeclaration;
import dev.kinit.processor.rules.ModuleDeclaration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A type used as a module, read from KSP's symbols. */
final class KspModule implements ModuleDeclaration {

  private final KSType type;
  private final KspModules modules;

  KspModule(KSType type, KspModules modules) {
    this.type = type;
    this.modules = modules;
  }

  /** The class, or null for an unresolved type. */
  KSClassDeclaration declaration() {
    return JvmView.classOf(type);
  }

  @Override
  public String name() {
    KSClassDeclaration declared = declaration();
    return declared == null ? written() : declared.getSimpleName().asString();
  }

  /** An unresolved type's name as written. */
  private String written() {
    return KspTypes.errorName(type);
  }

  @Override
  public TypeName type() {
    KSClassDeclaration declared = declaration();
    return declared == null ? ClassName.get("", written()) : KspTypes.withWildcards(declared);
  }

  @Override
  public Kind kind() {
    KSClassDeclaration declared = declaration();
    if (declared == null) {
      return Kind.UNRESOLVED;
    }
    if (KspModules.permittedSubclasses(declared).isPresent()) {
      return Kind.SEALED;
    }
    if (JvmView.isAbstract(declared)) {
      return modules.isOpenTypeOfModules(declared) ? Kind.OPEN : Kind.PARAMETERLESS;
    }
    return modules.initializerOwner(declared).isPresent() ? Kind.INITIALIZED : Kind.PARAMETERLESS;
  }

  @Override
  public ClassName initializer() {
    return KspModules.initializerOf(owner().orElseThrow());
  }

  private Optional<KSClassDeclaration> owner() {
    return modules.initializerOwner(declaration());
  }

  @Override
  public boolean initializerAvailable() {
    return modules.initializerAvailable(owner().orElseThrow());
  }

  @Override
  public List<ModuleDeclaration> permitted() {
    List<ModuleDeclaration> permitted = new ArrayList<>();
    for (KSClassDeclaration subclass :
        KspModules.permittedSubclasses(declaration()).orElseThrow()) {
      permitted.add(new KspModule(subclass.asStarProjectedType(), modules));
    }
    return permitted;
  }

  @Override
  public List<MemberDeclaration> members() {
    return layer().members();
  }

  private KspLayer layer() {
    return new KspLayer(declaration(), modules);
  }
}
