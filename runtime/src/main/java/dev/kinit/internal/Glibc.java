package dev.kinit.internal;

/**
 * The C library's functions that PyTorch 1.13's {@code trunc_normal_} calls, ported from glibc 2.36
 * as it runs on an x86-64 CPU with FMA (where glibc picks its {@code _fma} variants of {@code exp},
 * {@code log}, {@code expf} and {@code logf}), so that {@link TorchMath} can reproduce PyTorch bit
 * for bit:
 *
 * <ul>
 *   <li>{@link #erf} and {@link #erff}: Sun's fdlibm ({@code s_erf.c}, {@code s_erff.c}), rational
 *       approximations per interval and, beyond 1.25, {@code exp} of a split argument;
 *   <li>{@link #exp}, {@link #log}, {@link #expf}, {@link #logf}: Szabolcs Nagy's table-driven
 *       functions (ARM's optimized-routines), with a fused multiply-add ({@link Math#fma}) wherever
 *       GCC 12 contracted one when it built the {@code _fma} variants with {@code -mfma}, read from
 *       the compiled code.
 * </ul>
 *
 * <p>Each constant is written as the C source writes it; a C {@code float} constant is a double
 * literal rounded to float, so it is written {@code (float) 8.4506291151e-01} here. Checked against
 * the machine's glibc 2.36: {@link #expf}, {@link #logf} and {@link #erff} on all 2^32 floats,
 * {@link #exp} and {@link #log} on 10^8 doubles, {@link #erf} against Python's {@code math.erf}
 * (which calls it) on 10^6. Not API (see {@link dev.kinit.internal}).
 */
final class Glibc {

  private Glibc() {}

  // ---- glibc 2.36 erf (sysdeps/ieee754/dbl-64/s_erf.c: fdlibm, pipelined by Naohiko Shimizu) ----

  private static final double ERX = 8.45062911510467529297e-01;
  private static final double EFX = 1.28379167095512586316e-01;
  private static final double PP0 = 1.28379167095512558561e-01;
  private static final double PP1 = -3.25042107247001499370e-01;
  private static final double PP2 = -2.84817495755985104766e-02;
  private static final double PP3 = -5.77027029648944159157e-03;
  private static final double PP4 = -2.37630166566501626084e-05;
  private static final double QQ1 = 3.97917223959155352819e-01;
  private static final double QQ2 = 6.50222499887672944485e-02;
  private static final double QQ3 = 5.08130628187576562776e-03;
  private static final double QQ4 = 1.32494738004321644526e-04;
  private static final double QQ5 = -3.96022827877536812320e-06;
  private static final double PA0 = -2.36211856075265944077e-03;
  private static final double PA1 = 4.14856118683748331666e-01;
  private static final double PA2 = -3.72207876035701323847e-01;
  private static final double PA3 = 3.18346619901161753674e-01;
  private static final double PA4 = -1.10894694282396677476e-01;
  private static final double PA5 = 3.54783043256182359371e-02;
  private static final double PA6 = -2.16637559486879084300e-03;
  private static final double QA1 = 1.06420880400844228286e-01;
  private static final double QA2 = 5.40397917702171048937e-01;
  private static final double QA3 = 7.18286544141962662868e-02;
  private static final double QA4 = 1.26171219808761642112e-01;
  private static final double QA5 = 1.36370839120290507362e-02;
  private static final double QA6 = 1.19844998467991074170e-02;
  private static final double RA0 = -9.86494403484714822705e-03;
  private static final double RA1 = -6.93858572707181764372e-01;
  private static final double RA2 = -1.05586262253232909814e+01;
  private static final double RA3 = -6.23753324503260060396e+01;
  private static final double RA4 = -1.62396669462573470355e+02;
  private static final double RA5 = -1.84605092906711035994e+02;
  private static final double RA6 = -8.12874355063065934246e+01;
  private static final double RA7 = -9.81432934416914548592e+00;
  private static final double SA1 = 1.96512716674392571292e+01;
  private static final double SA2 = 1.37657754143519042600e+02;
  private static final double SA3 = 4.34565877475229228821e+02;
  private static final double SA4 = 6.45387271733267880336e+02;
  private static final double SA5 = 4.29008140027567833386e+02;
  private static final double SA6 = 1.08635005541779435134e+02;
  private static final double SA7 = 6.57024977031928170135e+00;
  private static final double SA8 = -6.04244152148580987438e-02;
  private static final double RB0 = -9.86494292470009928597e-03;
  private static final double RB1 = -7.99283237680523006574e-01;
  private static final double RB2 = -1.77579549177547519889e+01;
  private static final double RB3 = -1.60636384855821916062e+02;
  private static final double RB4 = -6.37566443368389627722e+02;
  private static final double RB5 = -1.02509513161107724954e+03;
  private static final double RB6 = -4.83519191608651397019e+02;
  private static final double SB1 = 3.03380607434824582924e+01;
  private static final double SB2 = 3.25792512996573918826e+02;
  private static final double SB3 = 1.53672958608443695994e+03;
  private static final double SB4 = 3.19985821950859553908e+03;
  private static final double SB5 = 2.55305040643316442583e+03;
  private static final double SB6 = 4.74528541206955367215e+02;
  private static final double SB7 = -2.24409524465858183362e+01;
  private static final double TINY = 1e-300;

