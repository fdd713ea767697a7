package dev.kinit;

/**
 * The check a generated initializer makes when it reads a weight array through a getter rather than
 * from the field itself (a private field, a Kotlin property): the getter must return that field, or
 * the initializer would fill some other array and leave the layer's weights as they were. Called by
 * generated code; not meant to be called directly.
 */
public final class Getters {

  private Getters() {}

  /**
   * Returns {@code first}, the array that {@code getter} returned, after checking that it is the
   * field {@code label} itself: a second call must return the same array (a getter that returns a
   * copy, such as a record's defensive accessor, fails this), and no subclass of {@code
   * declaringClass} that {@code layer} belongs to may override the getter (it could return
   * anything).
   *
   * @param <A> the array's type
   * @param layer the layer being initialised
   * @param label the field, {@code Conv2d.weight}, for messages
   * @param declaringClass the binary name of the class that declares the field and its getter
   * @param getter the getter's name
   * @param first what a first call of the getter returned
   * @param second what a second call returned
   * @return {@code first}, the field itself
   * @throws IllegalStateException if the getter returns two different arrays or is overridden,
   *     before anything is written
   */
  public static <A> A field(
      Object layer, String label, String declaringClass, String getter, A first, A second) {
    if (first != second) {
      throw new IllegalStateException(
          label
              + ": "
              + getter
              + "() returned two different arrays; expected it to return the field itself, since initialising a copy would leave the layer's weights as they were");
    }
    for (Class<?> type = layer.getClass();
        type != null && !type.getName().equals(declaringClass);
        type = type.getSuperclass()) {
      if (declaresGetter(type, getter)) {
        throw new IllegalStateException(
            label
                + ": "
                + type.getName()
                + " overrides "
                + getter
                + "(), so it may not return the field; expected the field readable by the generated initializer (not private), or"
                + " a final getter");
      }
    }
    return first;
  }

  private static boolean declaresGetter(Class<?> type, String getter) {
    try {
      // javac gives a public class synthetic bridges to the public methods it inherits from a
      // package-private superclass: they call the inherited getter, they do not override it.
      return !type.getDeclaredMethod(getter).isSynthetic();
    } catch (NoSuchMethodException absent) {
      return false;
    }
  }
}
