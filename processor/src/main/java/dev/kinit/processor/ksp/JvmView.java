package dev.kinit.processor.ksp;

import com.google.devtools.ksp.processing.Resolver;
import com.google.devtools.ksp.symbol.ClassKind;
import com.google.devtools.ksp.symbol.KSAnnotated;
import com.google.devtools.ksp.symbol.KSAnnotation;
import com.google.devtools.ksp.symbol.KSClassDeclaration;
import com.google.devtools.ksp.symbol.KSDeclaration;
import com.google.devtools.ksp.symbol.KSFunctionDeclaration;
import com.google.devtools.ksp.symbol.KSNode;
import com.google.devtools.ksp.symbol.KSPropertyDeclaration;
import com.google.devtools.ksp.symbol.KSPropertyGetter;
import com.google.devtools.ksp.symbol.KSType;
import com.google.devtools.ksp.symbol.KSTypeAlias;
import com.google.devtools.ksp.symbol.KSTypeReference;
import com.google.devtools.ksp.symbol.Modifier;
import com.google.devtools.ksp.symbol.Origin;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kotlin.sequences.SequencesKt;
import org.jspecify.annotations.Nullable;

/**
 * KSP's classes as their class files have them, which is what generated Java code sees: the
 * superclass and interfaces, the fields (a Kotlin property's backing field, private unless {@code
 * JvmField}, {@code lateinit} or {@code const}; a companion's in the class it belongs to; an
 * object's static) and the methods without parameters (a property's getter under its JVM name).
 * Java declarations are as written. One view serves one round, and remembers each class's fields
 * and methods: the rules ask for them again for each field (a lookup, a getter), and each time KSP
 * would map every member anew (annotations, JVM names, signatures).
 */
final class JvmView {

  private static final String JVM_FIELD = "kotlin.jvm.JvmField";

  private final Resolver resolver;
  private final Map<KSClassDeclaration, List<JvmField>> fields = new HashMap<>();
  private final Map<KSClassDeclaration, List<JvmMethod>> methods = new HashMap<>();

  JvmView(Resolver resolver) {
    this.resolver = resolver;
  }

  Resolver resolver() {
    return resolver;
  }

  static boolean isKotlin(KSNode node) {
    return node.getOrigin() == Origin.KOTLIN || node.getOrigin() == Origin.KOTLIN_LIB;
  }

  /** Whether it is from this compilation's sources (not a library's class file). */
  static boolean isSource(KSNode node) {
    return node.getOrigin() == Origin.KOTLIN || node.getOrigin() == Origin.JAVA;
  }

  /** The class a type denotes, through type aliases; null for an error type or a type variable. */
  static @Nullable KSClassDeclaration classOf(KSType type) {
    KSDeclaration declaration = type.getDeclaration();
    while (declaration instanceof KSTypeAlias alias) {
      declaration = alias.getType().resolve().getDeclaration();
    }
    return declaration instanceof KSClassDeclaration type1 && !type.isError() ? type1 : null;
  }

  static boolean isInterface(KSClassDeclaration type) {
    return type.getClassKind() == ClassKind.INTERFACE
        || type.getClassKind() == ClassKind.ANNOTATION_CLASS;
  }

  /** Whether it is {@code java.lang.Object}, which Kotlin calls {@code kotlin.Any}. */
  static boolean isObject(KSClassDeclaration type) {
    String name = qualifiedName(type);
    return name.equals("kotlin.Any") || name.equals("java.lang.Object");
  }

  static String qualifiedName(KSDeclaration declaration) {
    return declaration.getQualifiedName() == null
        ? declaration.getSimpleName().asString()
        : declaration.getQualifiedName().asString();
  }

  static String packageName(KSDeclaration declaration) {
    return declaration.getPackageName().asString();
  }

  /** The class {@code type} is nested in, if it is a member class. */
  static @Nullable KSClassDeclaration enclosing(KSDeclaration type) {
    return type.getParentDeclaration() instanceof KSClassDeclaration outer ? outer : null;
  }

  static KSClassDeclaration outermost(KSClassDeclaration type) {
    KSClassDeclaration outer = type;
    for (KSClassDeclaration t = type; t != null; t = enclosing(t)) {
      outer = t;
    }
    return outer;
  }

  /** Whether it is an inner class: a member class with an enclosing instance. */
  static boolean isInner(KSClassDeclaration type) {
    KSClassDeclaration outer = enclosing(type);
    if (outer == null || isInterface(outer) || type.getClassKind() != ClassKind.CLASS) {
      return false;
    }
    return isKotlin(type)
        ? type.getModifiers().contains(Modifier.INNER)
        : !type.getModifiers().contains(Modifier.JAVA_STATIC);
  }

