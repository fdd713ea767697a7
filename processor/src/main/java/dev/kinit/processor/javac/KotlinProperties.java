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
import kotlin.metadata.KmProperty;
import kotlin.metadata.jvm.JvmExtensionsKt;
import kotlin.metadata.jvm.JvmFieldSignature;
import kotlin.metadata.jvm.JvmMetadataUtil;
import kotlin.metadata.jvm.JvmMethodSignature;
import kotlin.metadata.jvm.KotlinClassMetadata;

/**
 * The JVM names of a Kotlin class's property getters, read from the {@code @kotlin.Metadata} that
 * kapt's stubs and Kotlin class files carry. A getter's name is not always {@code getName}: an
 * {@code internal} property's is mangled with the module name ({@code getWeight$layers}), a
 * {@code @get:JvmName} one is renamed, and a value-class-typed one has a hash appended that Java
 * cannot call ({@code getSize-QmJnyn4}).
 */
final class KotlinProperties {

  private static final String METADATA = "kotlin.Metadata";

  private KotlinProperties() {}

  /**
   * The getter's JVM name of the property whose backing field is {@code field}, if {@code type} is
   * a Kotlin class that has such a property with a getter.
   */
  static Optional<String> getterOf(TypeElement type, String field) {
    return Optional.ofNullable(gettersByField(type).get(field));
  }

  private static Map<String, String> gettersByField(TypeElement type) {
    Map<String, String> getters = new HashMap<>();
    for (AnnotationMirror mirror : type.getAnnotationMirrors()) {
      if (mirror.getAnnotationType().toString().equals(METADATA)) {
        try {
          KotlinClassMetadata metadata = KotlinClassMetadata.Companion.readLenient(read(mirror));
          if (metadata instanceof KotlinClassMetadata.Class declared) {
            for (KmProperty property : declared.getKmClass().getProperties()) {
              JvmFieldSignature backing = JvmExtensionsKt.getFieldSignature(property);
              JvmMethodSignature getter = JvmExtensionsKt.getGetterSignature(property);
              if (backing != null && getter != null) {
                getters.put(backing.getName(), getter.getName());
              }
            }
          }
        } catch (RuntimeException | LinkageError unreadable) {
          // Metadata of a Kotlin version this reader does not know: conventional names apply.
          return Map.of();
        }
      }
    }
    return getters;
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
