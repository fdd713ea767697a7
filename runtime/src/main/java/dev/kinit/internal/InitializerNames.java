package dev.kinit.internal;

import java.util.List;

/**
 * How a generated initializer is named, once for the processor that writes it and the runtime that
 * looks it up: beside its class, in the same package, the class's nested simple names joined by
 * {@code _}, then {@code Initializer} ({@code p.Outer.Inner} → {@code p.Outer_InnerInitializer}).
 */
public final class InitializerNames {
  private InitializerNames() {}

  /**
   * {@return the initializer's simple name}
   *
   * @param simpleNames the class's simple names, outermost first ({@code [Outer, Inner]})
   */
  public static String simpleName(List<String> simpleNames) {
    return String.join("_", simpleNames) + "Initializer";
  }
}