  /**
   * The access level of the class as compiled: a private top-level Kotlin class is package-private,
   * a private nested one private (its class file says so in its metadata).
   */
  static JvmAccess access(KSClassDeclaration type) {
    JvmAccess access = JvmAccess.of(type);
    KSClassDeclaration outer = enclosing(type);
    if (outer != null && isInterface(outer) && !isKotlin(type)) {
      return JvmAccess.PUBLIC; // implicitly
    }
    return access == JvmAccess.PRIVATE && isKotlin(type) && outer == null
        ? JvmAccess.PACKAGE
        : access;
  }

  /** Whether the class is abstract or an interface. */
  static boolean isAbstract(KSClassDeclaration type) {
    return isInterface(type)
        || type.getModifiers().contains(Modifier.ABSTRACT)
        || type.getModifiers().contains(Modifier.SEALED);
  }

  /** The superclass, unless it is {@code Object}; null for an interface. */
  static @Nullable KSClassDeclaration superclass(KSClassDeclaration type) {
    for (KSTypeReference reference : SequencesKt.asIterable(type.getSuperTypes())) {
      KSClassDeclaration declared = classOf(reference.resolve());
      if (declared != null && !isInterface(declared)) {
        return isObject(declared) ? null : declared;
      }
    }
    return null;
  }

  static List<KSClassDeclaration> interfaces(KSClassDeclaration type) {
    List<KSClassDeclaration> interfaces = new ArrayList<>();
    for (KSTypeReference reference : SequencesKt.asIterable(type.getSuperTypes())) {
      KSClassDeclaration declared = classOf(reference.resolve());
      if (declared != null && isInterface(declared)) {
        interfaces.add(declared);
      }
    }
    return interfaces;
  }

  /** The classes from {@code type} up to, not including, {@code java.lang.Object}. */
  static List<KSClassDeclaration> superclasses(KSClassDeclaration type) {
    List<KSClassDeclaration> chain = new ArrayList<>();
    for (KSClassDeclaration t = type; t != null; t = superclass(t)) {
      chain.add(t);
    }
    return chain;
  }

  static boolean isCompanion(KSDeclaration declaration) {
    return declaration instanceof KSClassDeclaration type && type.isCompanionObject();
  }

  /** The fields of {@code type}'s class file, in declaration order. */
  List<JvmField> fields(KSClassDeclaration type) {
    return fields.computeIfAbsent(type, t -> List.copyOf(declaredFields(t)));
  }

  private static List<JvmField> declaredFields(KSClassDeclaration type) {
    List<JvmField> fields = new ArrayList<>();
    if (isCompanion(type) && isKotlin(type)) {
      return fields; // in the class it belongs to
    }
    boolean kotlin = isKotlin(type);
    boolean object = type.getClassKind() == ClassKind.OBJECT;
    KSClassDeclaration companion = null;
    for (KSDeclaration member : SequencesKt.asIterable(type.getDeclarations())) {
      if (member instanceof KSClassDeclaration nested
          && nested.getClassKind() == ClassKind.ENUM_ENTRY) {
        fields.add(
            new JvmField(member.getSimpleName().asString(), type, member, JvmAccess.PUBLIC, true));
      } else if (member instanceof KSPropertyDeclaration property && isField(property)) {
        boolean isStatic = kotlin ? object : property.getModifiers().contains(Modifier.JAVA_STATIC);
        fields.add(field(type, property, isStatic || !kotlin && isInterface(type)));
      } else if (kotlin && isCompanion(member)) {
        companion = (KSClassDeclaration) member;
      }
    }
    if (companion != null) {
      for (KSDeclaration member : SequencesKt.asIterable(companion.getDeclarations())) {
        if (member instanceof KSPropertyDeclaration property && isField(property)) {
          fields.add(field(type, property, true));
        }
      }
    }
    return fields;
  }

  private static boolean isField(KSPropertyDeclaration property) {
    return property.getHasBackingField() && property.getExtensionReceiver() == null;
  }

  private static JvmField field(
      KSClassDeclaration owner, KSPropertyDeclaration property, boolean isStatic) {
    String name = property.getSimpleName().asString();
    return new JvmField(name, owner, property, fieldAccess(owner, property), isStatic);
  }

