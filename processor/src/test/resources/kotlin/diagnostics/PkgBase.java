package base;

import dev.kinit.KaimingInit;

/** Not public, and hidden in its public subclass Mid: a subclass elsewhere cannot name weight. */
abstract class PkgBase {
  @KaimingInit public float[][] weight = new float[2][2];
}