  /** glibc's {@code erf}, which is also Python's {@code math.erf}. */
  static double erf(double x) {
    int hx = (int) (Double.doubleToRawLongBits(x) >>> 32);
    int ix = hx & 0x7fffffff;
    if (ix >= 0x7ff00000) { // erf(NaN) = NaN, erf(±∞) = ±1
      int i = (hx >>> 31) << 1;
      return (1 - i) + 1.0 / x;
    }
    if (ix < 0x3feb0000) { // |x| < 0.84375
      if (ix < 0x3e300000) { // |x| < 2^-28
        if (ix < 0x00800000) {
          return 0.0625 * (16.0 * x + (16.0 * EFX) * x);
        }
        return x + EFX * x;
      }
      double z = x * x;
      double r1 = PP0 + z * PP1;
      double z2 = z * z;
      double r2 = PP2 + z * PP3;
      double z4 = z2 * z2;
      double s1 = 1.0 + z * QQ1;
      double s2 = QQ2 + z * QQ3;
      double s3 = QQ4 + z * QQ5;
      double r = r1 + z2 * r2 + z4 * PP4;
      double s = s1 + z2 * s2 + z4 * s3;
      double y = r / s;
      return x + x * y;
    }
    if (ix < 0x3ff40000) { // 0.84375 <= |x| < 1.25
      double s = Math.abs(x) - 1.0;
      double p1 = PA0 + s * PA1;
      double s2 = s * s;
      double q1 = 1.0 + s * QA1;
      double s4 = s2 * s2;
      double p2 = PA2 + s * PA3;
      double s6 = s4 * s2;
      double q2 = QA2 + s * QA3;
      double p3 = PA4 + s * PA5;
      double q3 = QA4 + s * QA5;
      double p = p1 + s2 * p2 + s4 * p3 + s6 * PA6;
      double q = q1 + s2 * q2 + s4 * q3 + s6 * QA6;
      return hx >= 0 ? ERX + p / q : -ERX - p / q;
    }
    if (ix >= 0x40180000) { // |x| >= 6
      return hx >= 0 ? 1.0 - TINY : TINY - 1.0;
    }
    double ax = Math.abs(x);
    double s = 1.0 / (ax * ax);
    double bigR;
    double bigS;
    if (ix < 0x4006DB6E) { // |x| < 1/0.35
      double r1 = RA0 + s * RA1;
      double s2 = s * s;
      double t1 = 1.0 + s * SA1;
      double s4 = s2 * s2;
      double r2 = RA2 + s * RA3;
      double s6 = s4 * s2;
      double t2 = SA2 + s * SA3;
      double s8 = s4 * s4;
      double r3 = RA4 + s * RA5;
      double t3 = SA4 + s * SA5;
      double r4 = RA6 + s * RA7;
      double t4 = SA6 + s * SA7;
      bigR = r1 + s2 * r2 + s4 * r3 + s6 * r4;
      bigS = t1 + s2 * t2 + s4 * t3 + s6 * t4 + s8 * SA8;
    } else { // |x| >= 1/0.35
      double r1 = RB0 + s * RB1;
      double s2 = s * s;
      double t1 = 1.0 + s * SB1;
      double s4 = s2 * s2;
      double r2 = RB2 + s * RB3;
      double s6 = s4 * s2;
      double t2 = SB2 + s * SB3;
      double r3 = RB4 + s * RB5;
      double t3 = SB4 + s * SB5;
      double t4 = SB6 + s * SB7;
      bigR = r1 + s2 * r2 + s4 * r3 + s6 * RB6;
      bigS = t1 + s2 * t2 + s4 * t3 + s6 * t4;
    }
    double z = Double.longBitsToDouble(Double.doubleToRawLongBits(ax) & 0xffffffff00000000L);
    double r = exp(-z * z - 0.5625) * exp((z - ax) * (z + ax) + bigR / bigS);
    return hx >= 0 ? 1.0 - r / ax : r / ax - 1.0;
  }

  // ---- glibc 2.36 erff (sysdeps/ieee754/flt-32/s_erff.c: fdlibm in float) ----
  // Each constant is a double literal rounded to float, as the C initialisers are.

  private static final float ERX_F = (float) 8.4506291151e-01;
  private static final float EFX_F = (float) 1.2837916613e-01;
  private static final float PP0_F = (float) 1.2837916613e-01;
  private static final float PP1_F = (float) -3.2504209876e-01;
  private static final float PP2_F = (float) -2.8481749818e-02;
  private static final float PP3_F = (float) -5.7702702470e-03;
  private static final float PP4_F = (float) -2.3763017452e-05;
  private static final float QQ1_F = (float) 3.9791721106e-01;
  private static final float QQ2_F = (float) 6.5022252500e-02;
  private static final float QQ3_F = (float) 5.0813062117e-03;
  private static final float QQ4_F = (float) 1.3249473704e-04;
  private static final float QQ5_F = (float) -3.9602282413e-06;
  private static final float PA0_F = (float) -2.3621185683e-03;
  private static final float PA1_F = (float) 4.1485610604e-01;
  private static final float PA2_F = (float) -3.7220788002e-01;
  private static final float PA3_F = (float) 3.1834661961e-01;
  private static final float PA4_F = (float) -1.1089469492e-01;
  private static final float PA5_F = (float) 3.5478305072e-02;
  private static final float PA6_F = (float) -2.1663755178e-03;
  private static final float QA1_F = (float) 1.0642088205e-01;
  private static final float QA2_F = (float) 5.4039794207e-01;
  private static final float QA3_F = (float) 7.1828655899e-02;
  private static final float QA4_F = (float) 1.2617121637e-01;
  private static final float QA5_F = (float) 1.3637083583e-02;
  private static final float QA6_F = (float) 1.1984500103e-02;
  private static final float RA0_F = (float) -9.8649440333e-03;
  private static final float RA1_F = (float) -6.9385856390e-01;
  private static final float RA2_F = (float) -1.0558626175e+01;
  private static final float RA3_F = (float) -6.2375331879e+01;
  private static final float RA4_F = (float) -1.6239666748e+02;
  private static final float RA5_F = (float) -1.8460508728e+02;
  private static final float RA6_F = (float) -8.1287437439e+01;
  private static final float RA7_F = (float) -9.8143291473e+00;
  private static final float SA1_F = (float) 1.9651271820e+01;
  private static final float SA2_F = (float) 1.3765776062e+02;
  private static final float SA3_F = (float) 4.3456588745e+02;
  private static final float SA4_F = (float) 6.4538726807e+02;
  private static final float SA5_F = (float) 4.2900814819e+02;
  private static final float SA6_F = (float) 1.0863500214e+02;
  private static final float SA7_F = (float) 6.5702495575e+00;
  private static final float SA8_F = (float) -6.0424413532e-02;
  private static final float RB0_F = (float) -9.8649431020e-03;
  private static final float RB1_F = (float) -7.9928326607e-01;
  private static final float RB2_F = (float) -1.7757955551e+01;
  private static final float RB3_F = (float) -1.6063638306e+02;
  private static final float RB4_F = (float) -6.3756646729e+02;
  private static final float RB5_F = (float) -1.0250950928e+03;
  private static final float RB6_F = (float) -4.8351919556e+02;
  private static final float SB1_F = (float) 3.0338060379e+01;
  private static final float SB2_F = (float) 3.2579251099e+02;
  private static final float SB3_F = (float) 1.5367296143e+03;
  private static final float SB4_F = (float) 3.1998581543e+03;
  private static final float SB5_F = (float) 2.5530502930e+03;
  private static final float SB6_F = (float) 4.7452853394e+02;
  private static final float SB7_F = (float) -2.2440952301e+01;
  private static final float TINY_F = (float) 1e-30;

