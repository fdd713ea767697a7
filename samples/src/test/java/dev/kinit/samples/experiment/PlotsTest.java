package dev.kinit.samples.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PlotsTest {

  @Test
  void widthsAreWrittenAsRunsOfLayers() {
    assertEquals(
        "64 → 64 (l 1–2) → 128 (3–4) → 256 (5)",
        Plots.widths(new int[] {64, 64, 64, 128, 128, 256}));
    assertEquals("3 → 32 (l 1)", Plots.widths(new int[] {3, 32}));
  }

  @Test
  void logTicksArePowersOfTen() {
    assertEquals("1e0", Plots.powerOfTen(0));
    assertEquals("1e-30", Plots.powerOfTen(-30.0000000001));
    assertEquals("1e-2.5", Plots.powerOfTen(-2.5));
  }
}
