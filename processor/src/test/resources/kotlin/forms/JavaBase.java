package forms;

import dev.kinit.KaimingInit;
import dev.kinit.OnesInit;

/** A Java superclass: a package-private field, a private one with a getter, a hidden one. */
public class JavaBase {
  @KaimingInit float[][] packaged = new float[2][2];
  @KaimingInit private float[][] hidden = new float[2][2];
  @OnesInit protected double[] scale = new double[3];

  public float[][] getHidden() {
    return hidden;
  }
}