  /** glibc 2.36's {@code erff}, with the {@link #expf} it calls. */
  static float erff(float x) {
    int hx = Float.floatToRawIntBits(x);
    int ix = hx & 0x7fffffff;
    if (ix >= 0x7f800000) { // erf(NaN) = NaN, erf(±∞) = ±1
      int i = (hx >>> 31) << 1;
      return (float) (1 - i) + 1.0f / x;
    }
    if (ix < 0x3f580000) { // |x| < 0.84375
      if (ix < 0x31800000) { // |x| < 2^-28
        if (ix < 0x04000000) {
          return 0.0625f * (16.0f * x + (16.0f * EFX_F) * x);
        }
        return x + EFX_F * x;
      }
      float z = x * x;
      float r = PP0_F + z * (PP1_F + z * (PP2_F + z * (PP3_F + z * PP4_F)));
      float s = 1.0f + z * (QQ1_F + z * (QQ2_F + z * (QQ3_F + z * (QQ4_F + z * QQ5_F))));
      float y = r / s;
      return x + x * y;
    }
    if (ix < 0x3fa00000) { // 0.84375 <= |x| < 1.25
      float s = Math.abs(x) - 1.0f;
      float p =
          PA0_F + s * (PA1_F + s * (PA2_F + s * (PA3_F + s * (PA4_F + s * (PA5_F + s * PA6_F)))));
      float q =
          1.0f + s * (QA1_F + s * (QA2_F + s * (QA3_F + s * (QA4_F + s * (QA5_F + s * QA6_F)))));
      return hx >= 0 ? ERX_F + p / q : -ERX_F - p / q;
    }
    if (ix >= 0x40c00000) { // |x| >= 6
      return hx >= 0 ? 1.0f - TINY_F : TINY_F - 1.0f;
    }
    float ax = Math.abs(x);
    float s = 1.0f / (ax * ax);
    float bigR;
    float bigS;
    if (ix < 0x4036DB6E) { // |x| < 1/0.35
      bigR =
          RA0_F
              + s
                  * (RA1_F
                      + s
                          * (RA2_F
                              + s * (RA3_F + s * (RA4_F + s * (RA5_F + s * (RA6_F + s * RA7_F))))));
      bigS =
          1.0f
              + s
                  * (SA1_F
                      + s
                          * (SA2_F
                              + s
                                  * (SA3_F
                                      + s
                                          * (SA4_F
                                              + s
                                                  * (SA5_F
                                                      + s * (SA6_F + s * (SA7_F + s * SA8_F)))))));
    } else { // |x| >= 1/0.35
      bigR =
          RB0_F + s * (RB1_F + s * (RB2_F + s * (RB3_F + s * (RB4_F + s * (RB5_F + s * RB6_F)))));
      bigS =
          1.0f
              + s
                  * (SB1_F
                      + s
                          * (SB2_F
                              + s * (SB3_F + s * (SB4_F + s * (SB5_F + s * (SB6_F + s * SB7_F))))));
    }
    float z = Float.intBitsToFloat(Float.floatToRawIntBits(ax) & 0xfffff000);
    float r = expf(-z * z - 0.5625f) * expf((z - ax) * (z + ax) + bigR / bigS);
    return hx >= 0 ? 1.0f - r / ax : r / ax - 1.0f;
  }

  // ---- glibc 2.36 expf (sysdeps/ieee754/flt-32/e_expf.c, e_exp2f_data.c), __expf_fma ----

  private static final int EXP_TABLE_BITS = 5;
  private static final int EXP_N = 1 << EXP_TABLE_BITS;

  /** {@code tab[i] = uint(2^(i/N)) - (i << 52 - BITS)}. */
  private static final long[] EXP_TABLE = {
    0x3ff0000000000000L, 0x3fefd9b0d3158574L, 0x3fefb5586cf9890fL, 0x3fef9301d0125b51L,
    0x3fef72b83c7d517bL, 0x3fef54873168b9aaL, 0x3fef387a6e756238L, 0x3fef1e9df51fdee1L,
    0x3fef06fe0a31b715L, 0x3feef1a7373aa9cbL, 0x3feedea64c123422L, 0x3feece086061892dL,
    0x3feebfdad5362a27L, 0x3feeb42b569d4f82L, 0x3feeab07dd485429L, 0x3feea47eb03a5585L,
    0x3feea09e667f3bcdL, 0x3fee9f75e8ec5f74L, 0x3feea11473eb0187L, 0x3feea589994cce13L,
    0x3feeace5422aa0dbL, 0x3feeb737b0cdc5e5L, 0x3feec49182a3f090L, 0x3feed503b23e255dL,
    0x3feee89f995ad3adL, 0x3feeff76f2fb5e47L, 0x3fef199bdd85529cL, 0x3fef3720dcef9069L,
    0x3fef5818dcfba487L, 0x3fef7c97337b9b5fL, 0x3fefa4afa2a490daL, 0x3fefd0765b6e4540L,
  };

  private static final double EXP_SHIFT = 0x1.8p+52;
  private static final double INV_LN2_N = 0x1.71547652b82fep+0 * EXP_N;
  private static final double EXP_C0 = 0x1.c6af84b912394p-5 / EXP_N / EXP_N / EXP_N;
  private static final double EXP_C1 = 0x1.ebfce50fac4f3p-3 / EXP_N / EXP_N;
  private static final double EXP_C2 = 0x1.62e42ff0c52d6p-1 / EXP_N;

  /**
   * glibc 2.36's {@code expf} on a CPU with FMA: {@code 2^(k/N) · 2^(r/N)} with {@code k} an
   * integer, the first factor from a table, the second a cubic in {@code r}.
   */
  static float expf(float x) {
    double xd = x;
    int abstop = (Float.floatToRawIntBits(x) >>> 20) & 0x7ff;
    if (abstop >= 0x42b) { // |x| >= 88 or NaN
      if (x == Float.NEGATIVE_INFINITY) {
        return 0.0f;
      }
      if (abstop >= 0x7f8) {
        return x + x;
      }
      if (x > 0x1.62e42ep6f) {
        return Float.POSITIVE_INFINITY;
      }
      if (x < -0x1.9fe368p6f) {
        return 0.0f;
      }
    }
    // x·N/ln 2 = k + r, r in [-1/2, 1/2]; GCC fused the product into both uses.
    double kd = Math.fma(xd, INV_LN2_N, EXP_SHIFT);
    long ki = Double.doubleToRawLongBits(kd);
    kd -= EXP_SHIFT;
    double r = Math.fma(xd, INV_LN2_N, -kd);
    long t = EXP_TABLE[(int) (ki & (EXP_N - 1))] + (ki << (52 - EXP_TABLE_BITS));
    double s = Double.longBitsToDouble(t);
    double z = Math.fma(r, EXP_C0, EXP_C1);
    double r2 = r * r;
    double y = Math.fma(r, EXP_C2, 1.0);
    y = Math.fma(z, r2, y);
    return (float) (y * s);
  }

  // ---- glibc 2.36 logf (sysdeps/ieee754/flt-32/e_logf.c, e_logf_data.c), __logf_fma ----

  private static final int LOG_OFF = 0x3f330000;

