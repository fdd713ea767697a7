package dev.kinit.processor.rules;

import com.palantir.javapoet.ClassName;
import dev.kinit.Nonlinearity;
import dev.kinit.internal.Gains;
import dev.kinit.internal.Rules;
import dev.kinit.processor.model.Access;
import dev.kinit.processor.model.InitSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the gain of {@code @KaimingInit} and {@code @XavierInit} comes from, one source at most: a
 * nonlinearity and its negative slope {@code a}, both constants; a {@code Nonlinearity} member read
 * per instance ({@code nonlinearityField}, with {@code slopeField} or {@code a}); or, for Xavier, a
 * number ({@code gain}).
 */
final class GainRules {

  private static final ClassName NONLINEARITY = ClassName.get(Nonlinearity.class);

  private final FieldDeclaration field;
  private final AnnotationUse annotation;
  private final FieldReport report;
  private final NamedMembers members;

  GainRules(
      FieldDeclaration field, AnnotationUse annotation, FieldReport report, NamedMembers members) {
    this.field = field;
    this.annotation = annotation;
    this.report = report;
    this.members = members;
  }

  /**
   * The gain the annotation gives; {@code explicitGain} whether it has a {@code gain} attribute
   * (Xavier).
   */
  InitSpec.Gain gain(boolean explicitGain) {
    String label = field.label();
    List<String> sources = new ArrayList<>();
    if (explicitGain && annotation.isWritten("gain")) {
      sources.add("gain");
    }
    if (annotation.isWritten("nonlinearity")) {
      sources.add("nonlinearity");
    }
    boolean perInstance = !annotation.stringValue("nonlinearityField").isEmpty();
    if (perInstance) {
      sources.add("nonlinearityField");
    }
    if (sources.size() > 1) {
      report.error(
          Message.GAIN_TWICE,
          sources.get(1),
          annotation.annotation().written(),
          label,
          sources.get(0),
          sources.get(1));
    }
    boolean slopeField = !annotation.stringValue("slopeField").isEmpty();
    if (slopeField && annotation.isWritten("a")) {
      report.error(
          Message.SLOPE_TWICE,
          "slopeField",
          annotation.annotation().written(),
          label,
          annotation.doubleValue("a"),
          annotation.stringValue("slopeField"));
    }
    double a = annotation.doubleValue("a");
    String slopeProblem = Rules.slopeProblem(a, label);
    if (slopeProblem != null) {
      report.error(
          Double.isFinite(a) ? Message.A_TOO_LARGE : Message.A_NOT_FINITE, "a", slopeProblem);
      return new InitSpec.Gain.Constant(Double.NaN, "", "");
    }
    if (explicitGain && annotation.isWritten("gain")) {
      double gain = annotation.doubleValue("gain");
      if (!(gain > 0 && gain < Double.POSITIVE_INFINITY)) {
        report.error(Message.GAIN_NOT_POSITIVE, "gain", "gain = " + gain + " for " + label);
      }
      return new InitSpec.Gain.Constant(gain, String.valueOf(gain), "gain");
    }
    Access slope = slopeField ? members.member("slopeField", FieldType::isDouble, "double") : null;
    if (perInstance) {
      Access nonlinearity =
          members.member(
              "nonlinearityField",
              type -> type.rank() == 0 && type.text().equals(NONLINEARITY.canonicalName()),
              NONLINEARITY.canonicalName());
      return new InitSpec.Gain.PerInstance(
          nonlinearity,
          field.declaringClass() + "." + annotation.stringValue("nonlinearityField"),
          slope,
          a);
    }
    Nonlinearity nonlinearity = Nonlinearity.valueOf(annotation.enumValue("nonlinearity"));
    if ((a != 0 || slopeField) && !Gains.usesNegativeSlope(nonlinearity)) {
      report.warning(Message.A_IGNORED, slopeField ? "slopeField" : "a", a, label, nonlinearity);
    }
    if (nonlinearity == Nonlinearity.SELU) {
      report.warning(Message.SELU_GAIN, "nonlinearity", label);
    }
    if (slope != null) {
      return new InitSpec.Gain.PerInstance(
          new Access.Constant(NONLINEARITY, nonlinearity.name()),
          nonlinearity.torchName()
              + " with a = "
              + field.declaringClass()
              + "."
              + annotation.stringValue("slopeField"),
          slope,
          a);
    }
    return new InitSpec.Gain.Constant(
        nonlinearity.gain(a), Gains.formula(nonlinearity, a), nonlinearity.torchName());
  }
}
