package dev.kinit.torch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The batched draws of {@link Mt19937} are its one-at-a-time draws, across regenerations. */
class Mt19937Test {

  private static final int[] COUNTS = {0, 1, 7, 623, 624, 625, 1000, 1248, 1249, 5000};

  @Test
  void batchesOfWordsAreTheWordsOneAtATime() {
    Mt19937 single = new Mt19937(17);
    Mt19937 batched = new Mt19937(17);
    for (int count : COUNTS) {
      int[] expected = new int[count + 3];
      for (int i = 3; i < expected.length; i++) {
        expected[i] = single.nextInt();
      }
      int[] actual = new int[count + 3];
      batched.nextInts(actual, 3, count);
      assertArrayEquals(expected, actual, count + " words");
      assertEquals(single.nextInt(), batched.nextInt());
    }
  }

  @Test
  void batchesOfFloatsAreTheFloatsOneAtATime() {
    Mt19937 single = new Mt19937(18);
    Mt19937 batched = new Mt19937(18);
    for (int count : COUNTS) {
      float[] expected = new float[count + 2];
      for (int i = 2; i < expected.length; i++) {
        expected[i] = single.nextFloat();
      }
      float[] actual = new float[count + 2];
      batched.nextFloats(actual, 2, count);
      assertArrayEquals(expected, actual, count + " floats");
      assertEquals(single.nextInt(), batched.nextInt());
    }
  }

  @Test
  void skippingIsDrawingAndACopyDrawsTheSameWords() {
    Mt19937 drawing = new Mt19937(19);
    Mt19937 skipping = new Mt19937(19);
    for (int count : COUNTS) {
      for (int i = 0; i < count; i++) {
        drawing.nextInt();
      }
      skipping.skip(count);
      Mt19937 copy = skipping.copy();
      int word = drawing.nextInt();
      assertEquals(word, skipping.nextInt(), "after skipping " + count);
      assertEquals(word, copy.nextInt(), "a copy after skipping " + count);
    }
  }
}
