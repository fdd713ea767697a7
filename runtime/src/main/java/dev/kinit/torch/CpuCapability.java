package dev.kinit.torch;

/**
 * Which build of PyTorch's CPU kernels a {@link TorchGenerator} reproduces. PyTorch compiles its
 * random-number kernels ({@code aten/src/ATen/native/cpu/DistributionTemplates.h}) once per CPU
 * capability and picks one at start-up; the builds draw the same bits but round differently:
 *
 * <table>
 *   <caption>What differs between the builds</caption>
 *   <tr><th></th><th>{@link #AVX2}</th><th>{@link #DEFAULT}</th></tr>
 *   <tr><td>{@code uniform_}: {@code x · (to - from) + from}</td><td>one fused multiply-add</td>
 *       <td>product rounded, then the sum</td></tr>
 *   <tr><td>float {@code normal_}, 16 elements or more</td>
 *       <td>polynomial log, sin, cos in float ({@code avx_mathfun.h}), fused multiply-adds</td>
 *       <td>the C library's {@code logf}, {@code sinf}, {@code cosf}</td></tr>
 *   <tr><td>{@code normal_} below 16 elements, double {@code normal_}</td>
 *       <td colspan="2">the C library's double log, sin, cos; {@code z · std + mean} fused in
 *       {@code AVX2} only</td></tr>
 * </table>
 *
 * <p>PyTorch 1.13 on an x86-64 CPU with AVX2 uses {@link #AVX2} (what {@code
 * torch.__config__.show()} reports as "CPU capability usage: AVX2"), also on AVX-512 CPUs unless
 * {@code ATEN_CPU_CAPABILITY=avx512} is set; without AVX2, or with {@code
 * ATEN_CPU_CAPABILITY=default}, it uses {@link #DEFAULT}. Other platforms (ARM, the AVX-512 build)
 * round in yet other ways and are not reproduced.
 */
public enum CpuCapability {
  /** The AVX2 kernels, PyTorch's choice on x86-64 CPUs with AVX2. */
  AVX2("avx2", new Avx2Kernels()),
  /** The default (scalar, no-FMA) kernels of x86-64 builds. */
  DEFAULT("default", new DefaultKernels());

  private final String torchName;
  private final Kernels kernels;

  CpuCapability(String torchName, Kernels kernels) {
    this.torchName = torchName;
    this.kernels = kernels;
  }

  /**
   * {@return the value of {@code ATEN_CPU_CAPABILITY} that selects this build: {@code "avx2"},
   * {@code "default"}}
   */
  public String torchName() {
    return torchName;
  }

  Kernels kernels() {
    return kernels;
  }
}
