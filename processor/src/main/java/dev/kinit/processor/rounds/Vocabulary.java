package dev.kinit.processor.rounds;

import dev.kinit.Network;
import dev.kinit.Reinit;
import dev.kinit.processor.rules.InitAnnotation;
import dev.kinit.processor.rules.MemberAnnotation;
import java.util.Arrays;
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
   * On a field, they qualify a member ({@code @ConstructedBefore}, {@code @Name}). The class they
   * are found in is checked even when it is neither layer nor network: on a field that is no member
   * they would have no effect.
   */
  public static final List<String> ON_MEMBERS =
      Arrays.stream(MemberAnnotation.values()).map(MemberAnnotation::qualifiedName).toList();

  /** Every kinit annotation the processor reads, the member annotations included. */
  public static Set<String> all() {
    Set<String> names = new TreeSet<>(ON_FIELDS);
    names.addAll(ON_CLASSES);
    names.addAll(ON_MEMBERS);
    return names;
  }
}
