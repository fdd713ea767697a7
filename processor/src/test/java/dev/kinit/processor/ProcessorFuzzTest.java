package dev.kinit.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tschuchort.compiletesting.JvmCompilationResult;
import com.tschuchort.compiletesting.KotlinCompilation;
import com.tschuchort.compiletesting.SourceFile;
import dev.kinit.Distribution;
import dev.kinit.DoubleTensor;
import dev.kinit.FanMode;
import dev.kinit.FloatTensor;
import dev.kinit.Kaiming;
import dev.kinit.LayerDefaults;
import dev.kinit.Nonlinearity;
import dev.kinit.Tensor;
import dev.kinit.processor.LayerCase.Deprecatable;
import dev.kinit.processor.LayerCase.ElementKind;
import dev.kinit.processor.LayerCase.Flag;
import dev.kinit.processor.LayerCase.Getter;
import dev.kinit.processor.LayerCase.Misplaced;
import dev.kinit.processor.LayerCase.Placement;
import dev.kinit.processor.LayerCase.Rule;
import dev.kinit.processor.LayerCase.SizeKind;
import dev.kinit.processor.LayerCase.Superclass;
import dev.kinit.processor.LayerCase.Target;
import dev.kinit.processor.LayerCase.Visibility;
import dev.kinit.processor.Specification.Expectation;
import dev.kinit.processor.Specification.Fill;
import dev.kinit.processor.Specification.Finding;
import dev.kinit.processor.Specification.Outcome;
import dev.kinit.processor.rules.Message;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.jetbrains.kotlin.kapt.base.KaptFlag;
import org.junit.jupiter.api.Test;

/**
 * Compiles thousands of random layer classes with the processor, Java ones ({@link
 * LayerCaseGenerator}) through javac and Kotlin ones ({@link KotlinLayerCaseGenerator}) through
 * kapt, and checks each against what the rules say it must give ({@link Specification}, {@link
 * KotlinSpecification}):
 *
 * <ul>
 *   <li>the processor never throws (no javac crash, no {@code [kinit.internal-error]});
 *   <li>an invalid case gets at least one error, each one of its problems at the line of the field,
 *       attribute or class at fault, and among them each problem it must report;
 *   <li>each class gets its initializer exactly when it is valid, whatever the errors of another;
 *   <li>a valid case compiles under {@code -Xlint:all} with exactly the processor's expected
 *       warnings, and its initializer fills every element of the weight (and of the inherited
 *       ones), and of the bias unless its weight's fan_in is 0, with the values the runtime gives
 *       when called directly in the documented order; or, where the rules say it throws (a flat
 *       array's length does not match its shape, a getter returns a copy or is overridden in the
 *       layer's class), throws what they say and writes nothing;
 *   <li>every generated file compiles without a diagnostic, valid case or not.
 * </ul>
 *
 * <p>A full run (at least 1000 Java and 100 Kotlin cases) must also reach every kind of input and
 * outcome it is meant to ({@link #unreached()}), every message among them.
 *
 * <p>Reproducible: {@code -Dkinit.fuzz.seed=<long>}, {@code -Dkinit.fuzz.cases=<n>} and {@code
 * -Dkinit.fuzz.kotlinCases=<n>} change the run, {@code -Dkinit.fuzz.case=<id>} (or {@code
 * kotlinCase}) compiles one case alone, {@code -Dkinit.fuzz.batch=<n>} sets how many Java cases
 * share a javac run (1: each alone), {@code -Dkinit.fuzz.shown=<n>} how many failures are shown in
 * full. A failure prints the case's source and its generated code.
 */
class ProcessorFuzzTest {

  private static final long SEED = Long.getLong("kinit.fuzz.seed", 20260101L);
  private static final int CASES = Integer.getInteger("kinit.fuzz.cases", 1900);

  /**
   * Kotlin cases cost ten times as much (kapt), and cycle through their forms by id: 100 reach
   * every form, and keep the test near a minute and a half on an idle 2-core machine.
   */
  private static final int KOTLIN_CASES = Integer.getInteger("kinit.fuzz.kotlinCases", 100);

  private static final Integer ONLY = Integer.getInteger("kinit.fuzz.case");
  private static final Integer ONLY_KOTLIN = Integer.getInteger("kinit.fuzz.kotlinCase");
  private static final boolean ALONE = ONLY != null || ONLY_KOTLIN != null;
  private static final int BATCH = ALONE ? 1 : Integer.getInteger("kinit.fuzz.batch", 150);
  private static final int FAILURES_SHOWN = Integer.getInteger("kinit.fuzz.shown", 5);

  /** The errors kapt's javac reports before it stops: its default {@code -Xmaxerrs}, 100. */
  private static final int KAPT_ERRORS = 95;

  /**
   * Messages the generated layers cannot trigger: a processor bug, and the messages of networks and
   * members' names, which {@link NetworkFuzzTest} reaches.
   */
  private static final Set<Message> NOT_GENERATED =
      Set.of(
          Message.INTERNAL_ERROR,
          Message.CHILD_UNREADABLE,
          Message.CHILD_NOT_SEALED,
          Message.UNSUPPORTED_CONTAINER,
          Message.INITIALIZER_MISSING,
          Message.CONSTRUCTED_BEFORE_UNKNOWN,
          Message.CONSTRUCTED_BEFORE_NOT_A_MEMBER,
          Message.CONSTRUCTED_BEFORE_ELEMENTS,
          Message.NAME_INVALID,
          Message.NAME_TAKEN,
          Message.NAME_NOT_A_MEMBER,
          Message.REINIT_WITHOUT_NETWORK,
          Message.REINIT_INIT_COUNT,
          Message.REINIT_ATTRIBUTE,
          Message.REINIT_ORDER_CONFLICT,
          Message.REINIT_MATCHES_NOTHING);

  private static final Pattern CASE_PATH = Pattern.compile("(?:^|/)fuzz/c(\\d+)/");
  private static final Pattern KOTLIN_FILE =
      Pattern.compile("^(?:K(\\d{4})(?:Base)?\\.kt|Base(\\d{4})\\.java)$");
  private static final Pattern TAG = Pattern.compile("^\\[kinit\\.[a-z-]+\\]");

