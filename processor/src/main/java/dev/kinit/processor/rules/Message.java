package dev.kinit.processor.rules;

import dev.kinit.internal.Rules;
import java.util.Locale;

/**
 * Every diagnostic the processor can emit, in one place, whichever front end reports it. Each says
 * what was found and what is expected, and starts with a tag such as {@code [kinit.static-field]}
 * that users can search for (see {@code docs/diagnostics.md}).
 */
public enum Message {
  UNSUPPORTED_TYPE(
      Severity.ERROR,
      "field %s has type %s; expected float[] or double[] with 1 to %d dimensions (float[][] for a"
          + " Linear weight [out][in], float[][][][] for Conv2d [out][in][kh][kw])"),
  UNRESOLVED_TYPE(
      Severity.ERROR,
      "type %s, needed by %s, could not be resolved, so no initializer was generated; expected a"
          + " type that exists once every annotation processor has run"),
  STATIC_FIELD(
      Severity.ERROR,
      "field %s is static; expected an instance field, since every layer has its own weights"),
  PRIVATE_WITHOUT_GETTER(
      Severity.ERROR,
      "field %s is private and %s has no getter %s() or %s() returning %s; expected a field the"
          + " generated %s can read: make the field package-private or public, or add the getter"
          + " (in Kotlin: a plain val/var property has one; or use @JvmField val or lateinit var)"),
  INACCESSIBLE_FIELD(
      Severity.ERROR,
      "field %s is not accessible from package %s, where the generated %s is, and has no public"
          + " getter; expected a public field, or a public getter %s()"),
  UNREACHABLE_CLASS(
      Severity.ERROR,
      "field %s is in %s, which generated code cannot reach; expected the field in a top-level"
          + " class or a non-private nested class"),
  FLAT_WITHOUT_SHAPE(
      Severity.ERROR,
      "flat array %s needs its shape; expected shape = {out, in, ...} (constants) or"
          + " shapeFields = {\"out\", \"in\", ...} (names of int fields)"),
  SHAPE_ON_NESTED(
      Severity.ERROR,
      "%s is a nested array, whose shape is read from the arrays, but has %s; expected no shape"
          + " or shapeFields, which are only for flat float[] or double[] fields"),
  SHAPE_TWICE(Severity.ERROR, "%s has both shape and shapeFields; expected one of them"),
  SHAPE_TOO_SHORT(
      Severity.ERROR,
      "shape of %s has %d dimension(s) %s; expected at least %d, since fan_in = shape[1] *"
          + " receptive field and fan_out = shape[0] * receptive field"),
  NEGATIVE_SIZE(Severity.ERROR, "shape of %s has size %d at dimension %d; expected sizes >= 0"),
  SHAPE_TOO_LARGE(
      Severity.ERROR,
      "shape of %s %s has %s elements, more than a Java array can hold; expected a product of"
          + " the sizes of at most 2147483647"),
  SHAPE_FIELD_MISSING(
      Severity.ERROR,
      "shapeFields of %s names \"%s\", but %s has no field of that name; expected the name of"
          + " an int field of %s"),
  SHAPE_FIELD_NOT_INT(
      Severity.ERROR, "shapeFields of %s names \"%s\", a field of type %s; expected an int field"),
  SHAPE_FIELD_UNREADABLE(
      Severity.ERROR,
      "shapeFields of %s names \"%s\", which the generated %s cannot read; expected a"
          + " non-private int field or one with a getter"),
  TWO_RULES(
      Severity.ERROR,
      "field %s has both %s and %s; expected one of them: a field is initialised one way"),
  BIAS_NOT_A_VECTOR(
      Severity.ERROR,
      "bias %s has type %s; expected float[] or double[]: a bias is 1-D, with biasOf naming its"
          + " weight"),
  BIAS_WITH_SHAPE(
      Severity.ERROR,
      "bias %s has %s; expected neither shape nor shapeFields: a bias is 1-D, its length is its"
          + " shape"),
  BIAS_OF_NOT_A_WEIGHT(
      Severity.ERROR,
      "biasOf of %s names \"%s\", which is not a weight of %s; expected the name of a field with"
          + " @TorchDefaultInit (without biasOf) or @KaimingInit, whose fan_in bounds the bias"),
  /**
   * The runtime's slope rule ({@code dev.kinit.internal.Rules.slopeProblem}): a NaN or infinite a.
   */
  A_NOT_FINITE(Severity.ERROR, "%s"),
  /** The runtime's slope rule: an a whose square overflows. */
  A_TOO_LARGE(Severity.ERROR, "%s"),
  /** The runtime's scale rule ({@code Rules.stdProblem}, {@code boundProblem}) at compile time. */
  SCALE_NOT_NORMAL(Severity.ERROR, "%s, from %s at %s"),
  GAIN_TWICE(
      Severity.ERROR,
      "%s on %s gives the gain twice, by %s and by %s; expected one of gain, nonlinearity (with"
          + " a) and nonlinearityField (with slopeField or a)"),
  SLOPE_TWICE(
      Severity.ERROR,
      "%s on %s gives the negative slope twice, a = %s and slopeField = \"%s\"; expected one"
          + " of them"),
  /** A gain given as a number must be finite and positive. */
  GAIN_NOT_POSITIVE(Severity.ERROR, "%s is not a valid gain; expected a finite positive number"),
  NAMED_FIELD_MISSING(
      Severity.ERROR,
      "%s of %s names \"%s\", but %s has no field of that name; expected the name of a %s field"
          + " (in Kotlin: a property) of it"),
  NAMED_FIELD_WRONG_TYPE(
      Severity.ERROR, "%s of %s names \"%s\", a field of type %s; expected a %s field"),
  NAMED_FIELD_UNREADABLE(
      Severity.ERROR,
      "%s of %s names \"%s\", which the generated %s cannot read; expected a non-private field"
          + " or one with a getter"),
  RANK_NOT_SUPPORTED(
      Severity.ERROR,
      "%s cannot initialise %s, which has %d dimension(s): %s (PyTorch's %s); expected %s"),
  /** The runtime's rules for the values of an attribute: a std, a range, a constant, a scale. */
  VALUE_OUT_OF_RANGE(Severity.ERROR, "%s"),
  DIRAC_GROUPS(Severity.ERROR, "%s"),
  CHILD_UNREADABLE(
      Severity.ERROR,
      "child %s cannot be read by the generated %s: %s; expected a field the initializer can read"
          + " (not private), or a getter"),
  CHILD_NOT_SEALED(
      Severity.ERROR,
      "%s holds %s, an interface or abstract class that is not sealed, so which initializer an"
          + " instance needs cannot be known at compile time; expected %s sealed (its permitted"
          + " subclasses are then told apart when the initializer runs), or a concrete module"
          + " class"),
  UNSUPPORTED_CONTAINER(
      Severity.ERROR,
      "%s holds %s in a container kinit cannot plan (a Set or other Collection, an Optional, a"
          + " Map with keys other than String, or a List, array or Map of containers), so its"
          + " modules would be left out; expected a module, or a List, array or Map<String, …> of"
          + " modules: put what the inner container holds in a module class of its own, whose"
          + " List, array or Map named \"\" (@Name(\"\")) then holds its children by index or key"),
  INITIALIZER_MISSING(
      Severity.ERROR,
      "%s holds %s, which has kinit annotations but no %s on the class path: its library was"
          + " compiled without kinit's processor; expected the library built with kinit-processor"
          + " on its processor path"),
  CONSTRUCTED_BEFORE_UNKNOWN(
      Severity.ERROR,
      "@ConstructedBefore(\"%s\") on %s names no member of %s declared before it; expected the"
          + " name of a parameter or child module declared earlier in the same class"),
  CONSTRUCTED_BEFORE_NOT_A_MEMBER(
      Severity.ERROR,
      "@ConstructedBefore on %s, which is neither a parameter nor a child module of %s; expected"
          + " it on an array with an initialisation annotation, or on a field of a @Network that"
          + " holds a child module"),
  NAME_INVALID(
      Severity.ERROR,
      "@Name(\"%s\") on %s is no name a parameter path can hold; expected a name that is "
          + Rules.MEMBER_NAME
          + "; only a List, array or Map of modules may be named \"\", its elements then being"
          + " the module's own children"),
  NAME_TAKEN(
      Severity.ERROR,
      "%s is named \"%s\", as %s is; expected a name no other member of %s has (its"
          + " superclasses' members included), since a module has one member per name"),
  NAME_NOT_A_MEMBER(
      Severity.ERROR,
      "@Name on %s, which is neither a parameter nor a child module of %s; expected it on an array"
          + " with an initialisation annotation, or on a field of a @Network that holds a child"
          + " module"),
  CONSTRUCTED_BEFORE_ELEMENTS(
      Severity.ERROR,
      "@ConstructedBefore on %s, whose elements are children of %s named by their index"
          + " (@Name(\"\")); expected it on a member with a name of its own"),
  REINIT_WITHOUT_NETWORK(
      Severity.ERROR,
      "%s has @Reinit rules but is not a @Network; expected @Network on the class, whose tree"
          + " the rules re-initialise"),
  REINIT_INIT_COUNT(
      Severity.ERROR,
      "%s gives %d initialisations; expected exactly one, such as kaiming = @KaimingInit(...)"),
  REINIT_ATTRIBUTE(Severity.ERROR, "%s: %s is not allowed in a rule, %s; expected it left out"),
  REINIT_ORDER_CONFLICT(
      Severity.ERROR,
      "%s visits modules in %s order, but another rule of pass %d in %s, %s; expected one order"
          + " per pass"),
  REINIT_MATCHES_NOTHING(
      Severity.ERROR,
      "%s matches no parameter of %s: no module of its tree that is a %s has a parameter %s;"
          + " expected a module type and a parameter path of the tree"),
  INITIALIZER_EXISTS(
      Severity.ERROR,
      "the initializer %s of %s cannot be written: another class has that name; expected no"
          + " other class named %s in package %s: rename it or the layer"),
  ENUM_CONSTANT(
      Severity.ERROR,
      "%s is on enum constant %s, which is one shared object, not an array; expected it on an"
          + " instance field of type float[] or double[]"),
  NOT_A_FIELD(
      Severity.ERROR,
      "%s is on %s, which is not a field; expected it on the float[] or double[] field to fill"
          + " (in Kotlin: on the property, without @get: or @param:)"),
  GETTER_OVERRIDDEN(
      Severity.ERROR,
      "field %s is %s and the generated %s would read it through %s(), which %s overrides,"
          + " so it would fill whatever the override returns; expected the field readable from"
          + " package %s (not private), or a getter that no subclass overrides"),
  GETTER_INACCESSIBLE(
      Severity.ERROR,
      "field %s is private and its getter %s() is %s in %s, which the generated %s in package %s"
          + " cannot call; expected a public getter, or the field readable from package %s"),
  GETTER_UNCALLABLE(
      Severity.ERROR,
      "field %s is private and its getter %s cannot be called from Java (Kotlin mangles the names"
          + " of getters whose type is a value class); expected a property whose type is not a"
          + " value class, such as its underlying type (Kotlin allows no @JvmField on a"
          + " value-class property)"),
  FIELD_UNNAMEABLE(
      Severity.ERROR,
      "%s cannot be named by the generated %s in package %s: %s; expected a field that the layer"
          + " class, or a superclass the initializer can name, reaches unambiguously, or a"
          + " getter"),
  INTERNAL_ERROR(
      Severity.ERROR, "internal error while processing %s: %s; please report it with this message"),

