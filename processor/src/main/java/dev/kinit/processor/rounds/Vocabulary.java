package dev.kinit.processor.rounds;

import dev.kinit.ConstructedBefore;
import dev.kinit.Network;
import dev.kinit.Reinit;
import dev.kinit.processor.rules.InitAnnotation;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The kinit annotations a processor looks for, and what each makes of the class it is found in:
 * every front end finds its layers by these lists.
 */
public final class Vocabulary {

  private Vocabulary() {}

  /** On a field, they make its class a layer: the initialisation annotations. */
  public static final List<String> ON_FIELDS = InitAnnotation.QUALIFIED_NAMES;

  /** On a class, they make it a network, or are what only a network may have. */
  public static final List<String> ON_CLASSES =
      List.of(
          Network.class.getCanonicalName(),
          Reinit.class.getCanonicalName(),
          Reinit.List.class.getCanonicalName());

  /**
   * On a field, it moves a member's construction earlier. The class it is found in is checked even
   * when it is neither layer nor network: on a field that is no member it would have no effect.
   */
  public static final String ORDER = ConstructedBefore.class.getCanonicalName();

  /** Every kinit annotation the processor reads, {@code @ConstructedBefore} included. */
  public static Set<String> all() {
    Set<String> names = new TreeSet<>(ON_FIELDS);
    names.addAll(ON_CLASSES);
    names.add(ORDER);
    return names;
  }
}