  /**
   * A diagnostic of kapt, {@code e: /path/K0001.kt:12: error: text}, or of kotlinc, {@code e:
   * file:///path/K0001.kt:12:5 text}.
   */
  private static final Pattern KOTLIN_MESSAGE =
      Pattern.compile("^([ew]): (?:file://)?(\\S+?):(\\d+)(:\\d+ |: (?:error|warning): )(.*)$");

  /** A case's package in a generated file's path: {@code …/kfuzz/k0001/LayerInitializer.java}. */
  private static final Pattern KOTLIN_PACKAGE = Pattern.compile("/kfuzz/k(\\d{4})/");

  /** A diagnostic as either front end reports it. */
  private record Reported(boolean error, Finding finding, String text, boolean inGenerated) {
    @Override
    public String toString() {
      return "  "
          + (error ? "ERROR " : "WARNING ")
          + finding.file()
          + ":"
          + finding.line()
          + " "
          + text.lines().findFirst().orElse("");
    }
  }

  /** A case of either front end, with what it must give. */
  private interface Planned {
    GeneratedLayer layer();

    Expectation expected();

    /** The sources with numbered lines. */
    String listing();
  }

  /** A Java case. */
  private record JavaCase(LayerCase layer, LayerCase.Source source, Expectation expected)
      implements Planned {
    @Override
    public String listing() {
      return ProcessorFuzzTest.listing(source.files());
    }
  }

  /** A Kotlin case. */
  private record KotlinCase(
      KotlinLayerCase layer, KotlinLayerCase.Source source, Expectation expected)
      implements Planned {
    @Override
    public String listing() {
      StringBuilder text = new StringBuilder();
      source.texts().forEach((file, content) -> text.append(numbered(file, content)));
      return text.toString();
    }
  }

  private final List<String> failures = new ArrayList<>();
  private final Map<String, Integer> counts = new TreeMap<>();
  private final Set<String> reached = new HashSet<>();

  @Test
  void everyCaseGetsWhatTheRulesSay() throws Exception {
    // Zero-element weights and biases of a weight with fan_in 0 are left alone with a logged
    // warning: keep the test output readable.
    Map<Logger, Level> levels = new HashMap<>();
    for (Class<?> type : List.of(Kaiming.class, LayerDefaults.class)) {
      Logger log = Logger.getLogger(type.getName());
      levels.put(log, log.getLevel());
      log.setLevel(Level.OFF);
    }
    long start = System.nanoTime();
    int cases = 0;
    try {
      if (ONLY_KOTLIN == null) {
        cases += javaCases();
      }
      if (ONLY == null) {
        cases += kotlinCases();
      }
    } finally {
      levels.forEach(Logger::setLevel);
    }
    System.out.printf(
        Locale.ROOT,
        "ProcessorFuzzTest: seed %d, %d cases in all, %d failed, in %.1f s%n  %s%n",
        SEED,
        cases,
        failures.size(),
        (System.nanoTime() - start) / 1e9,
        counts);
    assertTrue(
        failures.isEmpty(),
        () ->
            failures.size()
                + " case(s) failed; reproduce one with -Dkinit.fuzz.seed="
                + SEED
                + " -Dkinit.fuzz.case=<id> (or kotlinCase)\n\n"
                + String.join(
                    "\n\n", failures.subList(0, Math.min(FAILURES_SHOWN, failures.size())))
                + "\nAll failed cases:\n"
                + failures.stream()
                    .map(failure -> "  " + failure.lines().findFirst().orElseThrow())
                    .collect(Collectors.joining("\n")));
    if (!ALONE && CASES >= 1000 && KOTLIN_CASES >= 100) {
      assertEquals(List.of(), unreached(), "kinds of input or outcome the run never reached");
    }
  }

