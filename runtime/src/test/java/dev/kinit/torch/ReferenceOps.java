package dev.kinit.torch;

import com.google.gson.JsonObject;
import dev.kinit.Constant;
import dev.kinit.FanMode;
import dev.kinit.Identity;
import dev.kinit.Kaiming;
import dev.kinit.Nonlinearity;
import dev.kinit.Normal;
import dev.kinit.Orthogonal;
import dev.kinit.Tensor;
import dev.kinit.Uniform;
import dev.kinit.Xavier;

/**
 * Runs one op of the reference files (PyTorch's name, its arguments) through kinit's public API.
 */
final class ReferenceOps {
  private ReferenceOps() {}

  static void run(TorchGenerator random, String op, Tensor tensor, JsonObject args) {
    switch (op) {
      case "uniform" -> Uniform.fill(tensor, number(args, "from"), number(args, "to"), random);
      case "normal" -> Normal.fill(tensor, number(args, "mean"), number(args, "std"), random);
      case "kaiming_uniform" -> Kaiming.uniform(tensor, mode(args), gain(args), random);
      case "kaiming_normal" -> Kaiming.normal(tensor, mode(args), gain(args), random);
      case "xavier_uniform" -> Xavier.uniform(tensor, number(args, "gain"), random);
      case "xavier_normal" -> Xavier.normal(tensor, number(args, "gain"), random);
      case "trunc_normal" ->
          Normal.truncated(
              tensor,
              number(args, "mean"),
              number(args, "std"),
              number(args, "a"),
              number(args, "b"),
              random);
      case "constant" -> Constant.fill(tensor, number(args, "value"));
      case "zeros" -> Constant.zeros(tensor);
      case "ones" -> Constant.ones(tensor);
      case "eye" -> Identity.eye(tensor);
      case "dirac" -> Identity.dirac(tensor, args.get("groups").getAsInt());
      case "orthogonal" -> Orthogonal.fill(tensor, number(args, "gain"), random);
      default -> throw new IllegalArgumentException("unknown op " + op);
    }
  }

  static double number(JsonObject args, String name) {
    return args.get(name).getAsDouble();
  }

  static FanMode mode(JsonObject args) {
    return FanMode.fromTorchName(args.get("mode").getAsString());
  }

  static double gain(JsonObject args) {
    return Nonlinearity.fromTorchName(args.get("nonlinearity").getAsString())
        .gain(args.get("a").getAsDouble());
  }
}
