package dev.kinit;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.jspecify.annotations.Nullable;

/**
 * Which classes have a generated initializer of their own: a class {@code p.Outer.Inner} has one
 * when {@code p.Outer_InnerInitializer} exists beside it with a {@code public static InitPlan
 * plan(Inner)}, the processor's naming. Looked up once per class, without initialising anything.
 */
final class Initializers {
  private Initializers() {}

  private static final ClassValue<Object> OWN =
      new ClassValue<>() {
        @Override
        protected Object computeValue(Class<?> type) {
          String name = lookUp(type);
          return name == null ? NONE : name;
        }
      };

  private static final Object NONE = new Object();

  /** The qualified name of {@code type}'s own generated initializer, or null if it has none. */
  static @Nullable String of(Class<?> type) {
    Object own = OWN.get(type);
    return own == NONE ? null : (String) own;
  }

  private static @Nullable String lookUp(Class<?> type) {
    if (type.isAnonymousClass()
        || type.isLocalClass()
        || type.isArray()
        || type.isPrimitive()
        || type.isHidden()) {
      return null;
    }
    StringBuilder simpleNames = new StringBuilder(type.getSimpleName());
    for (Class<?> outer = type.getEnclosingClass();
        outer != null;
        outer = outer.getEnclosingClass()) {
      simpleNames.insert(0, outer.getSimpleName() + "_");
    }
    String packageName = type.getPackageName();
    String name = (packageName.isEmpty() ? "" : packageName + ".") + simpleNames + "Initializer";
    try {
      Class<?> initializer = Class.forName(name, false, type.getClassLoader());
      Method plan = initializer.getMethod("plan", type);
      boolean generated =
          Modifier.isStatic(plan.getModifiers()) && plan.getReturnType() == InitPlan.class;
      return generated ? name : null;
    } catch (ClassNotFoundException | NoSuchMethodException | LinkageError notThere) {
      return null;
    }
  }
}
