package dev.kinit.torch;

import com.google.gson.JsonObject;
import dev.kinit.FanMode;
import dev.kinit.Kaiming;
import dev.kinit.Nonlinearity;
import dev.kinit.Tensor;

/** Runs one op of the reference streams through kinit's public API. */
final class ReferenceOps {
  private ReferenceOps() {}

  static void run(TorchGenerator random, String op, Tensor tensor, JsonObject args) {
    switch (op) {
      case "uniform" ->
          random.uniform(tensor, args.get("from").getAsDouble(), args.get("to").getAsDouble());
      case "normal" ->
          random.normal(tensor, args.get("mean").getAsDouble(), args.get("std").getAsDouble());
      case "kaiming_uniform" -> Kaiming.uniform(tensor, mode(args), gain(args), random);
      case "kaiming_normal" -> Kaiming.normal(tensor, mode(args), gain(args), random);
      default -> throw new IllegalArgumentException("unknown op " + op);
    }
  }

  static FanMode mode(JsonObject args) {
    return FanMode.fromTorchName(args.get("mode").getAsString());
  }

  static double gain(JsonObject args) {
    return Nonlinearity.fromTorchName(args.get("nonlinearity").getAsString())
        .gain(args.get("a").getAsDouble());
  }
}
