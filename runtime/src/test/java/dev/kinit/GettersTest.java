package dev.kinit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A generated initializer reading a private weight through its getter ({@code Getters.field(layer,
 * "Linear.weight", "…Linear", "getWeight", layer.getWeight(), layer.getWeight())}) fills the field
 * itself, or refuses before writing anything: a getter that returns a copy, or one a subclass
 * overrides, could hand it some other array, and the layer's weights would stay as they were.
 */
class GettersTest {

  /** A layer with a private weight and its getter, as a Kotlin property compiles. */
  static class Linear {
    private final float[] weight = new float[6];

    public float[] getWeight() {
      return weight;
    }
  }

  /** Adds nothing to the getter. */
  static class Subclass extends Linear {}

  /** Overrides the getter: it might return anything. */
  static class Overriding extends Linear {
    @Override
    public float[] getWeight() {
      return super.getWeight();
    }
  }

  /** Below a class that overrides the getter. */
  static class BelowOverriding extends Overriding {}

  /** A record's accessor returns a copy. */
  record Copying(float[] weight) {
    @Override
    public float[] weight() {
      return weight.clone();
    }
  }

  /** A package-private layer with a public getter, as many hand-written layers are. */
  static class Hidden {
    private final float[] weight = new float[3];

    public float[] getWeight() {
      return weight;
    }
  }

  /** Public: javac gives it a synthetic bridge for the inherited public getter. */
  public static class Visible extends Hidden {}

  private static final String LINEAR = Linear.class.getName();

  /** What a generated initializer does: read twice, check, then view and fill. */
  private static float[] read(Linear layer) {
    return Getters.field(
        layer, "Linear.weight", LINEAR, "getWeight", layer.getWeight(), layer.getWeight());
  }

  private static String refusal(Linear layer) {
    return assertThrows(IllegalStateException.class, () -> read(layer)).getMessage();
  }

  @Test
  void theFieldItselfIsReturned() {
    Linear layer = new Linear();
    assertSame(layer.getWeight(), read(layer));
    Subclass subclass = new Subclass();
    float[] weight = read(subclass);
    FloatTensor.of("Linear.weight", weight).setAll(() -> 2);
    assertArrayEquals(new float[] {2, 2, 2, 2, 2, 2}, subclass.getWeight(), "the layer's own");
  }

  @Test
  void aGetterReturningACopyIsRefused() {
    Copying layer = new Copying(new float[4]);
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                Getters.field(
                    layer,
                    "Copying.weight",
                    Copying.class.getName(),
                    "weight",
                    layer.weight(),
                    layer.weight()));
    assertEquals(
        "Copying.weight: weight() returned two different arrays; expected it to return the field"
            + " itself, since initialising a copy would leave the layer's weights as they were",
        e.getMessage());
  }

  @Test
  void anOverriddenGetterIsRefusedNamingTheClassThatOverridesIt() {
    String expected =
        "Linear.weight: "
            + Overriding.class.getName()
            + " overrides getWeight(), so it may not return the field; expected the field readable"
            + " by the generated initializer (not private), or a final getter";
    assertEquals(expected, refusal(new Overriding()));
    assertEquals(expected, refusal(new BelowOverriding()), "found above the layer's class too");
  }

  @Test
  void aBridgeForAnInheritedPublicGetterIsNoOverride() {
    // The test means something only if javac wrote the bridge: check that it did.
    assertEquals(
        1,
        Arrays.stream(Visible.class.getDeclaredMethods())
            .filter(m -> m.getName().equals("getWeight") && m.isSynthetic())
            .count(),
        "javac's bridge");
    Visible layer = new Visible();
    assertSame(
        layer.getWeight(),
        Getters.field(
            layer,
            "Hidden.weight",
            Hidden.class.getName(),
            "getWeight",
            layer.getWeight(),
            layer.getWeight()));
  }
}
