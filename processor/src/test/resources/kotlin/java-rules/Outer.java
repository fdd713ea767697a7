package rules;

/**
 * A private field of a nestmate superclass is not inherited, so {@code n} in {@code Layer} is the
 * interface constant, as javac reads it, not an ambiguous name.
 */
public class Outer {
  public interface Sizes {
    int n = 4;
  }

  public static class Base {
    private long n = 3;
  }

  public static class Layer extends Base implements Sizes {
    @dev.kinit.KaimingInit(shapeFields = {"n", "n"})
    public float[] weight = new float[16];
  }
}