  /** Plans, compiles, checks and runs the Java cases; returns how many. */
  private int javaCases() throws Exception {
    long start = System.nanoTime();
    List<JavaCase> valid = new ArrayList<>();
    List<JavaCase> invalid = new ArrayList<>();
    for (int id = 0; id < CASES; id++) {
      if (ONLY != null && id != ONLY) {
        continue;
      }
      JavaCase planned = plan(LayerCaseGenerator.generate(id, SEED));
      Expectation expected = planned.expected();
      (expected.valid() ? valid : invalid).add(planned);
      reached.addAll(planned.layer().features());
      reach(expected);
      if (expected.layerInitializerDespiteErrors(planned.layer())) {
        reached.add("initializer used beside errors");
      }
      String verdict = expected.valid() ? "valid " : "invalid ";
      count(verdict + planned.layer().placement());
      LayerCase.Bias bias = planned.layer().bias();
      count(verdict + (bias == null ? "without bias" : "bias of " + bias.target()));
    }
    try (BatchCompiler compiler = new BatchCompiler()) {
      for (List<JavaCase> batch : batches(valid, BATCH)) {
        check(compiler, batch);
      }
      for (List<JavaCase> batch : batches(invalid, BATCH)) {
        check(compiler, batch);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "ProcessorFuzzTest: seed %d, %d Java cases (%d valid, %d invalid) in %.1f s, %d per javac"
            + " run%n",
        SEED,
        valid.size() + invalid.size(),
        valid.size(),
        invalid.size(),
        (System.nanoTime() - start) / 1e9,
        BATCH);
    return valid.size() + invalid.size();
  }

  /**
   * Plans, compiles, checks and runs the Kotlin cases: the valid ones in one kapt run, the invalid
   * ones in as few as kapt allows; returns how many.
   */
  private int kotlinCases() throws Exception {
    long start = System.nanoTime();
    List<KotlinCase> valid = new ArrayList<>();
    List<KotlinCase> invalid = new ArrayList<>();
    for (int id = 0; id < KOTLIN_CASES; id++) {
      if (ONLY_KOTLIN != null && id != ONLY_KOTLIN) {
        continue;
      }
      KotlinLayerCase layer = KotlinLayerCaseGenerator.generate(id, SEED);
      KotlinLayerCase.Source source = layer.source();
      Expectation expected = KotlinSpecification.of(layer, source);
      KotlinCase planned = new KotlinCase(layer, source, expected);
      (expected.valid() ? valid : invalid).add(planned);
      reached.addAll(layer.features());
      reach(expected);
      count((expected.valid() ? "kotlin valid " : "kotlin invalid ") + layer.kind());
    }
    // Each kapt run costs seconds: all valid cases share one; the invalid ones as few as kapt's
    // javac allows, which stops reporting after 100 errors (kctfork passes kapt no -Xmaxerrs).
    List<List<KotlinCase>> batches = new ArrayList<>();
    if (!valid.isEmpty()) {
      batches.add(valid);
    }
    int errors = KAPT_ERRORS;
    for (KotlinCase planned : invalid) {
      // Each finding at most twice: two names in one shapeFields may both be missing.
      int expected = 2 * planned.expected().errors().size();
      if (errors + expected > KAPT_ERRORS) {
        batches.add(new ArrayList<>());
        errors = 0;
      }
      batches.get(batches.size() - 1).add(planned);
      errors += expected;
    }
    for (List<KotlinCase> batch : batches) {
      checkKotlin(batch);
    }
    System.out.printf(
        Locale.ROOT,
        "ProcessorFuzzTest: seed %d, %d Kotlin cases (%d valid, %d invalid) in %.1f s, %d kapt"
            + " runs%n",
        SEED,
        valid.size() + invalid.size(),
        valid.size(),
        invalid.size(),
        (System.nanoTime() - start) / 1e9,
        batches.size());
    return valid.size() + invalid.size();
  }

  private void reach(Expectation expected) {
    reached.addAll(expected.reached());
    if (expected.valid()) {
      expected.reached().forEach(way -> reached.add("valid, " + way));
    }
  }

  /**
   * What a full run must reach, from the issues' lists, and did not: each placement, annotation
   * rule, superclass, element type (every primitive and boxed type, Object, a type variable, a type
   * that does not exist), rank 0 to 6, modifier, nonlinearity, mode and distribution, kind of
   * {@code a} and of size field, unresolved constant in each attribute that takes one; for biases,
   * each target of {@code biasOf}, kind of element, rank 0 to 6, shape attribute, a static and a
   * private one, one before its weight; getters of every form and access, final or not, returning a
   * copy; superclasses in another package, package-private, below a {@code Mid} that hides their
   * weight, with fields and getters of every access, getters overridden in {@code Mid} or in the
   * layer; interface constants, ambiguous ones; every deprecation; every misplaced annotation;
   * subclasses; each message the processor has (but those {@link #NOT_GENERATED}); and each outcome
   * of running an initializer.
   */
  private List<String> unreached() {
    List<String> unreached = new ArrayList<>(required());
    unreached.removeAll(reached);
    for (Message message : Message.values()) {
      boolean reported = counts.keySet().stream().anyMatch(key -> key.endsWith(message.tag()));
      if (!reported && !NOT_GENERATED.contains(message)) {
        unreached.add("reported " + message.tag());
      }
    }
    Stream.of(
            "run: filled",
            "run: zero elements",
            "run: mismatch",
            "run: copy rejected",
            "run: override rejected",
            "run: subclass rejected",
            "run: rejected",
            "run: bias filled",
            "run: bias left alone")
        .filter(outcome -> !counts.containsKey(outcome))
        .forEach(unreached::add);
    return unreached;
  }

  /** The kinds of input {@link #unreached()} requires: features and ways of reading. */
  static List<String> required() {
    List<String> required = new ArrayList<>();
    Arrays.stream(Placement.values()).forEach(placement -> required.add("placement " + placement));
    Arrays.stream(Rule.values()).forEach(rule -> required.add("rule " + rule));
    Arrays.stream(Superclass.values())
        .forEach(superclass -> required.add("superclass " + superclass));
    required.add("biasOf \"\"");
    Stream.of("a", "shape", "shapeFields").forEach(name -> required.add("unresolved " + name));
    Arrays.stream(Target.values()).forEach(target -> required.add("bias target " + target));
    Arrays.stream(ElementKind.values()).forEach(kind -> required.add("bias element " + kind));
    IntStream.rangeClosed(0, 6).forEach(rank -> required.add("bias rank " + rank));
    Stream.of("shape", "shapeFields", "shape {}", "shapeFields {}", "unresolved")
        .forEach(attribute -> required.add("bias " + attribute));
    required.addAll(
        List.of(
            "bias modifier STATIC",
            "bias visibility PRIVATE",
            "bias before the weight",
            "bias after the weight"));
    String primitives = "boolean byte short char int long float double";
    String boxed = "Boolean Byte Short Character Integer Long Float Double";
    String others = "Object T Missing java.util.List<Missing> java.util.List<float[]>";
    for (String element : String.join(" ", primitives, boxed, others).split(" ")) {
      required.add("element " + element);
    }
    IntStream.rangeClosed(0, 6).forEach(rank -> required.add("rank " + rank));
    Arrays.stream(Flag.values()).forEach(flag -> required.add("modifier " + flag));
    Arrays.stream(Visibility.values()).forEach(v -> required.add("visibility " + v));
    Arrays.stream(Getter.values()).forEach(form -> required.add("getter " + form));
    for (Visibility visibility : Visibility.values()) {
      for (String prefix : List.of("getter ", "base weight getter ", "base size getter ")) {
        required.add(prefix + visibility);
        if (visibility != Visibility.PRIVATE) {
          required.add(prefix + visibility + " final");
        }
      }
      required.add("base weight visibility " + visibility);
      required.add("base size visibility " + visibility);
    }
    required.add("getter copies");
    for (String member : List.of("base weight", "base size")) {
      required.add(member + " getter overridden in MID");
      required.add(member + " getter overridden in LAYER");
    }
    required.add("base size static");
    for (String where : List.of("in the package", "in another package")) {
      for (String access : List.of(", public", ", package-private")) {
        required.add("base " + where + access);
        for (String implementer : List.of(", implemented by Base", ", implemented by layer")) {
          // A package-private interface of another package cannot be implemented by the layer.
          if (!(where.equals("in another package")
              && access.equals(", package-private")
              && implementer.endsWith("layer"))) {
            required.add("constants " + where + access + implementer);
          }
        }
      }
    }
    for (String where : List.of("in base's package", "in the layer's package")) {
      for (String access : List.of(", public", ", package-private")) {
        if (!(where.startsWith("in base") && access.equals(", package-private"))) {
          required.add("mid " + where + access);
        }
      }
    }
    required.add("mid hides the base weight, PUBLIC");
    required.add("mid hides the base weight, PRIVATE");
    Stream.of("IN", "K", "WIDE", LayerCase.BASE_WEIGHT, LayerCase.BASE_SIZE.name())
        .forEach(name -> required.add("constant " + name));
    for (Deprecatable target : Deprecatable.values()) {
      required.add("deprecated " + target);
      required.add("deprecated " + target + " for removal");
    }
    Arrays.stream(Misplaced.values()).forEach(m -> required.add("misplaced " + m));
    required.addAll(
        List.of(
            "initializer used beside errors",
            "shapeFields names an ambiguous field",
            "biasOf names an ambiguous field",
            "valid, read a field of Base through a cast to Base",
            "valid, read a field of Base through a cast to Mid",
            "valid, read a field of Base through its getter",
            "valid, read a constant of Sizes directly",
            "read a field of Base: " + Message.FIELD_UNNAMEABLE.tag(),
            "read a field of Base: " + Message.GETTER_OVERRIDDEN.tag(),
            "read a field of Base: " + Message.GETTER_INACCESSIBLE.tag(),
            "read a field of Base: " + Message.INACCESSIBLE_FIELD.tag()));
    for (String subclass :
        List.of(
            "subclass overriding",
            "subclass hiding",
            "subclass overriding hiding",
            "subclass annotated overriding",
            "subclass annotated hiding",
            "subclass annotated overriding hiding")) {
      required.add(subclass);
    }
    Arrays.stream(Nonlinearity.values()).forEach(n -> required.add("nonlinearity " + n));
    Arrays.stream(FanMode.values()).forEach(mode -> required.add("mode FanMode." + mode));
    Arrays.stream(Distribution.values())
        .forEach(distribution -> required.add("distribution Distribution." + distribution));
    Stream.of("finite", "negative", "huge", "NaN", "+infinity", "-infinity")
        .forEach(a -> required.add("a " + a));
    Arrays.stream(SizeKind.values()).forEach(kind -> required.add("size field " + kind));
    Arrays.stream(LayerCase.Vocabulary.values()).forEach(init -> required.add("init " + init));
    required.addAll(kotlinRequired());
    return required;
  }

  /**
   * What the Kotlin cases must reach: every kind of class, every form of a weight property (with
   * each visibility, a {@code @JvmName} getter, {@code open}), of a weight of a value class, of a
   * size (in the companion, of a value class, a {@code Long}), every form of a Java or Kotlin
   * superclass's weight, an overridden one, subclasses, misplaced annotations, and the reads that
   * go through a Kotlin getter or cannot.
   */
  private static List<String> kotlinRequired() {
    List<String> required = new ArrayList<>();
    for (KotlinLayerCase.Kind kind : KotlinLayerCase.Kind.values()) {
      required.add("kotlin kind " + kind);
    }
    for (KotlinLayerCase.Form form :
        List.of(
            KotlinLayerCase.Form.VAL,
            KotlinLayerCase.Form.VAR,
            KotlinLayerCase.Form.LATEINIT,
            KotlinLayerCase.Form.JVM_FIELD,
            KotlinLayerCase.Form.CONSTRUCTOR,
            KotlinLayerCase.Form.CONSTRUCTOR_JVM_FIELD)) {
      required.add("kotlin weight " + form + " PUBLIC");
      required.add("kotlin weight " + form + " INTERNAL");
    }
    Stream.of(
            "VAL_COPY PUBLIC",
            "DELEGATED PUBLIC",
            "VAL PRIVATE",
            "VAL PROTECTED",
            "LATEINIT PRIVATE",
            "VAL PUBLIC jvmName",
            "VAL INTERNAL jvmName",
            "VAL PUBLIC open",
            "CONSTRUCTOR PUBLIC open")
        .forEach(form -> required.add("kotlin weight " + form));
    required.add("kotlin weight type WEIGHTS");
    Stream.of("SIZE", "LONG").forEach(type -> required.add("kotlin size type " + type));
    Stream.of("COMPANION_CONST", "COMPANION_VAL", "COMPANION_JVM_FIELD")
        .forEach(form -> required.add("kotlin size " + form + " PUBLIC"));
    required.add("kotlin size VAL INTERNAL");
    for (KotlinLayerCase.BaseForm form : KotlinLayerCase.BaseForm.values()) {
      required.add("kotlin base " + form);
    }
    required.add("kotlin base in another package");
    required.add("kotlin base in the package");
    required.add("kotlin base weight overridden");
    required.add("kotlin subclass");
    required.add("kotlin subclass annotated");
    for (KotlinLayerCase.Misplaced misplaced : KotlinLayerCase.Misplaced.values()) {
      required.add("kotlin misplaced " + misplaced);
    }
    Stream.of(
            "valid, kotlin read an own field through its getter",
            "valid, kotlin read an own field directly",
            "valid, kotlin read an own size through its getter",
            "valid, kotlin read a field of Base through its getter",
            "valid, kotlin read a field of Base directly",
            "kotlin read an own field " + Message.GETTER_UNCALLABLE.tag(),
            "kotlin read an own size " + Message.GETTER_UNCALLABLE.tag(),
            "kotlin read a field of Base " + Message.GETTER_OVERRIDDEN.tag())
        .forEach(required::add);
    return required;
  }

  private static JavaCase plan(LayerCase layer) {
    Expectation expected = Specification.of(layer, layer.source(false, false));
    // The fixture and the use of the initializer go after everything else, so the lines the
    // expectation names do not move.
    LayerCase.Source source =
        layer.source(expected.valid(), expected.layerInitializerDespiteErrors(layer));
    return new JavaCase(layer, source, expected);
  }

  private static <T> List<List<T>> batches(List<T> cases, int size) {
    List<List<T>> batches = new ArrayList<>();
    for (int from = 0; from < cases.size(); from += size) {
      batches.add(cases.subList(from, Math.min(from + size, cases.size())));
    }
    return batches;
  }

  /**
   * Compiles a batch of Java cases and checks each. A crash, a diagnostic that belongs to no case,
   * or a valid case that does not compile (which keeps the others' classes from loading), is pinned
   * on a case by compiling each alone.
   */
  private void check(BatchCompiler compiler, List<JavaCase> batch) throws Exception {
    List<JavaFileObject> files = new ArrayList<>();
    batch.forEach(planned -> files.addAll(planned.source().files()));
    BatchCompiler.Result result;
    try {
      result = compiler.compile(files);
    } catch (RuntimeException crash) {
      isolate(compiler, batch, "javac crashed:\n" + stackTrace(crash));
      return;
    }
    List<Diagnostic<? extends JavaFileObject>> stray =
        result.diagnostics().stream().filter(d -> caseOf(d).isEmpty()).toList();
    if (!stray.isEmpty()) {
      isolate(compiler, batch, "diagnostics without a source file:\n" + describe(stray));
      return;
    }
    // A batch is all valid or all invalid.
    if (!result.success() && batch.size() > 1 && batch.get(0).expected().valid()) {
      isolate(compiler, batch, "valid cases that do not compile");
      return;
    }
    CompiledClasses classes = result.success() ? new CompiledClasses(result.classes()) : null;
    for (JavaCase planned : batch) {
      List<Reported> own = new ArrayList<>();
      for (Diagnostic<? extends JavaFileObject> d : result.diagnostics()) {
        if (caseOf(d).equals(Optional.of(planned.layer().id()))) {
          boolean error = d.getKind() == Diagnostic.Kind.ERROR;
          if (!error
              && d.getKind() != Diagnostic.Kind.WARNING
              && d.getKind() != Diagnostic.Kind.MANDATORY_WARNING) {
            fail(planned, "unexpected diagnostic:\n" + describe(List.of(d)));
          }
          String text = d.getMessage(Locale.ROOT);
          own.add(
              new Reported(
                  error,
                  new Finding(message(text), file(d), (int) d.getLineNumber()),
                  text,
                  isGenerated(d.getSource())));
        }
      }
      if (checkFindings(planned, own, result.generatedSources()) && classes != null) {
        Method newLayer =
            classes
                .loadClass(planned.layer().packageName() + ".Fixture")
                .getDeclaredMethod("newLayer");
        newLayer.setAccessible(true);
        run(planned, newLayer.invoke(null), classes::loadClass, result.generatedSources());
      }
    }
  }

  /** Finds the case of a problem that belongs to no file by compiling each case alone. */
  private void isolate(BatchCompiler compiler, List<JavaCase> batch, String problem)
      throws Exception {
    if (batch.size() == 1) {
      fail(batch.get(0), problem);
      return;
    }
    for (JavaCase planned : batch) {
      check(compiler, List.of(planned));
    }
  }

  /**
   * Compiles Kotlin cases, all valid or all invalid, in one kapt run (kctfork, as {@link
   * KotlinCompileTest}), and checks each: its diagnostics at the {@code .kt} (or Java) lines,
   * nothing in generated code, its initializers; a valid one is then run.
   */
  private void checkKotlin(List<KotlinCase> batch) throws Exception {
    List<SourceFile> sources = new ArrayList<>();
    batch.forEach(planned -> sources.addAll(planned.source().files()));
    boolean valid = batch.get(0).expected().valid();
    sources.add(
        KotlinLayerCase.shared(valid ? batch.stream().map(KotlinCase::layer).toList() : List.of()));
    KotlinCompilation compilation = new KotlinCompilation();
    compilation.setSources(sources);
    compilation.setAnnotationProcessors(
        List.of(new LocalClassChecker(), new KaimingInitProcessor()));
    compilation.setKaptFlags(Set.of(KaptFlag.MAP_DIAGNOSTIC_LOCATIONS));
    compilation.setInheritClassPath(true);
    compilation.setMessageOutputStream(OutputStream.nullOutputStream());
    JvmCompilationResult result;
    try {
      result = compilation.compile();
    } catch (RuntimeException crash) {
      batch.forEach(planned -> fail(planned, "kapt crashed:\n" + stackTrace(crash)));
      return;
    }
    Map<String, String> generated = new LinkedHashMap<>();
    for (File file : result.getSourcesGeneratedByAnnotationProcessor()) {
      String text = Files.readString(file.toPath());
      Matcher pkg = Pattern.compile("(?m)^package ([\\w.]+);").matcher(text);
      String name = file.getName().replace(".java", "");
      generated.put(pkg.find() ? pkg.group(1) + "." + name : name, text);
    }
    Map<Integer, List<Reported>> reported = new HashMap<>();
    List<String> stray = new ArrayList<>();
    for (String line : result.getMessages().lines().toList()) {
      Matcher matcher = KOTLIN_MESSAGE.matcher(line);
      if (!matcher.matches()) {
        // A note of kapt's, or a line of a message; an error of no file is a failure.
        if (line.startsWith("e: ")) {
          stray.add(line);
        }
        continue;
      }
      String path = matcher.group(2);
      String file = path.substring(path.lastIndexOf('/') + 1);
      boolean kotlinc = !matcher.group(4).startsWith(": ");
      boolean error = matcher.group(1).equals("e");
      if (kotlinc && !error) {
        // kotlinc's own warnings about the Kotlin source ("'lateinit' is unnecessary"): not the
        // processor's, and no generated code is Kotlin.
        count("kotlinc warning");
        continue;
      }
      boolean inGenerated = path.contains("/kapt/") || file.endsWith("Initializer.java");
      Matcher kase = inGenerated ? KOTLIN_PACKAGE.matcher(path) : KOTLIN_FILE.matcher(file);
      if (!(inGenerated ? kase.find() : kase.matches())) {
        stray.add(line);
        continue;
      }
      int id = Integer.parseInt(kase.group(1) != null ? kase.group(1) : kase.group(2));
      String text = matcher.group(5);
      reported
          .computeIfAbsent(id, k -> new ArrayList<>())
          .add(
              new Reported(
                  error,
                  new Finding(
                      kotlinc ? null : message(text), file, Integer.parseInt(matcher.group(3))),
                  text,
                  inGenerated));
    }
    if (!stray.isEmpty()) {
      fail(batch.get(0), "kapt reported outside the cases' files:\n" + String.join("\n", stray));
      return;
    }
    boolean compiled = result.getExitCode() == KotlinCompilation.ExitCode.OK;
    if (!compiled && valid) {
      fail(batch.get(0), "valid Kotlin cases that do not compile:\n" + result.getMessages());
    }
    for (KotlinCase planned : batch) {
      List<Reported> own = reported.getOrDefault(planned.layer().id(), List.of());
      if (checkFindings(planned, own, generated) && compiled) {
        Class<?> shared = result.getClassLoader().loadClass(KotlinLayerCase.SHARED_CLASS);
        Object instance = shared.getMethod(planned.layer().fixture()).invoke(null);
        ClassLoader loader = result.getClassLoader();
        run(planned, instance, name -> Class.forName(name, true, loader), generated);
      }
    }
  }

  /**
   * Checks a case's diagnostics and initializers against its expectation; returns whether it may
   * run.
   */
  private boolean checkFindings(
      Planned planned, List<Reported> own, Map<String, String> generated) {
    Expectation expected = planned.expected();
    List<Reported> inGenerated = own.stream().filter(Reported::inGenerated).toList();
    if (!inGenerated.isEmpty()) {
      fail(planned, "generated code has diagnostics:\n" + describeReported(inGenerated), generated);
      return false;
    }
    List<String> unexpected = new ArrayList<>();
    List<Finding> errors = new ArrayList<>();
    List<Finding> warnings = new ArrayList<>();
    for (Reported diagnostic : own) {
      Finding finding = diagnostic.finding();
      count(
          (diagnostic.error() ? "error " : "warning ")
              + (finding.message() == null ? "javac" : finding.message().tag()));
      boolean internal = finding.message() == Message.INTERNAL_ERROR;
      if (diagnostic.error()) {
        errors.add(finding);
        if (internal || !expected.errors().contains(finding)) {
          unexpected.add(diagnostic.toString());
        }
      } else {
        warnings.add(finding);
        if (!expected.warnings().contains(finding)) {
          unexpected.add(diagnostic.toString());
        }
      }
    }
    List<String> wrongInitializers = new ArrayList<>();
    expected
        .initializers()
        .forEach(
            (initializer, must) -> {
              if (generated.containsKey(initializer) != must) {
                wrongInitializers.add((must ? "no " : "an unexpected ") + initializer);
              }
            });
    if (expected.valid()) {
      if (!unexpected.isEmpty() || warnings.size() != expected.warnings().size()) {
        fail(
            planned,
            "valid case; expected exactly the warnings "
                + expected.warnings()
                + ", got:\n"
                + describeReported(own),
            generated);
        return false;
      }
      if (!wrongInitializers.isEmpty()) {
        fail(planned, "valid case got " + wrongInitializers, generated);
        return false;
      }
      return true;
    }
    List<Set<Finding>> unmet =
        expected.obligations().stream()
            .filter(obligation -> obligation.stream().noneMatch(errors::contains))
            .toList();
    if (errors.isEmpty()
        || !unexpected.isEmpty()
        || !wrongInitializers.isEmpty()
        || !unmet.isEmpty()) {
      fail(
          planned,
          "invalid case; expected at least one of the errors "
              + expected.errors()
              + (unmet.isEmpty() ? "" : ", among them one of each of " + unmet)
              + " and the initializers "
              + expected.initializers()
              + (wrongInitializers.isEmpty() ? "" : " but got " + wrongInitializers)
              + "; got:\n"
              + describeReported(own),
          generated);
    }
    return false;
  }

  /** A class of the case's compilation, by binary name. */
  private interface Loader {
    Class<?> load(String name) throws ClassNotFoundException;
  }

  /**
   * Runs a valid case's initializer on {@code instance}, whose arrays are first filled with NaN,
   * which no draw gives: afterwards no element may be NaN (a tiny std can legitimately round to
   * 0.0), but a bias the rules leave alone; and each array must hold what the runtime, called
   * directly in the documented order ({@link Expectation#fills()}) on a copy, writes. Or, where the
   * rules say it throws, it must throw the documented exception and leave every array as it was.
   */
  private void run(Planned planned, Object instance, Loader classes, Map<String, String> generated)
      throws Exception {
    Expectation expected = planned.expected();
    Class<?> type = classes.load(planned.layer().layerBinaryName());
    List<Fill> fills = expected.fills();
    List<Object> arrays = new ArrayList<>();
    for (Fill fill : fills) {
      arrays.add(field(classes.load(fill.owner()), fill.field(), instance));
    }
    arrays.forEach(array -> rows(array).forEach(ProcessorFuzzTest::fillWithNaN));
    List<Object> copies = arrays.stream().map(ProcessorFuzzTest::copy).toList();
    // The rows (float[] or double[]) of the bias, and of every other array.
    List<Object> bias = new ArrayList<>();
    List<Object> rows = new ArrayList<>();
    List<String> biasField = planned.layer().biasField();
    for (int i = 0; i < fills.size(); i++) {
      boolean isBias =
          !biasField.isEmpty()
              && fills.get(i).owner().equals(biasField.get(0))
              && fills.get(i).field().equals(biasField.get(1));
      (isBias ? bias : rows).addAll(rows(arrays.get(i)));
    }
    String weightName =
        planned.layer().weightLabel().substring(planned.layer().weightLabel().indexOf('.') + 1);
    long elements = elements(rows(field(type, weightName, instance)));
    Outcome outcome = expected.outcome();
    if (expected.lengthMatches() && elements != expected.elements()) {
      throw new AssertionError(
          planned.layer().describe()
              + ": the fixture allocated "
              + elements
              + " elements, its shape has "
              + expected.elements());
    }
    Method initialize =
        classes
            .load(planned.layer().initializerName())
            .getMethod("initialize", type, RandomGenerator.class);
    String rejected = outcome == Outcome.FILL ? runtimeProblem(fills, copies) : null;
    if (rejected != null) {
      outcome = Outcome.REJECTED;
    }
    try {
      initialize.invoke(null, instance, new SplittableRandom(planned.layer().id()));
      if (outcome != Outcome.FILL) {
        fail(
            generated,
            planned,
            "initialize did not throw, where the rules say "
                + outcome
                + (rejected == null ? "" : ": " + rejected));
        return;
      }
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      boolean documented = documented(planned, outcome, rejected, cause);
      boolean untouched = nanCount(rows) == elements(rows) && nanCount(bias) == elements(bias);
      if (!documented || !untouched) {
        fail(
            generated,
            planned,
            (documented
                    ? "wrote before throwing: "
                    : "initialize threw, where the rules say "
                        + outcome
                        + (rejected == null ? "" : " (" + rejected + ")")
                        + ": ")
                + stackTrace(cause));
      } else {
        count("run: " + outcome.name().toLowerCase(Locale.ROOT).replace('_', ' '));
      }
      return;
    }
    if (nanCount(rows) != 0) {
      fail(
          generated,
          planned,
          nanCount(rows) + " of " + elements(rows) + " elements were not filled");
      return;
    }
    if (nanCount(bias) != (expected.biasFilled() ? 0 : elements(bias))) {
      fail(
          generated,
          planned,
          expected.biasFilled()
              ? nanCount(bias) + " of " + elements(bias) + " bias elements were not filled"
              : "the bias of a weight with fan_in 0 was written");
      return;
    }
    replay(fills, copies, new SplittableRandom(planned.layer().id()));
    for (int i = 0; i < fills.size(); i++) {
      if (!Arrays.deepEquals(new Object[] {arrays.get(i)}, new Object[] {copies.get(i)})) {
        fail(
            generated,
            planned,
            fills.get(i).owner()
                + "."
                + fills.get(i).field()
                + " differs from the runtime called in the documented order: "
                + fills);
        return;
      }
    }
    count(elements == 0 ? "run: zero elements" : "run: filled");
    if (elements(bias) > 0) {
      count(expected.biasFilled() ? "run: bias filled" : "run: bias left alone");
    }
  }

  /**
   * Whether {@code thrown} is what the rules say for the outcome: the runtime's messages start with
   * the field's label ({@code docs/diagnostics.md}, runtime exceptions; {@code Getters}' Javadoc);
   * a fill the runtime rejects, with the message the runtime called directly gives ({@code
   * rejected}).
   */
  private static boolean documented(
      Planned planned, Outcome outcome, String rejected, Throwable thrown) {
    Expectation expected = planned.expected();
    String label = planned.layer().weightLabel() + ": ";
    String message = thrown.getMessage() == null ? "" : thrown.getMessage();
    return switch (outcome) {
      case MISMATCH ->
          thrown instanceof IllegalArgumentException && message.startsWith(label + "shape ");
      case COPY_REJECTED ->
          thrown instanceof IllegalStateException
              && message.startsWith(label + expected.getter() + "() returned two different arrays");
      case OVERRIDE_REJECTED ->
          thrown instanceof IllegalStateException
              && message.startsWith(
                  label + planned.layer().subName() + " overrides " + expected.getter() + "()");
      case SUBCLASS_REJECTED ->
          thrown instanceof IllegalArgumentException
              && message.startsWith(
                  simpleName(planned.layer().subName())
                      + " is a subclass of "
                      + simpleName(planned.layer().layerBinaryName())
                      + " with an initializer of its own");
      case REJECTED -> thrown instanceof IllegalArgumentException && message.equals(rejected);
      case FILL -> false;
    };
  }

  /** A class's simple name, from its binary name. */
  private static String simpleName(String binaryName) {
    return binaryName.substring(
        Math.max(binaryName.lastIndexOf('.'), binaryName.lastIndexOf('$')) + 1);
  }

  /**
   * What the runtime, called directly, rejects in {@code fills} of {@code arrays} before writing (a
   * scale outside the element type's range, a bias that does not fit its weight): the first message
   * in the order the fills run, or null. The views are named as the generated code names them
   * ({@code Layer.weight}).
   */
  private static String runtimeProblem(List<Fill> fills, List<Object> arrays) {
    Map<Fill, Tensor> views = new IdentityHashMap<>();
    for (int i = 0; i < fills.size(); i++) {
      Fill fill = fills.get(i);
      views.put(fill, view(fill.label(), arrays.get(i), fill.shape()));
    }
    try {
      for (Fill fill : fills) {
        fill.init(views).check(views.get(fill));
      }
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  /** Makes {@code fills} on {@code arrays} by calling the runtime directly. */
  private static void replay(List<Fill> fills, List<Object> arrays, RandomGenerator random) {
    Map<Fill, Tensor> views = new IdentityHashMap<>();
    for (int i = 0; i < fills.size(); i++) {
      views.put(fills.get(i), view(fills.get(i).label(), arrays.get(i), fills.get(i).shape()));
    }
    for (Fill fill : fills) {
      fill.init(views).fill(views.get(fill), random);
    }
  }

  /** A tensor of a flat array with {@code shape} (null: 1-D), or of a nested one. */
  private static Tensor view(String name, Object array, List<Integer> shape) {
    int[] sizes = shape == null ? null : shape.stream().mapToInt(Integer::intValue).toArray();
    if (array instanceof float[] flat) {
      return sizes == null ? FloatTensor.of(name, flat) : FloatTensor.of(name, flat, sizes);
    } else if (array instanceof double[] flat) {
      return sizes == null ? DoubleTensor.of(name, flat) : DoubleTensor.of(name, flat, sizes);
    } else if (array instanceof float[][] nested) {
      return FloatTensor.of(name, nested);
    } else if (array instanceof float[][][] nested) {
      return FloatTensor.of(name, nested);
    } else if (array instanceof float[][][][] nested) {
      return FloatTensor.of(name, nested);
    } else if (array instanceof float[][][][][] nested) {
      return FloatTensor.of(name, nested);
    } else if (array instanceof double[][] nested) {
      return DoubleTensor.of(name, nested);
    } else if (array instanceof double[][][] nested) {
      return DoubleTensor.of(name, nested);
    } else if (array instanceof double[][][][] nested) {
      return DoubleTensor.of(name, nested);
    }
    return DoubleTensor.of(name, (double[][][][][]) array);
  }

  /** A deep copy of an array of any rank. */
  private static Object copy(Object array) {
    if (array instanceof float[] floats) {
      return floats.clone();
    } else if (array instanceof double[] doubles) {
      return doubles.clone();
    }
    Object[] copy = ((Object[]) array).clone();
    for (int i = 0; i < copy.length; i++) {
      copy[i] = copy(copy[i]);
    }
    return copy;
  }

  private static Object field(Class<?> type, String name, Object instance) throws Exception {
    Field field = type.getDeclaredField(name);
    field.setAccessible(true);
    return field.get(instance);
  }

  /** The {@code float[]} or {@code double[]} rows of an array of any rank. */
  private static List<Object> rows(Object array) {
    List<Object> rows = new ArrayList<>();
    if (array instanceof Object[] children) {
      for (Object child : children) {
        rows.addAll(rows(child));
      }
    } else {
      rows.add(array);
    }
    return rows;
  }

  private static void fillWithNaN(Object row) {
    if (row instanceof float[] floats) {
      Arrays.fill(floats, Float.NaN);
    } else {
      Arrays.fill((double[]) row, Double.NaN);
    }
  }

  private static long elements(List<Object> rows) {
    return rows.stream().mapToLong(Array::getLength).sum();
  }

  private static long nanCount(List<Object> rows) {
    long count = 0;
    for (Object row : rows) {
      for (int i = 0; i < Array.getLength(row); i++) {
        count += Double.isNaN(Array.getDouble(row, i)) ? 1 : 0;
      }
    }
    return count;
  }

  /** The case a diagnostic belongs to, from its file's package {@code fuzz.c<id>}. */
  private static Optional<Integer> caseOf(Diagnostic<? extends JavaFileObject> diagnostic) {
    if (diagnostic.getSource() == null) {
      return Optional.empty();
    }
    Matcher matcher = CASE_PATH.matcher(diagnostic.getSource().toUri().getPath());
    return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
  }

  /** The file of a diagnostic of a case: {@code fuzz/c0001/b/Base.java}. */
  private static String file(Diagnostic<? extends JavaFileObject> diagnostic) {
    String path = diagnostic.getSource().toUri().getPath();
    return path.substring(path.indexOf("fuzz/c"));
  }

  private static boolean isGenerated(JavaFileObject file) {
    return file instanceof BatchCompiler.OutputFile;
  }

  /** The processor's message of a diagnostic's text, or null for one of javac's own. */
  private static Message message(String text) {
    Matcher tag = TAG.matcher(text);
    if (!tag.find()) {
      return null;
    }
    return Arrays.stream(Message.values())
        .filter(message -> message.tag().equals(tag.group()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("unknown tag " + tag.group()));
  }

  private void count(String key) {
    counts.merge(key, 1, Integer::sum);
  }

  private void fail(Map<String, String> generated, Planned planned, String problem) {
    fail(planned, problem, generated);
  }

  private void fail(Planned planned, String problem) {
    fail(planned, problem, Map.of());
  }

  private void fail(Planned planned, String problem, Map<String, String> generated) {
    StringBuilder text =
        new StringBuilder(planned.layer().describe())
            .append(": ")
            .append(problem)
            .append('\n')
            .append(planned.listing());
    generated.forEach(
        (name, source) -> {
          if (name.startsWith(planned.layer().packageName() + ".")) {
            text.append("--- generated ").append(name).append('\n').append(source);
          }
        });
    failures.add(text.toString());
  }

  /** The sources, for failure messages: each file's name and numbered lines. */
  private static String listing(List<JavaFileObject> sources) {
    StringBuilder text = new StringBuilder();
    for (JavaFileObject source : sources) {
      try {
        text.append(numbered(source.getName(), source.getCharContent(true).toString()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return text.toString();
  }

  private static String numbered(String name, String content) {
    StringBuilder text = new StringBuilder("--- ").append(name).append('\n');
    List<String> lines = content.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      text.append(String.format(Locale.ROOT, "%3d  %s%n", i + 1, lines.get(i)));
    }
    return text.toString();
  }

  private static String describe(List<Diagnostic<? extends JavaFileObject>> diagnostics) {
    StringBuilder text = new StringBuilder();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
      text.append("  ")
          .append(d.getKind())
          .append(' ')
          .append(d.getSource() == null ? "(no file)" : d.getSource().getName())
          .append(':')
          .append(d.getLineNumber())
          .append(' ')
          .append(d.getMessage(Locale.ROOT).lines().findFirst().orElse(""))
          .append('\n');
    }
    return text.toString();
  }

  private static String describeReported(List<Reported> diagnostics) {
    return diagnostics.stream().map(d -> d + "\n").collect(Collectors.joining());
  }

  private static String stackTrace(Throwable t) {
    StringWriter text = new StringWriter();
    t.printStackTrace(new PrintWriter(text));
    return text.toString();
  }
}
