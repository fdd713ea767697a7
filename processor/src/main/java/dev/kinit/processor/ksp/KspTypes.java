package dev.kinit.processor.ksp;

import com.google.devtools.ksp.processing.Resolver;
import com.google.devtools.ksp.symbol.KSClassDeclaration;
import com.google.devtools.ksp.symbol.KSDeclaration;
import com.google.devtools.ksp.symbol.KSPropertyDeclaration;
import com.google.devtools.ksp.symbol.KSType;
import com.google.devtools.ksp.symbol.KSTypeArgument;
import com.google.devtools.ksp.symbol.KSTypeReference;
import com.google.devtools.ksp.symbol.Modifier;
import com.google.devtools.ksp.symbol.Nullability;
import com.google.devtools.ksp.symbol.Variance;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import dev.kinit.processor.rules.FieldType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import kotlin.sequences.SequencesKt;

/**
 * How Java names KSP's types: a class as generated code names it, and a field's type as Java
 * declares it ({@code float[][]} for {@code Array<FloatArray>}, {@code java.util.List<float[]>} for
 * {@code List<FloatArray>}, {@code int} for a value class over {@code Int}), as messages show it.
 */
final class KspTypes {

  /** Kotlin's primitive types and their arrays, by qualified name, as Java writes them. */
  private static final Map<String, String> PRIMITIVES =
      Map.of(
          "kotlin.Boolean", "boolean",
          "kotlin.Byte", "byte",
          "kotlin.Short", "short",
          "kotlin.Int", "int",
          "kotlin.Long", "long",
          "kotlin.Char", "char",
          "kotlin.Float", "float",
          "kotlin.Double", "double");

  private static final Map<String, String> PRIMITIVE_ARRAYS =
      Map.of(
          "kotlin.BooleanArray", "boolean",
          "kotlin.ByteArray", "byte",
          "kotlin.ShortArray", "short",
          "kotlin.IntArray", "int",
          "kotlin.LongArray", "long",
          "kotlin.CharArray", "char",
          "kotlin.FloatArray", "float",
          "kotlin.DoubleArray", "double");

  private KspTypes() {}

  /** The class as generated code names it. */
  static ClassName className(KSClassDeclaration type) {
    List<String> names = new ArrayList<>();
    for (KSDeclaration level = type; level != null; level = JvmView.enclosing(level)) {
      names.add(level.getSimpleName().asString());
    }
    Collections.reverse(names);
    return ClassName.get(
        JvmView.packageName(type),
        names.get(0),
        names.subList(1, names.size()).toArray(String[]::new));
  }

  /** {@code a.Outer$Inner}. */
  static String binaryName(KSClassDeclaration type) {
    ClassName name = className(type);
    String simpleNames = String.join("$", name.simpleNames());
    return name.packageName().isEmpty() ? simpleNames : name.packageName() + "." + simpleNames;
  }

  /**
   * The class with {@code ?} for each type parameter, also of the enclosing classes of an inner
   * class ({@code Outer<?>.Inner<?>}): the type every instance has, without raw types.
   */
  static TypeName withWildcards(KSClassDeclaration type) {
    List<TypeName> wildcards = new ArrayList<>();
    type.getTypeParameters().forEach(p -> wildcards.add(WildcardTypeName.subtypeOf(Object.class)));
    if (JvmView.isInner(type)) {
      TypeName outer = withWildcards(JvmView.enclosing(type));
      if (outer instanceof ParameterizedTypeName parameterized) {
        return parameterized.nestedClass(type.getSimpleName().asString(), wildcards);
      }
    }
    ClassName raw = className(type);
    return wildcards.isEmpty()
        ? raw
        : ParameterizedTypeName.get(raw, wildcards.toArray(TypeName[]::new));
  }

  /** The declared type of a property or Java field, as the rules need it. */
  static FieldType fieldType(KSPropertyDeclaration property, Resolver resolver) {
    KSType type = property.getType().resolve();
    if (type.isError()) {
      return new FieldType(errorName(type), FieldType.Element.UNRESOLVED, 0);
    }
    int rank = 0;
    KSType element = unwrapValueClass(type);
    while (true) {
      String name = qualifiedName(element);
      if (PRIMITIVE_ARRAYS.containsKey(name)) {
        rank++;
        FieldType.Element kind =
            switch (PRIMITIVE_ARRAYS.get(name)) {
              case "float" -> FieldType.Element.FLOAT;
              case "double" -> FieldType.Element.DOUBLE;
              case "int" -> FieldType.Element.INT;
              default -> FieldType.Element.OTHER;
            };
        return new FieldType(javaText(type, false, resolver), kind, rank);
      }
      if (name.equals("kotlin.Array") && element.getArguments().size() == 1) {
        KSTypeReference argument = element.getArguments().get(0).getType();
        if (argument == null) {
          break; // Array<*>
        }
        KSType component = argument.resolve();
        if (component.isError()) {
          return new FieldType(javaText(type, false, resolver), FieldType.Element.UNRESOLVED, 0);
        }
        rank++;
        element = component;
        if (PRIMITIVES.containsKey(qualifiedName(element))) {
          break; // boxed: Array<Float> is Float[]
        }
        continue;
      }
      if (rank == 0 && element.getNullability() == Nullability.NOT_NULL) {
        FieldType.Element kind =
            switch (PRIMITIVES.getOrDefault(name, "")) {
              case "float" -> FieldType.Element.FLOAT;
              case "double" -> FieldType.Element.DOUBLE;
              case "int" -> FieldType.Element.INT;
              default -> FieldType.Element.OTHER;
            };
        return new FieldType(javaText(type, false, resolver), kind, 0);
      }
      break;
    }
    return new FieldType(javaText(type, false, resolver), FieldType.Element.OTHER, rank);
  }

