package rules;

import dev.kinit.KaimingInit;

public class A {
  @KaimingInit public float[][] w = new float[2][2];
  @KaimingInit public float[][] v = new float[2][2];
}