  /** {@code 1/c} and {@code log(c)} for the centre {@code c} of each of 16 subintervals. */
  private static final double[] LOG_INVC = {
    0x1.661ec79f8f3bep+0, 0x1.571ed4aaf883dp+0, 0x1.49539f0f010bp+0, 0x1.3c995b0b80385p+0,
    0x1.30d190c8864a5p+0, 0x1.25e227b0b8eap+0, 0x1.1bb4a4a1a343fp+0, 0x1.12358f08ae5bap+0,
    0x1.0953f419900a7p+0, 0x1p+0, 0x1.e608cfd9a47acp-1, 0x1.ca4b31f026aap-1,
    0x1.b2036576afce6p-1, 0x1.9c2d163a1aa2dp-1, 0x1.886e6037841edp-1, 0x1.767dcf5534862p-1,
  };

  private static final double[] LOG_LOGC = {
    -0x1.57bf7808caadep-2, -0x1.2bef0a7c06ddbp-2, -0x1.01eae7f513a67p-2, -0x1.b31d8a68224e9p-3,
    -0x1.6574f0ac07758p-3, -0x1.1aa2bc79c81p-3, -0x1.a4e76ce8c0e5ep-4, -0x1.1973c5a611cccp-4,
    -0x1.252f438e10c1ep-5, 0x0p+0, 0x1.aa5aa5df25984p-5, 0x1.c5e53aa362eb4p-4,
    0x1.526e57720db08p-3, 0x1.bc2860d22477p-3, 0x1.1058bc8a07ee1p-2, 0x1.4043057b6ee09p-2,
  };

  private static final double LN2 = 0x1.62e42fefa39efp-1;
  private static final double LOG_A0 = -0x1.00ea348b88334p-2;
  private static final double LOG_A1 = 0x1.5575b0be00b6ap-2;
  private static final double LOG_A2 = -0x1.ffffef20a4123p-2;

  /**
   * glibc 2.36's {@code logf} on a CPU with FMA: {@code x = 2^k · z}, {@code log(x) = log1p(z/c -
   * 1) + log(c) + k·ln 2} with {@code c} from a table and {@code log1p} a polynomial.
   */
  static float logf(float x) {
    int ix = Float.floatToRawIntBits(x);
    if (ix == 0x3f800000) {
      return 0.0f;
    }
    if (Integer.compareUnsigned(ix - 0x00800000, 0x7f800000 - 0x00800000) >= 0) {
      // x < 2^-126, or infinite, or NaN
      if (ix * 2 == 0) {
        return Float.NEGATIVE_INFINITY;
      }
      if (ix == 0x7f800000) {
        return x;
      }
      if ((ix & 0x80000000) != 0 || Integer.compareUnsigned(ix * 2, 0xff000000) >= 0) {
        return Float.NaN;
      }
      ix = Float.floatToRawIntBits(x * 0x1p23f) - (23 << 23); // subnormal: normalise
    }
    int tmp = ix - LOG_OFF;
    int i = (tmp >>> (23 - 4)) & 15;
    int k = tmp >> 23;
    int iz = ix - (tmp & 0xff800000);
    double z = Float.intBitsToFloat(iz);
    double r = Math.fma(z, LOG_INVC[i], -1.0);
    double y0 = Math.fma(k, LN2, LOG_LOGC[i]);
    double r2 = r * r;
    double y = Math.fma(r, LOG_A1, LOG_A2);
    y = Math.fma(r2, LOG_A0, y);
    y = Math.fma(y, r2, y0 + r);
    return (float) y;
  }

  // ---- glibc 2.36 exp (sysdeps/ieee754/dbl-64/e_exp.c, e_exp_data.c), __exp_fma ----

  private static final int EXP64_TABLE_BITS = 7;
  private static final int EXP64_N = 1 << EXP64_TABLE_BITS;
  private static final double EXP64_INV_LN2_N = 0x1.71547652b82fep0 * EXP64_N;
  private static final double EXP64_NEG_LN2_HI_N = -0x1.62e42fefa0000p-8;
  private static final double EXP64_NEG_LN2_LO_N = -0x1.cf79abc9e3b3ap-47;
  private static final double EXP64_SHIFT = 0x1.8p52;
  private static final double EXP64_C2 = 0x1.ffffffffffdbdp-2;
  private static final double EXP64_C3 = 0x1.555555555543cp-3;
  private static final double EXP64_C4 = 0x1.55555cf172b91p-5;
  private static final double EXP64_C5 = 0x1.1111167a4d017p-7;

