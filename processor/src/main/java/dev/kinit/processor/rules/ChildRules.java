package dev.kinit.processor.rules;

import com.palantir.javapoet.ClassName;
import dev.kinit.processor.model.Access;
import dev.kinit.processor.model.Child;
import dev.kinit.processor.model.Deprecation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The rules for a network's child: the initializer must read the field, know which initializer each
 * module needs (a sealed type, not an open one) and find it (a library's module compiled with the
 * processor).
 */
final class ChildRules {

  private final LayerDeclaration layer;
  private final ClassName initializer;
  private final Report report;
  private final Set<Deprecation> deprecations;

  ChildRules(
      LayerDeclaration layer, ClassName initializer, Report report, Set<Deprecation> deprecations) {
    this.layer = layer;
    this.initializer = initializer;
    this.report = report;
    this.deprecations = deprecations;
  }

  /** The child, with its problems reported. */
  Child check(ChildDeclaration child) {
    Access access = new Access.Field(child.name(), null);
    if (child.reach() instanceof Reach.Readable readable) {
      access = readable.access();
      deprecations.addAll(readable.deprecations());
    } else {
      report(
          Message.CHILD_UNREADABLE,
          child,
          child.label(),
          initializer.simpleName(),
          why(child.reach()));
    }
    if (child.container() == Child.Container.UNSUPPORTED
        && child.module().kind() != ModuleDeclaration.Kind.UNRESOLVED) {
      report(Message.UNSUPPORTED_CONTAINER, child, child.label(), child.module().name());
    }
    Child.ModuleType module = module(child, child.module());
    String before = child.constructedBefore().orElse(null);
    return new Child(child.pathName(), child.label(), access, child.container(), module, before);
  }

  /** The module type as generated code initialises it, its problems reported. */
  private Child.ModuleType module(ChildDeclaration child, ModuleDeclaration module) {
    switch (module.kind()) {
      case UNRESOLVED -> {
        report.defer(new Unresolved(child.site(), module.name(), "child " + child.label()));
        return new Child.ModuleType.Parameterless(module.type());
      }
      case OPEN -> {
        report(Message.CHILD_NOT_SEALED, child, child.label(), module.name(), module.name());
        return new Child.ModuleType.Parameterless(module.type());
      }
      case INITIALIZED -> {
        if (!module.initializerAvailable()) {
          report(
              Message.INITIALIZER_MISSING,
              child,
              child.label(),
              module.name(),
              module.initializer().simpleName());
        }
        return new Child.ModuleType.Initialized(module.type(), module.initializer());
      }
      case SEALED -> {
        List<Child.ModuleType> cases = new ArrayList<>();
        for (ModuleDeclaration permitted : module.permitted()) {
          cases.add(module(child, permitted));
        }
        return new Child.ModuleType.Sealed(module.type(), cases);
      }
      default -> {
        return new Child.ModuleType.Parameterless(module.type());
      }
    }
  }

  private void report(Message message, ChildDeclaration child, Object... args) {
    report.add(message, child.own() ? child.site() : layer.site(), args);
  }

  /** Why a reach fails, in a few words. */
  private static String why(Reach reach) {
    if (reach instanceof Reach.NoGetter noGetter) {
      return "it is private and has no getter " + noGetter.getter() + "()";
    } else if (reach instanceof Reach.NotAccessible notAccessible) {
      return "it is not accessible from package " + notAccessible.fromPackage();
    } else if (reach instanceof Reach.GetterInaccessible getter) {
      return "its getter " + getter.getter() + "() is " + getter.access();
    } else if (reach instanceof Reach.GetterOverridden getter) {
      return "its getter " + getter.getter() + "() is overridden in " + getter.overrider();
    } else if (reach instanceof Reach.GetterUncallable getter) {
      return "its getter " + getter.getter() + " cannot be called from Java";
    }
    return ((Reach.Unnameable) reach).reason();
  }
}
