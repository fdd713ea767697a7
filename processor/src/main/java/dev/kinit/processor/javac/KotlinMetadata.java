package dev.kinit.processor.javac;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import kotlin.Metadata;
import kotlin.metadata.Attributes;
import kotlin.metadata.KmClass;
import kotlin.metadata.KmProperty;
import kotlin.metadata.Modality;
import kotlin.metadata.Visibility;
import kotlin.metadata.jvm.JvmExtensionsKt;
import kotlin.metadata.jvm.JvmFieldSignature;
import kotlin.metadata.jvm.JvmMetadataUtil;
import kotlin.metadata.jvm.JvmMethodSignature;
import kotlin.metadata.jvm.KotlinClassMetadata;

/**
 * What kapt's stubs do not say about a Kotlin class, read from the {@code @kotlin.Metadata} that
 * they and Kotlin class files carry: whether a nested class is private, whether a class is sealed
 * and its subclasses, and the JVM names of its property getters. A getter's name is not always
 * {@code getName}: an {@code internal} property's is mangled with the module name ({@code
 * getWeight$layers}), a {@code @get:JvmName} one is renamed, and a value-class-typed one has a hash
 * appended that Java cannot call ({@code getSize-QmJnyn4}).
 */
final class KotlinMetadata {

  private static final String METADATA = "kotlin.Metadata";

  private KotlinMetadata() {}

  /**
   * The getter's JVM name of the property whose backing field is {@code field}, if {@code type} is
   * a Kotlin class that has such a property with a getter.
   */
  static Optional<String> getterOf(TypeElement type, String field) {
    return Optional.ofNullable(gettersByField(type).get(field));
  }

  /**
   * Whether {@code type} is a Kotlin class declared {@code private}. kapt's stub of a private
   * nested class is package-private, but the class file Java code is compiled against says private.
   */
  static boolean isPrivate(TypeElement type) {
    KmClass declared = kotlinClass(type);
    return declared != null && Attributes.getVisibility(declared) == Visibility.PRIVATE;
  }

  /**
   * The canonical names of the subclasses of {@code type}, if it is a Kotlin {@code sealed} class
   * or interface. Neither kapt's stubs nor Kotlin's class files mark it sealed for Java.
   */
  static Optional<List<String>> sealedSubclasses(TypeElement type) {
    KmClass declared = kotlinClass(type);
    if (declared == null || Attributes.getModality(declared) != Modality.SEALED) {
      return Optional.empty();
    }
    // Kotlin's class names: package parts joined by '/', nested classes by '.'.
    return Optional.of(
        declared.getSealedSubclasses().stream().map(name -> name.replace('/', '.')).toList());
  }

  private static Map<String, String> gettersByField(TypeElement type) {
    Map<String, String> getters = new HashMap<>();
    KmClass declared = kotlinClass(type);
    if (declared != null) {
      for (KmProperty property : declared.getProperties()) {
        JvmFieldSignature backing = JvmExtensionsKt.getFieldSignature(property);
        JvmMethodSignature getter = JvmExtensionsKt.getGetterSignature(property);
        if (backing != null && getter != null) {
          getters.put(backing.getName(), getter.getName());
        }
      }
    }
    return getters;
  }

  /** The Kotlin class {@code type} is, from its metadata; null for a Java class. */
  private static KmClass kotlinClass(TypeElement type) {
    for (AnnotationMirror mirror : type.getAnnotationMirrors()) {
      if (mirror.getAnnotationType().toString().equals(METADATA)) {
        try {
          KotlinClassMetadata metadata = KotlinClassMetadata.Companion.readLenient(read(mirror));
          if (metadata instanceof KotlinClassMetadata.Class declared) {
            return declared.getKmClass();
          }
        } catch (RuntimeException | LinkageError unreadable) {
          // Metadata of a Kotlin version this reader does not know: read it as Java.
          return null;
        }
      }
    }
    return null;
  }

  private static Metadata read(AnnotationMirror mirror) {
    Map<String, Object> values = new HashMap<>();
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        mirror.getElementValues().entrySet()) {
      values.put(entry.getKey().getSimpleName().toString(), entry.getValue().getValue());
    }
    return JvmMetadataUtil.Metadata(
        (Integer) values.get("k"),
        ints(values.get("mv")),
        strings(values.get("d1")),
        strings(values.get("d2")),
        (String) values.get("xs"),
        (String) values.get("pn"),
        (Integer) values.get("xi"));
  }

  private static int[] ints(Object list) {
    if (list == null) {
      return null;
    }
    return ((List<?>) list)
        .stream().mapToInt(v -> (Integer) ((AnnotationValue) v).getValue()).toArray();
  }

  private static String[] strings(Object list) {
    if (list == null) {
      return null;
    }
    return ((List<?>) list)
        .stream().map(v -> (String) ((AnnotationValue) v).getValue()).toArray(String[]::new);
  }
}
