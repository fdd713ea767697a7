package dev.kinit.processor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The draws the case generators make from one seeded stream, so that a case is the same whatever
 * else a run draws: a chance, one item, one key weighted, a shuffle.
 */
abstract class RandomDraws {

  protected final SplittableRandom random;

  RandomDraws(long seed) {
    this.random = new SplittableRandom(seed);
  }

  final boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  final <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  /** One of the keys, with probability proportional to its weight (keys in a stable order). */
  final <T> T weighted(Map<T, Integer> weights) {
    List<Map.Entry<T, Integer>> entries = new ArrayList<>(weights.entrySet());
    entries.sort(Map.Entry.comparingByKey(Comparator.comparing(String::valueOf)));
    int total = entries.stream().mapToInt(Map.Entry::getValue).sum();
    int draw = random.nextInt(total);
    for (Map.Entry<T, Integer> entry : entries) {
      draw -= entry.getValue();
      if (draw < 0) {
        return entry.getKey();
      }
    }
    throw new AssertionError();
  }

  final <T> void shuffle(List<T> items) {
    for (int i = items.size() - 1; i > 0; i--) {
      Collections.swap(items, i, random.nextInt(i + 1));
    }
  }
}
