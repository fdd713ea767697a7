package dev.kinit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ported C library functions and ATen's {@code calc_erfinv} against the values glibc 2.36 and
 * PyTorch 1.13.1 computed on an x86-64 CPU with FMA ({@code src/test/resources/glibc-2.36/}): every
 * value bit for bit. The inputs include the floats and doubles on both sides of every bound the C
 * code branches on, NaN, the infinities, zeros, subnormals and negative logarithms, so that each
 * branch of the ports is pinned down where it starts and ends (found by mutation testing). (Beyond
 * these samples, the ports were compared with the machine's own on all 2^32 floats, and {@code
 * erfinv} with {@code torch.erfinv} on every float of [0, 1]; see {@link Glibc} and {@link
 * TorchMath}.)
 */
class TorchMathTest {

  private static JsonObject libm;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = TorchMathTest.class.getResourceAsStream("/glibc-2.36/libm.json")) {
      libm =
          JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
              .getAsJsonObject();
    }
  }

  @Test
  void floatFunctionsAreGlibcs() {
    int checked = 0;
    for (JsonElement e : libm.getAsJsonArray("float")) {
      JsonObject c = e.getAsJsonObject();
      float x = asFloat(c.get("x"));
      assertEquals(c.get("erff").getAsString(), hex(Glibc.erff(x)), "erff " + x);
      assertEquals(c.get("expf").getAsString(), hex(Glibc.expf(x)), "expf " + x);
      assertEquals(c.get("logf").getAsString(), hex(Glibc.logf(x)), "logf " + x);
      checked++;
    }
    assertTrue(checked > 500);
  }

  @Test
  void doubleFunctionsAreGlibcsAndPythonsErfIsGlibcs() {
    for (JsonElement e : libm.getAsJsonArray("double")) {
      JsonObject c = e.getAsJsonObject();
      double x = asDouble(c.get("x"));
      assertEquals(c.get("erf").getAsString(), hex(Glibc.erf(x)), "erf " + x);
      assertEquals(c.get("math_erf").getAsString(), hex(Glibc.erf(x)), "math.erf " + x);
      assertEquals(c.get("exp").getAsString(), hex(Glibc.exp(x)), "exp " + x);
      assertEquals(c.get("log").getAsString(), hex(Glibc.log(x)), "log " + x);
    }
  }

  @Test
  void floatErfinvIsTorchErfinvInBothKernelBuilds() {
    JsonObject erfinv = libm.getAsJsonObject("erfinv");
    JsonArray inputs = erfinv.getAsJsonArray("x");
    JsonArray avx2 = erfinv.getAsJsonArray("avx2");
    JsonArray plain = erfinv.getAsJsonArray("default");
    int builds = 0;
    for (int i = 0; i < inputs.size(); i++) {
      float y = asFloat(inputs.get(i));
      assertEquals(avx2.get(i).getAsString(), hex(TorchMath.erfinv(y, true)), "avx2 " + y);
      assertEquals(plain.get(i).getAsString(), hex(TorchMath.erfinv(y, false)), "default " + y);
      builds += avx2.get(i).equals(plain.get(i)) ? 0 : 1;
    }
    assertTrue(builds > 100, "values that tell the builds apart: " + builds);
  }

  @Test
  void doubleErfinvIsTorchErfinvInBothKernelBuilds() {
    JsonObject erfinv = libm.getAsJsonObject("erfinv64");
    JsonArray inputs = erfinv.getAsJsonArray("x");
    JsonArray avx2 = erfinv.getAsJsonArray("avx2");
    JsonArray plain = erfinv.getAsJsonArray("default");
    int builds = 0;
    for (int i = 0; i < inputs.size(); i++) {
      double y = asDouble(inputs.get(i));
      assertEquals(avx2.get(i).getAsString(), hex(TorchMath.erfinv(y, true)), "avx2 " + y);
      assertEquals(plain.get(i).getAsString(), hex(TorchMath.erfinv(y, false)), "default " + y);
      builds += avx2.get(i).equals(plain.get(i)) ? 0 : 1;
    }
    assertTrue(builds > 100, "values that tell the builds apart: " + builds);
  }

  @Test
  void erfinvIsOddWithInfiniteEndsAndNoValueOutside() {
    for (boolean fused : new boolean[] {false, true}) {
      assertEquals(Float.POSITIVE_INFINITY, TorchMath.erfinv(1f, fused));
      assertEquals(Float.NEGATIVE_INFINITY, TorchMath.erfinv(-1f, fused));
      assertTrue(Float.isNaN(TorchMath.erfinv(Math.nextUp(1f), fused)));
      assertEquals(Double.POSITIVE_INFINITY, TorchMath.erfinv(1.0, fused));
      assertTrue(Double.isNaN(TorchMath.erfinv(-1.5, fused)));
      for (double y : new double[] {1e-20, 0.3, 0.7, 0.95, 1 - 1e-12}) {
        assertEquals(-TorchMath.erfinv(y, fused), TorchMath.erfinv(-y, fused));
        assertEquals(y, Glibc.erf(TorchMath.erfinv(y, fused)), 2 * Math.ulp(y), "erf(erfinv)");
      }
    }
  }

  @Test
  void normCdfIsPyTorchsHelper() {
    // Python 3.11 on glibc 2.36: (1. + math.erf(x / math.sqrt(2.))) / 2.
    assertEquals(0.5, TorchMath.normCdf(0));
    assertEquals(0.02275013194817921, TorchMath.normCdf(-2));
    assertEquals(0.9772498680518208, TorchMath.normCdf(2));
    assertEquals(1.0, TorchMath.normCdf(8.3), "erf rounds to 1");
    assertEquals(0.0, TorchMath.normCdf(-38.5), "erf rounds to -1");
  }

  private static float asFloat(JsonElement hex) {
    return Float.intBitsToFloat(Integer.parseUnsignedInt(hex.getAsString(), 16));
  }

  private static double asDouble(JsonElement hex) {
    return Double.longBitsToDouble(Long.parseUnsignedLong(hex.getAsString(), 16));
  }

  private static String hex(float value) {
    return String.format("%08x", Float.isNaN(value) ? 0x7fc00000 : Float.floatToRawIntBits(value));
  }

  private static String hex(double value) {
    return String.format("%016x", Double.doubleToLongBits(value)); // one NaN, as the JSON has
  }
}
