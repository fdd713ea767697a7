package dev.kinit.samples.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class SyntheticImagesTest {

  @Test
  void sameSeedSameData() {
    Dataset.Split a = SyntheticImages.generate(50, 10, 9);
    Dataset.Split b = SyntheticImages.generate(50, 10, 9);
    assertArrayEquals(a.train().images(), b.train().images());
    assertArrayEquals(a.test().labels(), b.test().labels());
    assertNotEquals(
        SyntheticImages.generate(50, 10, 10).train().images()[0][0], a.train().images()[0][0]);
  }

  @Test
  void shapesAndStandardisation() {
    Dataset.Split split = SyntheticImages.generate(2000, 100, 1);
    Dataset train = split.train();
    assertEquals(2000, train.size());
    assertEquals(100, split.test().size());
    assertEquals(400, train.features());
    assertEquals(10, train.classes());
    Moments pixels = Moments.of(train.images());
    assertEquals(0, pixels.mean(), 1e-6);
    assertEquals(1, pixels.std(), 1e-6);
    // Labels are uniform: each class has 200 ± 3 std (binomial: sqrt(2000 · 0.1 · 0.9) = 13.4).
    int[] counts = new int[10];
    for (int label : train.labels()) {
      counts[label]++;
    }
    for (int count : counts) {
      assertEquals(200, count, 40);
    }
  }
}
