package dev.kinit.samples.sharding;

import dev.kinit.FloatTensor;
import dev.kinit.InitPlan;
import dev.kinit.Sampling;
import dev.kinit.block.BlockSampler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Initialising a network that no one machine holds, slice by slice: the network's plan is described
 * once (per parameter, its name, shape, fill number and {@link Sampling}: a few numbers), and each
 * worker fills the slices it holds from that description and the seed alone, with a {@link
 * BlockSampler}. The union of the slices is what running the whole plan on {@code
 * BlockSampler.seeded(seed)} on one machine gives, bit for bit, whatever the number of workers or
 * the way the parameters are cut.
 */
public final class ShardedInit {

  private ShardedInit() {}

  /**
   * What a worker needs to know of one parameter: the fill that decides its values.
   *
   * @param name its path, {@code transformer.h.0.attn.c_attn.weight}
   * @param shape its shape (row-major positions run over the product)
   * @param fill the fill number of the deciding step on a sampler that runs the whole plan from its
   *     first fill, or -1 if that step draws nothing
   * @param sampling what that step writes, computed from the whole shape
   */
  public record ParameterFill(String name, int[] shape, long fill, Sampling sampling) {

    /** The number of elements. */
    public long size() {
      return Arrays.stream(shape).asLongStream().reduce(1, Math::multiplyExact);
    }
  }

  /**
   * The positions {@code [from, from + length)} of parameter number {@code parameter} of a
   * description.
   */
  public record Slice(int parameter, long from, int length) {}

  /**
   * The description of {@code plan}'s parameters, in {@code named_parameters()} order, a tied one
   * once. It needs the shapes, not the values: a plan of a network whose arrays were never filled
   * gives the same description.
   */
  public static List<ParameterFill> describe(InitPlan plan) {
    List<ParameterFill> parameters = new ArrayList<>();
    for (InitPlan.Parameter parameter : plan.parameters()) {
      // The last step that writes decides; one that writes nothing (a tensor without elements, a
      // bias whose weight has fan_in 0) leaves what the steps before it wrote.
      InitPlan.Step deciding = null;
      Sampling sampling = new Sampling.Unchanged();
      for (InitPlan.Step step : parameter.steps()) {
        Sampling candidate = step.sampling();
        if (!(candidate instanceof Sampling.Unchanged)) {
          deciding = step;
          sampling = candidate;
        }
      }
      parameters.add(
          new ParameterFill(
              parameter.name(),
              parameter.tensor().shape(),
              deciding == null ? -1 : deciding.fill(),
              sampling));
    }
    return List.copyOf(parameters);
  }

  /**
   * A worker's slice of {@code parameter}: the {@code length} values from row-major position {@code
   * from}, from the description and the seed alone.
   *
   * @throws IllegalArgumentException if the parameter cannot be filled by slices ({@link
   *     Sampling.Unshardable}) or the slice is not within it
   */
  public static float[] fill(long seed, ParameterFill parameter, long from, int length) {
    if (from < 0 || length < 0 || from + length > parameter.size()) {
      throw new IllegalArgumentException(
          parameter.name()
              + ": slice ["
              + from
              + ", "
              + (from + length)
              + ") is not within its "
              + parameter.size()
              + " elements");
    }
    float[] values = new float[length];
    BlockSampler.sequential(seed)
        .fill(
            parameter.fill(), from, FloatTensor.of(parameter.name(), values), parameter.sampling());
    return values;
  }

  /**
   * The slices of {@code workers} workers that hold the parameters laid end to end, cut into {@code
   * workers} ranges as equal as they can be: a worker may hold whole parameters and parts of the
   * two at its ends.
   */
  public static List<List<Slice>> contiguous(List<ParameterFill> parameters, int workers) {
    long total = parameters.stream().mapToLong(ParameterFill::size).sum();
    List<List<Slice>> slices = new ArrayList<>();
    long start = 0;
    for (int w = 0; w < workers; w++) {
      long end = total * (w + 1) / workers;
      List<Slice> mine = new ArrayList<>();
      long offset = 0; // of the current parameter in the whole
      for (int p = 0; p < parameters.size(); p++) {
        long size = parameters.get(p).size();
        long from = Math.max(start, offset);
        long to = Math.min(end, offset + size);
        if (from < to) {
          mine.add(new Slice(p, from - offset, Math.toIntExact(to - from)));
        }
        offset += size;
      }
      slices.add(List.copyOf(mine));
      start = end;
    }
    return List.copyOf(slices);
  }
}