  A_IGNORED(
      Severity.WARNING,
      "a = %s for %s is ignored: nonlinearity %s does not use a negative slope (PyTorch ignores"
          + " it too); expected a = 0, or nonlinearity = LEAKY_RELU"),
  SELU_GAIN(
      Severity.WARNING,
      "nonlinearity SELU for %s gives gain 3/4, which PyTorch documents as trading"
          + " self-normalisation for gradient flow; for a self-normalising (SELU) network PyTorch"
          + " recommends nonlinearity = LINEAR, i.e. variance 1/fan"),
  BIAS_BEFORE_WEIGHT(
      Severity.WARNING,
      "bias %s is declared before its weight %s, so it is drawn first, unlike in PyTorch; expected"
          + " %s declared before %s to reproduce PyTorch's values"),
  ZERO_SIZE(
      Severity.WARNING,
      "shape of %s %s has a size 0: the array has no elements, so initialising it is a no-op");

  /** Whether a message stops the build. */
  public enum Severity {
    ERROR,
    WARNING
  }

  private final Severity severity;
  private final String format;

  Message(Severity severity, String format) {
    this.severity = severity;
    this.format = format;
  }

  public Severity severity() {
    return severity;
  }

  /** The tag users search for: {@code [kinit.static-field]}. */
  public String tag() {
    return "[kinit." + name().toLowerCase(Locale.ROOT).replace('_', '-') + "]";
  }

  /** The tag and the text, with {@code args} in its placeholders. */
  public String format(Object... args) {
    return tag() + " " + String.format(Locale.ROOT, format, args);
  }
}