  /**
   * {@code 2^(k/N) ≈ H[k]·(1 + T[k])}: {@code tab[2k] = asuint64(T[k])}, {@code tab[2k + 1] =
   * asuint64(H[k]) - (k << 52) / N}.
   */
  private static final long[] EXP64_TABLE = {
    0x0L, 0x3ff0000000000000L, 0x3c9b3b4f1a88bf6eL, 0x3feff63da9fb3335L,
    0xbc7160139cd8dc5dL, 0x3fefec9a3e778061L, 0xbc905e7a108766d1L, 0x3fefe315e86e7f85L,
    0x3c8cd2523567f613L, 0x3fefd9b0d3158574L, 0xbc8bce8023f98efaL, 0x3fefd06b29ddf6deL,
    0x3c60f74e61e6c861L, 0x3fefc74518759bc8L, 0x3c90a3e45b33d399L, 0x3fefbe3ecac6f383L,
    0x3c979aa65d837b6dL, 0x3fefb5586cf9890fL, 0x3c8eb51a92fdeffcL, 0x3fefac922b7247f7L,
    0x3c3ebe3d702f9cd1L, 0x3fefa3ec32d3d1a2L, 0xbc6a033489906e0bL, 0x3fef9b66affed31bL,
    0xbc9556522a2fbd0eL, 0x3fef9301d0125b51L, 0xbc5080ef8c4eea55L, 0x3fef8abdc06c31ccL,
    0xbc91c923b9d5f416L, 0x3fef829aaea92de0L, 0x3c80d3e3e95c55afL, 0x3fef7a98c8a58e51L,
    0xbc801b15eaa59348L, 0x3fef72b83c7d517bL, 0xbc8f1ff055de323dL, 0x3fef6af9388c8deaL,
    0x3c8b898c3f1353bfL, 0x3fef635beb6fcb75L, 0xbc96d99c7611eb26L, 0x3fef5be084045cd4L,
    0x3c9aecf73e3a2f60L, 0x3fef54873168b9aaL, 0xbc8fe782cb86389dL, 0x3fef4d5022fcd91dL,
    0x3c8a6f4144a6c38dL, 0x3fef463b88628cd6L, 0x3c807a05b0e4047dL, 0x3fef3f49917ddc96L,
    0x3c968efde3a8a894L, 0x3fef387a6e756238L, 0x3c875e18f274487dL, 0x3fef31ce4fb2a63fL,
    0x3c80472b981fe7f2L, 0x3fef2b4565e27cddL, 0xbc96b87b3f71085eL, 0x3fef24dfe1f56381L,
    0x3c82f7e16d09ab31L, 0x3fef1e9df51fdee1L, 0xbc3d219b1a6fbffaL, 0x3fef187fd0dad990L,
    0x3c8b3782720c0ab4L, 0x3fef1285a6e4030bL, 0x3c6e149289cecb8fL, 0x3fef0cafa93e2f56L,
    0x3c834d754db0abb6L, 0x3fef06fe0a31b715L, 0x3c864201e2ac744cL, 0x3fef0170fc4cd831L,
    0x3c8fdd395dd3f84aL, 0x3feefc08b26416ffL, 0xbc86a3803b8e5b04L, 0x3feef6c55f929ff1L,
    0xbc924aedcc4b5068L, 0x3feef1a7373aa9cbL, 0xbc9907f81b512d8eL, 0x3feeecae6d05d866L,
    0xbc71d1e83e9436d2L, 0x3feee7db34e59ff7L, 0xbc991919b3ce1b15L, 0x3feee32dc313a8e5L,
    0x3c859f48a72a4c6dL, 0x3feedea64c123422L, 0xbc9312607a28698aL, 0x3feeda4504ac801cL,
    0xbc58a78f4817895bL, 0x3feed60a21f72e2aL, 0xbc7c2c9b67499a1bL, 0x3feed1f5d950a897L,
    0x3c4363ed60c2ac11L, 0x3feece086061892dL, 0x3c9666093b0664efL, 0x3feeca41ed1d0057L,
    0x3c6ecce1daa10379L, 0x3feec6a2b5c13cd0L, 0x3c93ff8e3f0f1230L, 0x3feec32af0d7d3deL,
    0x3c7690cebb7aafb0L, 0x3feebfdad5362a27L, 0x3c931dbdeb54e077L, 0x3feebcb299fddd0dL,
    0xbc8f94340071a38eL, 0x3feeb9b2769d2ca7L, 0xbc87deccdc93a349L, 0x3feeb6daa2cf6642L,
    0xbc78dec6bd0f385fL, 0x3feeb42b569d4f82L, 0xbc861246ec7b5cf6L, 0x3feeb1a4ca5d920fL,
    0x3c93350518fdd78eL, 0x3feeaf4736b527daL, 0x3c7b98b72f8a9b05L, 0x3feead12d497c7fdL,
    0x3c9063e1e21c5409L, 0x3feeab07dd485429L, 0x3c34c7855019c6eaL, 0x3feea9268a5946b7L,
    0x3c9432e62b64c035L, 0x3feea76f15ad2148L, 0xbc8ce44a6199769fL, 0x3feea5e1b976dc09L,
    0xbc8c33c53bef4da8L, 0x3feea47eb03a5585L, 0xbc845378892be9aeL, 0x3feea34634ccc320L,
    0xbc93cedd78565858L, 0x3feea23882552225L, 0x3c5710aa807e1964L, 0x3feea155d44ca973L,
    0xbc93b3efbf5e2228L, 0x3feea09e667f3bcdL, 0xbc6a12ad8734b982L, 0x3feea012750bdabfL,
    0xbc6367efb86da9eeL, 0x3fee9fb23c651a2fL, 0xbc80dc3d54e08851L, 0x3fee9f7df9519484L,
    0xbc781f647e5a3ecfL, 0x3fee9f75e8ec5f74L, 0xbc86ee4ac08b7db0L, 0x3fee9f9a48a58174L,
    0xbc8619321e55e68aL, 0x3fee9feb564267c9L, 0x3c909ccb5e09d4d3L, 0x3feea0694fde5d3fL,
    0xbc7b32dcb94da51dL, 0x3feea11473eb0187L, 0x3c94ecfd5467c06bL, 0x3feea1ed0130c132L,
    0x3c65ebe1abd66c55L, 0x3feea2f336cf4e62L, 0xbc88a1c52fb3cf42L, 0x3feea427543e1a12L,
    0xbc9369b6f13b3734L, 0x3feea589994cce13L, 0xbc805e843a19ff1eL, 0x3feea71a4623c7adL,
    0xbc94d450d872576eL, 0x3feea8d99b4492edL, 0x3c90ad675b0e8a00L, 0x3feeaac7d98a6699L,
    0x3c8db72fc1f0eab4L, 0x3feeace5422aa0dbL, 0xbc65b6609cc5e7ffL, 0x3feeaf3216b5448cL,
    0x3c7bf68359f35f44L, 0x3feeb1ae99157736L, 0xbc93091fa71e3d83L, 0x3feeb45b0b91ffc6L,
    0xbc5da9b88b6c1e29L, 0x3feeb737b0cdc5e5L, 0xbc6c23f97c90b959L, 0x3feeba44cbc8520fL,
    0xbc92434322f4f9aaL, 0x3feebd829fde4e50L, 0xbc85ca6cd7668e4bL, 0x3feec0f170ca07baL,
    0x3c71affc2b91ce27L, 0x3feec49182a3f090L, 0x3c6dd235e10a73bbL, 0x3feec86319e32323L,
    0xbc87c50422622263L, 0x3feecc667b5de565L, 0x3c8b1c86e3e231d5L, 0x3feed09bec4a2d33L,
    0xbc91bbd1d3bcbb15L, 0x3feed503b23e255dL, 0x3c90cc319cee31d2L, 0x3feed99e1330b358L,
    0x3c8469846e735ab3L, 0x3feede6b5579fdbfL, 0xbc82dfcd978e9db4L, 0x3feee36bbfd3f37aL,
    0x3c8c1a7792cb3387L, 0x3feee89f995ad3adL, 0xbc907b8f4ad1d9faL, 0x3feeee07298db666L,
    0xbc55c3d956dcaebaL, 0x3feef3a2b84f15fbL, 0xbc90a40e3da6f640L, 0x3feef9728de5593aL,
    0xbc68d6f438ad9334L, 0x3feeff76f2fb5e47L, 0xbc91eee26b588a35L, 0x3fef05b030a1064aL,
    0x3c74ffd70a5fddcdL, 0x3fef0c1e904bc1d2L, 0xbc91bdfbfa9298acL, 0x3fef12c25bd71e09L,
    0x3c736eae30af0cb3L, 0x3fef199bdd85529cL, 0x3c8ee3325c9ffd94L, 0x3fef20ab5fffd07aL,
    0x3c84e08fd10959acL, 0x3fef27f12e57d14bL, 0x3c63cdaf384e1a67L, 0x3fef2f6d9406e7b5L,
    0x3c676b2c6c921968L, 0x3fef3720dcef9069L, 0xbc808a1883ccb5d2L, 0x3fef3f0b555dc3faL,
    0xbc8fad5d3ffffa6fL, 0x3fef472d4a07897cL, 0xbc900dae3875a949L, 0x3fef4f87080d89f2L,
    0x3c74a385a63d07a7L, 0x3fef5818dcfba487L, 0xbc82919e2040220fL, 0x3fef60e316c98398L,
    0x3c8e5a50d5c192acL, 0x3fef69e603db3285L, 0x3c843a59ac016b4bL, 0x3fef7321f301b460L,
    0xbc82d52107b43e1fL, 0x3fef7c97337b9b5fL, 0xbc892ab93b470dc9L, 0x3fef864614f5a129L,
    0x3c74b604603a88d3L, 0x3fef902ee78b3ff6L, 0x3c83c5ec519d7271L, 0x3fef9a51fbc74c83L,
    0xbc8ff7128fd391f0L, 0x3fefa4afa2a490daL, 0xbc8dae98e223747dL, 0x3fefaf482d8e67f1L,
    0x3c8ec3bc41aa2008L, 0x3fefba1bee615a27L, 0x3c842b94c3a9eb32L, 0x3fefc52b376bba97L,
    0x3c8a64a931d185eeL, 0x3fefd0765b6e4540L, 0xbc8e37bae43be3edL, 0x3fefdbfdad9cbe14L,
    0x3c77893b4d91cd9dL, 0x3fefe7c1819e90d8L, 0x3c5305c14160cc89L, 0x3feff3c22b8f71f1L,
  };

