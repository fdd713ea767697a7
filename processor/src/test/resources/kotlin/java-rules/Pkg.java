package hidden;

import dev.kinit.KaimingInit;

/** Not public: a subclass in another package reaches its public field through a public class. */
class Pkg {
  @KaimingInit public float[][] reached = new float[2][2];
}
