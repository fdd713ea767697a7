package dev.kinit.processor.ksp;

import com.google.devtools.ksp.symbol.AnnotationUseSiteTarget;
import com.google.devtools.ksp.symbol.ClassKind;
import com.google.devtools.ksp.symbol.KSAnnotated;
import com.google.devtools.ksp.symbol.KSAnnotation;
import com.google.devtools.ksp.symbol.KSClassDeclaration;
import com.google.devtools.ksp.symbol.KSDeclaration;
import com.google.devtools.ksp.symbol.KSFunctionDeclaration;
import com.google.devtools.ksp.symbol.KSNode;
import com.google.devtools.ksp.symbol.KSPropertyAccessor;
import com.google.devtools.ksp.symbol.KSPropertyDeclaration;
import com.google.devtools.ksp.symbol.KSPropertyGetter;
import com.google.devtools.ksp.symbol.KSValueParameter;
import dev.kinit.processor.rules.InitAnnotation;
import dev.kinit.processor.rules.LayerRules;
import dev.kinit.processor.rules.Report;
import java.util.Locale;
import java.util.Optional;
import kotlin.sequences.SequencesKt;

/**
 * Where KSP finds an initialisation annotation: on a field (a property's backing field, a Java
 * field, an enum entry), whose class is then a layer, or anywhere else, a mistake reported at the
 * declaration: on a getter ({@code @get:}), on the property itself ({@code @property:}), on a
 * function or a class. As with javac, the annotations allow these targets only so that the mistake
 * is reported while the valid classes still get their initializers.
 */
final class KspDiscovery {

  private KspDiscovery() {}

  /**
   * Whether an annotation written on a property sits on its backing field: without a use-site
   * target (an annotation that targets fields, and not Kotlin properties, goes there), or with
   * {@code @field:}.
   */
  static boolean onField(KSAnnotation use) {
    return use.getUseSiteTarget() == null
        || use.getUseSiteTarget() == AnnotationUseSiteTarget.FIELD;
  }

  /**
   * The class whose class file holds the field {@code symbol} carries {@code annotation} on, if it
   * is a field; else reports it misplaced into {@code report}.
   */
  static Optional<KSClassDeclaration> layerOf(
      KSAnnotated symbol, InitAnnotation annotation, JvmView view, Report report) {
    if (symbol instanceof KSClassDeclaration type && type.getClassKind() == ClassKind.ENUM_ENTRY) {
      return classOfField(type);
    }
    if (symbol instanceof KSPropertyDeclaration property) {
      KSAnnotation use = use(property, annotation).orElse(null);
      KSClassDeclaration owner = JvmView.enclosing(property);
      Optional<KSClassDeclaration> layer =
          use != null && onField(use) ? classOfField(property) : Optional.empty();
      if (layer.isPresent()) {
        return layer;
      }
      if (use != null && use.getUseSiteTarget() == AnnotationUseSiteTarget.GET) {
        return Optional.empty(); // reported with the getter
      }
      String target =
          use == null || use.getUseSiteTarget() == null
              ? ""
              : " (@" + use.getUseSiteTarget().name().toLowerCase(Locale.ROOT) + ":)";
      String where = owner == null ? "top-level property " : "property " + simpleName(owner) + ".";
      misplaced(annotation, where + property.getSimpleName().asString() + target, property, report);
      return Optional.empty();
    }
    if (symbol instanceof KSPropertyAccessor accessor) {
      KSPropertyDeclaration property = accessor.getReceiver();
      boolean onFieldToo = use(property, annotation).filter(KspDiscovery::onField).isPresent();
      if (!(accessor instanceof KSPropertyGetter) || !onFieldToo) {
        // @get: with the same annotation on the field as well, as Java's record components have
        // it on their accessors, is no mistake.
        misplaced(
            annotation,
            "method " + owner(property, view) + "." + view.resolver().getJvmName(accessor) + "()",
            property,
            report);
      }
      return Optional.empty();
    }
    if (symbol instanceof KSFunctionDeclaration function) {
      if (!accessesAnnotatedField(function, annotation, view)) {
        String name = view.resolver().getJvmName(function);
        misplaced(
            annotation, "method " + owner(function, view) + "." + name + "()", function, report);
      }
      return Optional.empty();
    }
    if (symbol instanceof KSClassDeclaration type) {
      misplaced(annotation, kind(type) + " " + JvmView.qualifiedName(type), type, report);
      return Optional.empty();
    }
    if (symbol instanceof KSValueParameter parameter && parameter.getName() != null) {
      misplaced(annotation, "parameter " + parameter.getName().asString(), parameter, report);
      return Optional.empty();
    }
    misplaced(annotation, String.valueOf(symbol), symbol, report);
    return Optional.empty();
  }