  /**
   * glibc 2.36's {@code exp} on a CPU with FMA: {@code exp(x) = 2^(k/N) · exp(r)}, the first factor
   * from a table, the second a polynomial in {@code r}.
   */
  static double exp(double x) {
    long ix = Double.doubleToRawLongBits(x);
    int abstop = (int) (ix >>> 52) & 0x7ff;
    if (Integer.compareUnsigned(abstop - 0x3c9, 0x408 - 0x3c9) >= 0) { // |x| < 2^-54 or >= 512
      if (abstop - 0x3c9 < 0) {
        return 1.0 + x;
      }
      if (abstop >= 0x409) { // |x| >= 1024
        if (x == Double.NEGATIVE_INFINITY) {
          return 0.0;
        }
        if (abstop >= 0x7ff) {
          return 1.0 + x;
        }
        return ix < 0 ? 0.0 : Double.POSITIVE_INFINITY;
      }
      abstop = 0; // large |x|: see specialCase
    }
    double kd = Math.fma(x, EXP64_INV_LN2_N, EXP64_SHIFT);
    long ki = Double.doubleToRawLongBits(kd);
    kd -= EXP64_SHIFT;
    double r = Math.fma(kd, EXP64_NEG_LN2_LO_N, Math.fma(kd, EXP64_NEG_LN2_HI_N, x));
    int idx = 2 * (int) (ki & (EXP64_N - 1));
    long top = ki << (52 - EXP64_TABLE_BITS);
    double tail = Double.longBitsToDouble(EXP64_TABLE[idx]);
    long sbits = EXP64_TABLE[idx + 1] + top;
    double r2 = r * r;
    double tmp =
        Math.fma(
            r2 * r2,
            Math.fma(r, EXP64_C5, EXP64_C4),
            Math.fma(Math.fma(r, EXP64_C3, EXP64_C2), r2, tail + r));
    if (abstop == 0) {
      return expSpecialCase(tmp, sbits, ki);
    }
    double scale = Double.longBitsToDouble(sbits);
    return Math.fma(scale, tmp, scale);
  }

  /** {@code scale·(1 + tmp)} where the scale's exponent may have overflowed or be subnormal. */
  private static double expSpecialCase(double tmp, long sbits, long ki) {
    if ((ki & 0x80000000L) == 0) { // k > 0: the exponent of scale may have overflowed by <= 460
      double scale = Double.longBitsToDouble(sbits - (1009L << 52));
      return 0x1p1009 * Math.fma(scale, tmp, scale);
    }
    double scale = Double.longBitsToDouble(sbits + (1022L << 52)); // k < 0: mind the subnormals
    double scaled = scale * tmp;
    double y = scale + scaled;
    if (y < 1.0) {
      double hi = 1.0 + y;
      double lo = scale - y + scaled;
      lo = 1.0 - hi + y + lo;
      y = (lo + hi) - 1.0;
      if (y == 0.0) {
        return 0.0;
      }
    }
    return 0x1p-1022 * y;
  }

  // ---- glibc 2.36 log (sysdeps/ieee754/dbl-64/e_log.c, e_log_data.c), __log_fma ----

  private static final long LOG64_OFF = 0x3fe6000000000000L;
  private static final long LOG64_NEAR_ONE_LOW = Double.doubleToRawLongBits(1.0 - 0x1p-4);
  private static final long LOG64_NEAR_ONE_HIGH = Double.doubleToRawLongBits(1.0 + 0x1.09p-4);
  private static final double LOG64_LN2_HI = 0x1.62e42fefa3800p-1;
  private static final double LOG64_LN2_LO = 0x1.ef35793c76730p-45;
  private static final double LOG64_A0 = -0x1.0000000000001p-1;
  private static final double LOG64_A1 = 0x1.555555551305bp-2;
  private static final double LOG64_A2 = -0x1.fffffffeb459p-3;
  private static final double LOG64_A3 = 0x1.999b324f10111p-3;
  private static final double LOG64_A4 = -0x1.55575e506c89fp-3;
  private static final double LOG64_B0 = -0x1p-1;
  private static final double LOG64_B1 = 0x1.5555555555577p-2;
  private static final double LOG64_B2 = -0x1.ffffffffffdcbp-3;
  private static final double LOG64_B3 = 0x1.999999995dd0cp-3;
  private static final double LOG64_B4 = -0x1.55555556745a7p-3;
  private static final double LOG64_B5 = 0x1.24924a344de3p-3;
  private static final double LOG64_B6 = -0x1.fffffa4423d65p-4;
  private static final double LOG64_B7 = 0x1.c7184282ad6cap-4;
  private static final double LOG64_B8 = -0x1.999eb43b068ffp-4;
  private static final double LOG64_B9 = 0x1.78182f7afd085p-4;
  private static final double LOG64_B10 = -0x1.5521375d145cdp-4;