  /**
   * An unresolved type's name as written: {@code Generated} for KSP's {@code <ERROR TYPE:
   * Generated>}.
   */
  static String errorName(KSType type) {
    String text = type.toString();
    String prefix = "<ERROR TYPE: ";
    return text.startsWith(prefix) && text.endsWith(">")
        ? text.substring(prefix.length(), text.length() - 1)
        : text;
  }

  /** A value class's underlying type, as its class file has it; other types as they are. */
  private static KSType unwrapValueClass(KSType type) {
    KSClassDeclaration declared = JvmView.classOf(type);
    if (declared == null
        || !declared.getModifiers().contains(Modifier.VALUE)
        || declared.getPrimaryConstructor() == null
        || declared.getPrimaryConstructor().getParameters().size() != 1
        || type.getNullability() == Nullability.NULLABLE) {
      return type;
    }
    return unwrapValueClass(
        declared.getPrimaryConstructor().getParameters().get(0).getType().resolve());
  }

  private static String qualifiedName(KSType type) {
    KSClassDeclaration declared = JvmView.classOf(type);
    return declared == null ? "" : JvmView.qualifiedName(declared);
  }

  /**
   * The type as Java writes it: a primitive where the JVM has one ({@code boxed} false and not
   * nullable), Java's classes for Kotlin's mapped ones ({@code java.util.List}), type arguments
   * boxed.
   */
  static String javaText(KSType type, boolean boxed, Resolver resolver) {
    KSType unwrapped = unwrapValueClass(type);
    KSClassDeclaration declared = JvmView.classOf(unwrapped);
    if (declared == null) {
      return unwrapped.isError() ? errorName(unwrapped) : unwrapped.toString();
    }
    String name = JvmView.qualifiedName(declared);
    if (PRIMITIVE_ARRAYS.containsKey(name)) {
      return PRIMITIVE_ARRAYS.get(name) + "[]";
    }
    if (name.equals("kotlin.Array") && unwrapped.getArguments().size() == 1) {
      KSTypeReference component = unwrapped.getArguments().get(0).getType();
      return (component == null
              ? "java.lang.Object"
              : javaText(component.resolve(), true, resolver))
          + "[]";
    }
    if (PRIMITIVES.containsKey(name)
        && !boxed
        && unwrapped.getNullability() == Nullability.NOT_NULL) {
      return PRIMITIVES.get(name);
    }
    String java = javaName(declared, resolver);
    if (unwrapped.getArguments().isEmpty()) {
      return java;
    }
    StringJoiner arguments = new StringJoiner(",", java + "<", ">");
    for (KSTypeArgument argument : unwrapped.getArguments()) {
      arguments.add(argumentText(argument, resolver));
    }
    return arguments.toString();
  }

  private static String argumentText(KSTypeArgument argument, Resolver resolver) {
    if (argument.getVariance() == Variance.STAR || argument.getType() == null) {
      return "?";
    }
    String text = javaText(argument.getType().resolve(), true, resolver);
    return switch (argument.getVariance()) {
      case CONTRAVARIANT -> "? super " + text;
      default -> text;
    };
  }

  /** Java's name of the class: {@code java.util.List} for {@code kotlin.collections.List}. */
  private static String javaName(KSClassDeclaration declared, Resolver resolver) {
    if (declared.getQualifiedName() != null) {
      var java = resolver.mapKotlinNameToJava(declared.getQualifiedName());
      if (java != null) {
        return java.asString();
      }
    }
    return JvmView.qualifiedName(declared);
  }

  /** Whether a Kotlin property or Java field has a nullable type, or a {@code @Nullable}. */
  static boolean isNullable(KSPropertyDeclaration property) {
    KSType type = property.getType().resolve();
    if (JvmView.isKotlin(property) && type.isMarkedNullable()) {
      return true;
    }
    return SequencesKt.any(
            property.getAnnotations(), a -> a.getShortName().asString().equals("Nullable"))
        || SequencesKt.any(
            property.getType().getAnnotations(),
            a -> a.getShortName().asString().equals("Nullable"));
  }
}