  /**
   * The class whose class file holds the field {@code symbol} is (a property's backing field, a
   * Java field, an enum entry), if it is one.
   */
  static Optional<KSClassDeclaration> classOfField(KSAnnotated symbol) {
    if (symbol instanceof KSClassDeclaration type && type.getClassKind() == ClassKind.ENUM_ENTRY) {
      return Optional.ofNullable(JvmView.enclosing(type));
    }
    if (symbol instanceof KSPropertyDeclaration property && property.getHasBackingField()) {
      KSClassDeclaration owner = JvmView.enclosing(property);
      if (owner != null) {
        return Optional.ofNullable(JvmView.isCompanion(owner) ? JvmView.enclosing(owner) : owner);
      }
    }
    return Optional.empty();
  }

  private static Optional<KSAnnotation> use(KSAnnotated symbol, InitAnnotation annotation) {
    for (KSAnnotation use : SequencesKt.asIterable(symbol.getAnnotations())) {
      if (JvmView.annotationName(use).equals(annotation.qualifiedName())) {
        return Optional.of(use);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether {@code function} is the accessor of a field of its class that carries the same
   * annotation (a Java record component's annotation reaches its accessor too, JLS 8.10.3).
   */
  private static boolean accessesAnnotatedField(
      KSFunctionDeclaration function, InitAnnotation annotation, JvmView view) {
    if (!function.getParameters().isEmpty() || JvmView.enclosing(function) == null) {
      return false;
    }
    String name = view.resolver().getJvmName(function);
    String descriptor = view.resolver().mapToJvmSignature(function);
    for (JvmField field : view.fields(JvmView.enclosing(function))) {
      boolean annotated = use(field.symbol(), annotation).filter(KspDiscovery::onField).isPresent();
      boolean accessor =
          name.equals(field.name())
              || name.equals(KspReach.conventionalName(field.name()))
              || view.kotlinGetter(field).filter(name::equals).isPresent();
      if (annotated && accessor && ("()" + view.descriptor(field)).equals(descriptor)) {
        return true;
      }
    }
    return false;
  }

  /** The simple name of the class a member's class file is: a top-level one's file class. */
  private static String owner(KSDeclaration member, JvmView view) {
    KSClassDeclaration owner = JvmView.enclosing(member);
    if (owner != null) {
      return simpleName(owner);
    }
    String jvmOwner =
        member instanceof KSPropertyDeclaration property
            ? view.resolver().getOwnerJvmClassName(property)
            : view.resolver().getOwnerJvmClassName((KSFunctionDeclaration) member);
    return jvmOwner == null ? "" : jvmOwner.substring(jvmOwner.lastIndexOf('.') + 1);
  }

  private static String simpleName(KSClassDeclaration type) {
    return type.getSimpleName().asString();
  }

  /** How javac names the kind of a class: {@code class}, {@code interface}, {@code enum}. */
  private static String kind(KSClassDeclaration type) {
    return switch (type.getClassKind()) {
      case INTERFACE -> "interface";
      case ENUM_CLASS -> "enum";
      case ANNOTATION_CLASS -> "annotation type";
      default -> "class";
    };
  }

  private static void misplaced(
      InitAnnotation annotation, String what, KSNode node, Report report) {
    LayerRules.misplaced(annotation, what, new KspSite(node), report);
  }
}
