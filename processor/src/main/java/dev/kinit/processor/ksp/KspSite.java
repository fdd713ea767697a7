package dev.kinit.processor.ksp;

import com.google.devtools.ksp.symbol.FileLocation;
import com.google.devtools.ksp.symbol.KSNode;
import dev.kinit.processor.model.Site;

/**
 * A symbol KSP's logger can point at: its file and line. An annotation has no location of its own
 * in KSP2, so a site in an annotation is the attribute written, where it has one, else the
 * declaration the annotation is on.
 */
record KspSite(KSNode node) implements Site {

  /** {@code preferred} if KSP knows where it is written, else {@code fallback}. */
  static KspSite of(KSNode preferred, KSNode fallback) {
    return new KspSite(preferred.getLocation() instanceof FileLocation ? preferred : fallback);
  }
}