  /** {@code 1/c} and {@code log(c)} for the centre {@code c} of each of 128 subintervals. */
  private static final double[] LOG_INVC_128 = {
    0x1.734f0c3e0de9fp+0, 0x1.713786a2ce91fp+0, 0x1.6f26008fab5a0p+0,
    0x1.6d1a61f138c7dp+0, 0x1.6b1490bc5b4d1p+0, 0x1.69147332f0cbap+0,
    0x1.6719f18224223p+0, 0x1.6524f99a51ed9p+0, 0x1.63356aa8f24c4p+0,
    0x1.614b36b9ddc14p+0, 0x1.5f66452c65c4cp+0, 0x1.5d867b5912c4fp+0,
    0x1.5babccb5b90dep+0, 0x1.59d61f2d91a78p+0, 0x1.5805612465687p+0,
    0x1.56397cee76bd3p+0, 0x1.54725e2a77f93p+0, 0x1.52aff42064583p+0,
    0x1.50f22dbb2bddfp+0, 0x1.4f38f4734ded7p+0, 0x1.4d843cfde2840p+0,
    0x1.4bd3ec078a3c8p+0, 0x1.4a27fc3e0258ap+0, 0x1.4880524d48434p+0,
    0x1.46dce1b192d0bp+0, 0x1.453d9d3391854p+0, 0x1.43a2744b4845ap+0,
    0x1.420b54115f8fbp+0, 0x1.40782da3ef4b1p+0, 0x1.3ee8f5d57fe8fp+0,
    0x1.3d5d9a00b4ce9p+0, 0x1.3bd60c010c12bp+0, 0x1.3a5242b75dab8p+0,
    0x1.38d22cd9fd002p+0, 0x1.3755bc5847a1cp+0, 0x1.35dce49ad36e2p+0,
    0x1.34679984dd440p+0, 0x1.32f5cceffcb24p+0, 0x1.3187775a10d49p+0,
    0x1.301c8373e3990p+0, 0x1.2eb4ebb95f841p+0, 0x1.2d50a0219a9d1p+0,
    0x1.2bef9a8b7fd2ap+0, 0x1.2a91c7a0c1babp+0, 0x1.293726014b530p+0,
    0x1.27dfa5757a1f5p+0, 0x1.268b39b1d3bbfp+0, 0x1.2539d838ff5bdp+0,
    0x1.23eb7aac9083bp+0, 0x1.22a012ba940b6p+0, 0x1.2157996cc4132p+0,
    0x1.201201dd2fc9bp+0, 0x1.1ecf4494d480bp+0, 0x1.1d8f5528f6569p+0,
    0x1.1c52311577e7cp+0, 0x1.1b17c74cb26e9p+0, 0x1.19e010c2c1ab6p+0,
    0x1.18ab07bb670bdp+0, 0x1.1778a25efbcb6p+0, 0x1.1648d354c31dap+0,
    0x1.151b990275fddp+0, 0x1.13f0ea432d24cp+0, 0x1.12c8b7210f9dap+0,
    0x1.11a3028ecb531p+0, 0x1.107fbda8434afp+0, 0x1.0f5ee0f4e6bb3p+0,
    0x1.0e4065d2a9fcep+0, 0x1.0d244632ca521p+0, 0x1.0c0a77ce2981ap+0,
    0x1.0af2f83c636d1p+0, 0x1.09ddb98a01339p+0, 0x1.08cabaf52e7dfp+0,
    0x1.07b9f2f4e28fbp+0, 0x1.06ab58c358f19p+0, 0x1.059eea5ecf92cp+0,
    0x1.04949cdd12c90p+0, 0x1.038c6c6f0ada9p+0, 0x1.02865137932a9p+0,
    0x1.0182427ea7348p+0, 0x1.008040614b195p+0, 0x1.fe01ff726fa1ap-1,
    0x1.fa11cc261ea74p-1, 0x1.f6310b081992ep-1, 0x1.f25f63ceeadcdp-1,
    0x1.ee9c8039113e7p-1, 0x1.eae8078cbb1abp-1, 0x1.e741aa29d0c9bp-1,
    0x1.e3a91830a99b5p-1, 0x1.e01e009609a56p-1, 0x1.dca01e577bb98p-1,
    0x1.d92f20b7c9103p-1, 0x1.d5cac66fb5ccep-1, 0x1.d272caa5ede9dp-1,
    0x1.cf26e3e6b2ccdp-1, 0x1.cbe6da2a77902p-1, 0x1.c8b266d37086dp-1,
    0x1.c5894bd5d5804p-1, 0x1.c26b533bb9f8cp-1, 0x1.bf583eeece73fp-1,
    0x1.bc4fd75db96c1p-1, 0x1.b951e0c864a28p-1, 0x1.b65e2c5ef3e2cp-1,
    0x1.b374867c9888bp-1, 0x1.b094b211d304ap-1, 0x1.adbe885f2ef7ep-1,
    0x1.aaf1d31603da2p-1, 0x1.a82e63fd358a7p-1, 0x1.a5740ef09738bp-1,
    0x1.a2c2a90ab4b27p-1, 0x1.a01a01393f2d1p-1, 0x1.9d79f24db3c1bp-1,
    0x1.9ae2505c7b190p-1, 0x1.9852ef297ce2fp-1, 0x1.95cbaeea44b75p-1,
    0x1.934c69de74838p-1, 0x1.90d4f2f6752e6p-1, 0x1.8e6528effd79dp-1,
    0x1.8bfce9fcc007cp-1, 0x1.899c0dabec30ep-1, 0x1.87427aa2317fbp-1,
    0x1.84f00acb39a08p-1, 0x1.82a49e8653e55p-1, 0x1.8060195f40260p-1,
    0x1.7e22563e0a329p-1, 0x1.7beb377dcb5adp-1, 0x1.79baa679725c2p-1,
    0x1.77907f2170657p-1, 0x1.756cadbd6130cp-1,
  };

