package dev.kinit;

import dev.kinit.internal.InitializerNames;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which classes have a generated initializer of their own: a class has one when the class named by
 * {@link InitializerNames} exists beside it with a {@code public static InitPlan plan(C)}. Looked
 * up once per class, without initialising anything.
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
    List<String> simpleNames = new ArrayList<>();
    for (Class<?> nested = type; nested != null; nested = nested.getEnclosingClass()) {
      simpleNames.add(0, nested.getSimpleName());
    }
    String packageName = type.getPackageName();
    String name =
        (packageName.isEmpty() ? "" : packageName + ".") + InitializerNames.simpleName(simpleNames);
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