  /**
   * A backing field's access level: the property's for {@code @JvmField} and {@code const}, the
   * setter's for {@code lateinit}, else private.
   */
  private static JvmAccess fieldAccess(KSClassDeclaration owner, KSPropertyDeclaration property) {
    if (!isKotlin(property)) {
      return isInterface(owner) ? JvmAccess.PUBLIC : JvmAccess.of(property);
    }
    Set<Modifier> modifiers = property.getModifiers();
    if (has(property, JVM_FIELD) || modifiers.contains(Modifier.CONST)) {
      return JvmAccess.of(property);
    }
    if (modifiers.contains(Modifier.LATEINIT) && property.getSetter() != null) {
      Set<Modifier> setter = property.getSetter().getModifiers();
      if (setter.contains(Modifier.PRIVATE)) {
        return JvmAccess.PRIVATE;
      }
      return setter.contains(Modifier.PROTECTED) ? JvmAccess.PROTECTED : JvmAccess.of(property);
    }
    return modifiers.contains(Modifier.LATEINIT) ? JvmAccess.of(property) : JvmAccess.PRIVATE;
  }

  /** Whether {@code annotated} carries the annotation of that qualified name. */
  static boolean has(KSAnnotated annotated, String annotation) {
    return annotation(annotated, annotation).isPresent();
  }

  static Optional<KSAnnotation> annotation(KSAnnotated annotated, String annotation) {
    for (KSAnnotation use : SequencesKt.asIterable(annotated.getAnnotations())) {
      if (annotationName(use).equals(annotation)) {
        return Optional.of(use);
      }
    }
    return Optional.empty();
  }

  /** The qualified name of the annotation's type; its short name if the type is unresolved. */
  static String annotationName(KSAnnotation annotation) {
    KSClassDeclaration type = classOf(annotation.getAnnotationType().resolve());
    return type == null ? annotation.getShortName().asString() : qualifiedName(type);
  }

  /**
   * The getter's JVM name of the Kotlin property whose backing field is {@code field}, if its class
   * declares one (a property with a getter method: not {@code @JvmField}, {@code const}, or private
   * without an accessor of its own).
   */
  Optional<String> kotlinGetter(JvmField field) {
    if (field.isEnumConstant()
        || !isKotlin(field.symbol())
        || !field.owner().equals(field.symbol().getParentDeclaration())) {
      return Optional.empty();
    }
    KSPropertyDeclaration property = field.property();
    return hasGetterMethod(property)
        ? Optional.of(resolver.getJvmName(property.getGetter()))
        : Optional.empty();
  }

  private static boolean hasGetterMethod(KSPropertyDeclaration property) {
    KSPropertyGetter getter = property.getGetter();
    if (getter == null
        || property.getExtensionReceiver() != null
        || has(property, JVM_FIELD)
        || property.getModifiers().contains(Modifier.CONST)) {
      return false;
    }
    boolean defaultAccessor = getter.getOrigin() == Origin.SYNTHETIC;
    return !(property.getModifiers().contains(Modifier.PRIVATE) && defaultAccessor);
  }

  /**
   * The methods without parameters that {@code type}'s class file declares: a Kotlin class's
   * property getters and functions, under their JVM names.
   */
  List<JvmMethod> methods(KSClassDeclaration type) {
    return methods.computeIfAbsent(type, t -> List.copyOf(declaredMethods(t)));
  }

  private List<JvmMethod> declaredMethods(KSClassDeclaration type) {
    List<JvmMethod> methods = new ArrayList<>();
    boolean kotlin = isKotlin(type);
    for (KSDeclaration member : SequencesKt.asIterable(type.getDeclarations())) {
      if (member instanceof KSPropertyDeclaration property && kotlin && hasGetterMethod(property)) {
        methods.add(
            new JvmMethod(
                resolver.getJvmName(property.getGetter()),
                type,
                property,
                JvmAccess.of(property),
                false,
                "()" + resolver.mapToJvmSignature(property)));
      } else if (member instanceof KSFunctionDeclaration function
          && function.getParameters().isEmpty()
          && function.getExtensionReceiver() == null
          && !function.getSimpleName().asString().equals("<init>")) {
        String name = resolver.getJvmName(function);
        String descriptor = resolver.mapToJvmSignature(function);
        if (name != null && descriptor != null) {
          JvmAccess access =
              !kotlin && isInterface(type) ? JvmAccess.PUBLIC : JvmAccess.of(function);
          boolean isStatic = function.getModifiers().contains(Modifier.JAVA_STATIC);
          methods.add(new JvmMethod(name, type, function, access, isStatic, descriptor));
        }
      }
    }
    return methods;
  }

  /** The JVM descriptor of a field's type: {@code [[F}. */
  String descriptor(JvmField field) {
    return field.isEnumConstant() ? "" : resolver.mapToJvmSignature(field.property());
  }
}