  private static final double[] LOG_LOGC_128 = {
    -0x1.7cc7f79e69000p-2, -0x1.76feec20d0000p-2, -0x1.713e31351e000p-2,
    -0x1.6b85b38287800p-2, -0x1.65d5590807800p-2, -0x1.602d076180000p-2,
    -0x1.5a8ca86909000p-2, -0x1.54f4356035000p-2, -0x1.4f637c36b4000p-2,
    -0x1.49da7fda85000p-2, -0x1.445923989a800p-2, -0x1.3edf439b0b800p-2,
    -0x1.396ce448f7000p-2, -0x1.3401e17bda000p-2, -0x1.2e9e2ef468000p-2,
    -0x1.2941b3830e000p-2, -0x1.23ec58cda8800p-2, -0x1.1e9e129279000p-2,
    -0x1.1956d2b48f800p-2, -0x1.141679ab9f800p-2, -0x1.0edd094ef9800p-2,
    -0x1.09aa518db1000p-2, -0x1.047e65263b800p-2, -0x1.feb224586f000p-3,
    -0x1.f474a7517b000p-3, -0x1.ea4443d103000p-3, -0x1.e020d44e9b000p-3,
    -0x1.d60a22977f000p-3, -0x1.cc00104959000p-3, -0x1.c202956891000p-3,
    -0x1.b81178d811000p-3, -0x1.ae2c9ccd3d000p-3, -0x1.a45402e129000p-3,
    -0x1.9a877681df000p-3, -0x1.90c6d69483000p-3, -0x1.87120a645c000p-3,
    -0x1.7d68fb4143000p-3, -0x1.73cb83c627000p-3, -0x1.6a39a9b376000p-3,
    -0x1.60b3154b7a000p-3, -0x1.5737d76243000p-3, -0x1.4dc7b8fc23000p-3,
    -0x1.4462c51d20000p-3, -0x1.3b08abc830000p-3, -0x1.31b996b490000p-3,
    -0x1.2875490a44000p-3, -0x1.1f3b9f879a000p-3, -0x1.160c8252ca000p-3,
    -0x1.0ce7f57f72000p-3, -0x1.03cdc49fea000p-3, -0x1.f57bdbc4b8000p-4,
    -0x1.e370896404000p-4, -0x1.d17983ef94000p-4, -0x1.bf9674ed8a000p-4,
    -0x1.adc79202f6000p-4, -0x1.9c0c3e7288000p-4, -0x1.8a646b372c000p-4,
    -0x1.78d01b3ac0000p-4, -0x1.674f145380000p-4, -0x1.55e0e6d878000p-4,
    -0x1.4485cdea1e000p-4, -0x1.333d94d6aa000p-4, -0x1.22079f8c56000p-4,
    -0x1.10e4698622000p-4, -0x1.ffa6c6ad20000p-5, -0x1.dda8d4a774000p-5,
    -0x1.bbcece4850000p-5, -0x1.9a1894012c000p-5, -0x1.788583302c000p-5,
    -0x1.5715e67d68000p-5, -0x1.35c8a49658000p-5, -0x1.149e364154000p-5,
    -0x1.e72c082eb8000p-6, -0x1.a55f152528000p-6, -0x1.63d62cf818000p-6,
    -0x1.228fb8caa0000p-6, -0x1.c317b20f90000p-7, -0x1.419355daa0000p-7,
    -0x1.81203c2ec0000p-8, -0x1.0040979240000p-9, 0x1.feff384900000p-9,
    0x1.7dc41353d0000p-7, 0x1.3cea3c4c28000p-6, 0x1.b9fc114890000p-6,
    0x1.1b0d8ce110000p-5, 0x1.58a5bd001c000p-5, 0x1.95c8340d88000p-5,
    0x1.d276aef578000p-5, 0x1.07598e598c000p-4, 0x1.253f5e30d2000p-4,
    0x1.42edd8b380000p-4, 0x1.606598757c000p-4, 0x1.7da76356a0000p-4,
    0x1.9ab434e1c6000p-4, 0x1.b78c7bb0d6000p-4, 0x1.d431332e72000p-4,
    0x1.f0a3171de6000p-4, 0x1.067152b914000p-3, 0x1.147858292b000p-3,
    0x1.2266ecdca3000p-3, 0x1.303d7a6c55000p-3, 0x1.3dfc33c331000p-3,
    0x1.4ba366b7a8000p-3, 0x1.5933928d1f000p-3, 0x1.66acd2418f000p-3,
    0x1.740f8ec669000p-3, 0x1.815c0f51af000p-3, 0x1.8e92954f68000p-3,
    0x1.9bb3602f84000p-3, 0x1.a8bed1c2c0000p-3, 0x1.b5b515c01d000p-3,
    0x1.c2967ccbcc000p-3, 0x1.cf635d5486000p-3, 0x1.dc1bd3446c000p-3,
    0x1.e8c01b8cfe000p-3, 0x1.f5509c0179000p-3, 0x1.00e6c121fb800p-2,
    0x1.071b80e93d000p-2, 0x1.0d46b9e867000p-2, 0x1.13687334bd000p-2,
    0x1.1980d67234800p-2, 0x1.1f8ffe0cc8000p-2, 0x1.2595fd7636800p-2,
    0x1.2b9300914a800p-2, 0x1.3187210436000p-2, 0x1.377266dec1800p-2,
    0x1.3d54ffbaf3000p-2, 0x1.432eee32fe000p-2,
  };

  /**
   * glibc 2.36's {@code log} on a CPU with FMA: near 1 a polynomial in {@code x - 1}; elsewhere
   * {@code x = 2^k · z}, {@code log(x) = log1p(z/c - 1) + log(c) + k·ln 2} with {@code c} from a
   * table. GCC fused the multiply-adds of both branches.
   */
  static double log(double x) {
    long ix = Double.doubleToRawLongBits(x);
    int top = (int) (ix >>> 48);
    if (Long.compareUnsigned(ix - LOG64_NEAR_ONE_LOW, LOG64_NEAR_ONE_HIGH - LOG64_NEAR_ONE_LOW)
        < 0) {
      if (x == 1.0) {
        return 0;
      }
      double r = x - 1.0;
      double r2 = r * r;
      double r3 = r * r2;
      double p3 = Math.fma(r3, LOG64_B10, Math.fma(r2, LOG64_B9, Math.fma(r, LOG64_B8, LOG64_B7)));
      double p2 = Math.fma(p3, r3, Math.fma(r2, LOG64_B6, Math.fma(r, LOG64_B5, LOG64_B4)));
      double p1 = Math.fma(p2, r3, Math.fma(r2, LOG64_B3, Math.fma(r, LOG64_B2, LOG64_B1)));
      // r = rhi + rlo with rhi of 26 bits, so that rhi² is exact
      double rhi = Math.fma(-0x1p27, r, Math.fma(r, 0x1p27, r));
      double rlo = r - rhi;
      double rhi2 = rhi * rhi;
      double hi = Math.fma(rhi2, LOG64_B0, r);
      double lo = Math.fma(rhi2, LOG64_B0, r - hi);
      lo = Math.fma(r + rhi, rlo * LOG64_B0, lo);
      return Math.fma(r3, p1, lo) + hi;
    }
    if (Integer.compareUnsigned(top - 0x0010, 0x7ff0 - 0x0010) >= 0) {
      // x < 2^-1022, or infinite, or NaN
      if (ix * 2 == 0) {
        return Double.NEGATIVE_INFINITY;
      }
      if (x == Double.POSITIVE_INFINITY) {
        return x;
      }
      if ((top & 0x8000) != 0 || (top & 0x7ff0) == 0x7ff0) {
        return Double.NaN;
      }
      ix = Double.doubleToRawLongBits(x * 0x1p52) - (52L << 52); // subnormal: normalise
    }
    long tmp = ix - LOG64_OFF;
    int i = (int) ((tmp >>> (52 - 7)) & 127);
    int k = (int) (tmp >> 52);
    long iz = ix - (tmp & (0xfffL << 52));
    double z = Double.longBitsToDouble(iz);
    double r = Math.fma(z, LOG_INVC_128[i], -1.0);
    double kd = k;
    double w = Math.fma(kd, LOG64_LN2_HI, LOG_LOGC_128[i]);
    double hi = w + r;
    double lo = Math.fma(kd, LOG64_LN2_LO, w - hi + r);
    double r2 = r * r;
    double p = Math.fma(Math.fma(r, LOG64_A4, LOG64_A3), r2, Math.fma(r, LOG64_A2, LOG64_A1));
    return Math.fma(p, r * r2, Math.fma(r2, LOG64_A0, lo)) + hi;
  }
}
