package dev.kinit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kinit.Nonlinearity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GainsTest {

  @ParameterizedTest
  @EnumSource(Nonlinearity.class)
  void onlyLeakyReluUsesTheSlope(Nonlinearity nonlinearity) {
    assertEquals(nonlinearity == Nonlinearity.LEAKY_RELU, Gains.usesNegativeSlope(nonlinearity));
    assertEquals(
        Gains.usesNegativeSlope(nonlinearity), nonlinearity.gain(0.5) != nonlinearity.gain(0));
  }

  @Test
  void formulaReadsAsTheGainIsComputed() {
    assertEquals("sqrt(2 / (1 + 0.2^2))", Gains.formula(Nonlinearity.LEAKY_RELU, 0.2));
    assertEquals("sqrt(2 / (1 + (-0.3)^2))", Gains.formula(Nonlinearity.LEAKY_RELU, -0.3));
    assertEquals("sqrt(2 / (1 + 0.0^2))", Gains.formula(Nonlinearity.LEAKY_RELU, 0));
    assertEquals("sqrt(2)", Gains.formula(Nonlinearity.RELU, 0.7));
    assertEquals("5 / 3", Gains.formula(Nonlinearity.TANH, 0));
    assertEquals("3 / 4", Gains.formula(Nonlinearity.SELU, 0));
    assertEquals("1", Gains.formula(Nonlinearity.CONV2D, 0));
  }

  @ParameterizedTest
  @EnumSource(Nonlinearity.class)
  void theFormulaIsOneExactlyWhenTheGainIsOne(Nonlinearity nonlinearity) {
    assertEquals(nonlinearity.gain(0.5) == 1.0, Gains.formula(nonlinearity, 0.5).equals("1"));
  }
}
