package dev.kinit.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kinit.Distribution;
import dev.kinit.DoubleTensor;
import dev.kinit.FanMode;
import dev.kinit.FloatTensor;
import dev.kinit.Kaiming;
import dev.kinit.LayerDefaults;
import dev.kinit.Nonlinearity;
import dev.kinit.Tensor;
import dev.kinit.processor.LayerCase.ElementKind;
import dev.kinit.processor.LayerCase.Flag;
import dev.kinit.processor.LayerCase.Placement;
import dev.kinit.processor.LayerCase.Rule;
import dev.kinit.processor.LayerCase.SizeKind;
import dev.kinit.processor.LayerCase.Superclass;
import dev.kinit.processor.LayerCase.Target;
import dev.kinit.processor.Specification.Expectation;
import dev.kinit.processor.Specification.Fill;
import dev.kinit.processor.Specification.Finding;
import dev.kinit.processor.rules.Message;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
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
import org.junit.jupiter.api.Test;

/**
 * Compiles two thousand random layer classes ({@link LayerCaseGenerator}), with a
 * {@code @KaimingInit} or {@code @TorchDefaultInit} weight (or both) and often a bias, with the
 * processor and checks each against what the rules say it must give ({@link Specification}):
 *
 * <ul>
 *   <li>the processor never throws (no javac crash, no {@code [kinit.internal-error]});
 *   <li>an invalid case gets at least one error, each one of its problems at the line of the field
 *       or attribute at fault, and no initializer;
 *   <li>a valid case compiles under {@code -Xlint:all} with exactly the processor's expected
 *       warnings, and its initializer fills every element of the weight (and of the inherited
 *       ones), and of the bias unless its weight's fan_in is 0, with the values the runtime gives
 *       when called directly in the documented order; or, when the array's length does not match a
 *       constant shape, throws naming the field and writes nothing;
 *   <li>every generated file compiles without a diagnostic, valid case or not.
 * </ul>
 *
 * <p>Reproducible: {@code -Dkinit.fuzz.seed=<long>} and {@code -Dkinit.fuzz.cases=<n>} change the
 * run, {@code -Dkinit.fuzz.case=<id>} compiles one case alone, {@code -Dkinit.fuzz.batch=<n>} sets
 * how many cases share a javac run (1: each alone). A failure prints the case's source.
 */
class ProcessorFuzzTest {

  private static final long SEED = Long.getLong("kinit.fuzz.seed", 20260101L);
  private static final int CASES = Integer.getInteger("kinit.fuzz.cases", 2000);
  private static final Integer ONLY = Integer.getInteger("kinit.fuzz.case");
  private static final int BATCH = ONLY != null ? 1 : Integer.getInteger("kinit.fuzz.batch", 40);
  private static final int FAILURES_SHOWN = 5;

  /**
   * Messages the generated cases cannot trigger: a second package (covered by DiagnosticsTest) and
   * a processor bug.
   */
  private static final Set<Message> NOT_GENERATED =
      Set.of(Message.INACCESSIBLE_FIELD, Message.INTERNAL_ERROR);

  private static final Pattern CASE_PATH = Pattern.compile("(?:^|/)fuzz/c(\\d+)/");
  private static final Pattern TAG = Pattern.compile("^\\[kinit\\.[a-z-]+\\]");

  /** A case with its source and what it must give. */
  private record Planned(LayerCase layer, LayerCase.Source source, Expectation expected) {
    List<JavaFileObject> files() {
      return source.files();
    }
  }

  private final List<String> failures = new ArrayList<>();
  private final Map<String, Integer> counts = new TreeMap<>();
  private final Set<String> reached = new HashSet<>();

  @Test
  void everyCaseGetsWhatTheRulesSay() throws Exception {
    long start = System.nanoTime();
    List<Planned> valid = new ArrayList<>();
    List<Planned> invalid = new ArrayList<>();
    for (int id = 0; id < CASES; id++) {
      if (ONLY != null && id != ONLY) {
        continue;
      }
      Planned planned = plan(LayerCaseGenerator.generate(id, SEED));
      (planned.expected().valid() ? valid : invalid).add(planned);
      reached.addAll(planned.layer().features());
      String verdict = planned.expected().valid() ? "valid " : "invalid ";
      count(verdict + planned.layer().placement());
      count(verdict + "rule " + planned.layer().rule());
      LayerCase.Bias bias = planned.layer().bias();
      count(verdict + (bias == null ? "without bias" : "bias of " + bias.target()));
    }
    // Zero-element weights and biases of a weight with fan_in 0 are left alone with a logged
    // warning: keep the test output readable.
    Map<Logger, Level> levels = new HashMap<>();
    for (Class<?> type : List.of(Kaiming.class, LayerDefaults.class)) {
      Logger log = Logger.getLogger(type.getName());
      levels.put(log, log.getLevel());
      log.setLevel(Level.OFF);
    }
    try (BatchCompiler compiler = new BatchCompiler()) {
      for (List<Planned> batch : batches(valid)) {
        check(compiler, batch);
      }
      for (List<Planned> batch : batches(invalid)) {
        check(compiler, batch);
      }
    } finally {
      levels.forEach(Logger::setLevel);
    }
    System.out.printf(
        Locale.ROOT,
        "ProcessorFuzzTest: seed %d, %d cases (%d valid, %d invalid) in %.1f s, %d per javac"
            + " run%n  %s%n",
        SEED,
        valid.size() + invalid.size(),
        valid.size(),
        invalid.size(),
        (System.nanoTime() - start) / 1e9,
        BATCH,
        counts);
    assertTrue(
        failures.isEmpty(),
        () ->
            failures.size()
                + " case(s) failed; reproduce one with -Dkinit.fuzz.seed="
                + SEED
                + " -Dkinit.fuzz.case=<id>\n\n"
                + String.join(
                    "\n\n", failures.subList(0, Math.min(FAILURES_SHOWN, failures.size())))
                + "\nAll failed cases:\n"
                + failures.stream()
                    .map(failure -> "  " + failure.lines().findFirst().orElseThrow())
                    .collect(Collectors.joining("\n")));
    if (ONLY == null && CASES >= 1000) {
      assertEquals(List.of(), unreached(), "kinds of input or outcome the run never reached");
    }
  }

  /**
   * What a full run must reach, from the issues' lists, and did not: each placement, annotation
   * rule, superclass, element type (every primitive and boxed type, Object, a type variable, a type
   * that does not exist), rank 0 to 6, modifier, nonlinearity, mode and distribution, kind of
   * {@code a} and of size field, unresolved constant in each attribute that takes one; for biases,
   * each target of {@code biasOf}, kind of element, rank 0 to 6, shape attribute, a static and a
   * private one, one before its weight; each message the processor has (but the inaccessible field,
   * which needs a second package, and the internal error, which must never happen); and each
   * outcome of running an initializer.
   */
  private List<String> unreached() {
    List<String> required = new ArrayList<>();
    Arrays.stream(Placement.values()).forEach(placement -> required.add("placement " + placement));
    Arrays.stream(Rule.values()).forEach(rule -> required.add("rule " + rule));
    Arrays.stream(Superclass.values())
        .filter(superclass -> superclass != Superclass.NONE)
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
    required.add("visibility PRIVATE");
    Arrays.stream(Nonlinearity.values()).forEach(n -> required.add("nonlinearity " + n));
    Arrays.stream(FanMode.values()).forEach(mode -> required.add("mode FanMode." + mode));
    Arrays.stream(Distribution.values())
        .forEach(distribution -> required.add("distribution Distribution." + distribution));
    Stream.of("finite", "negative", "huge", "NaN", "+infinity", "-infinity")
        .forEach(a -> required.add("a " + a));
    Arrays.stream(SizeKind.values()).forEach(kind -> required.add("size field " + kind));
    List<String> unreached = new ArrayList<>(required);
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
            "run: mismatch rejected",
            "run: bias filled",
            "run: bias left alone")
        .filter(outcome -> !counts.containsKey(outcome))
        .forEach(unreached::add);
    return unreached;
  }

  private static Planned plan(LayerCase layer) {
    Expectation expected = Specification.of(layer, layer.source(false));
    // The fixture goes after everything else, so the lines the expectation names do not move.
    return new Planned(layer, layer.source(expected.valid()), expected);
  }

  private static List<List<Planned>> batches(List<Planned> cases) {
    List<List<Planned>> batches = new ArrayList<>();
    for (int from = 0; from < cases.size(); from += BATCH) {
      batches.add(cases.subList(from, Math.min(from + BATCH, cases.size())));
    }
    return batches;
  }

  /**
   * Compiles a batch and checks each case. A crash, a diagnostic that belongs to no case, or a
   * valid case that does not compile (which keeps the others' classes from loading), is pinned on a
   * case by compiling each alone.
   */
  private void check(BatchCompiler compiler, List<Planned> batch) throws Exception {
    List<JavaFileObject> files = new ArrayList<>();
    batch.forEach(planned -> files.addAll(planned.files()));
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
    for (Planned planned : batch) {
      List<Diagnostic<? extends JavaFileObject>> own =
          result.diagnostics().stream()
              .filter(d -> caseOf(d).equals(Optional.of(planned.layer().id())))
              .toList();
      if (checkDiagnostics(planned, own, result.generatedSources()) && classes != null) {
        run(planned, classes);
      }
    }
  }

  /** Finds the case of a problem that belongs to no file by compiling each case alone. */
  private void isolate(BatchCompiler compiler, List<Planned> batch, String problem)
      throws Exception {
    if (batch.size() == 1) {
      fail(batch.get(0), problem);
      return;
    }
    for (Planned planned : batch) {
      check(compiler, List.of(planned));
    }
  }

  /** Checks a case's diagnostics and generated files; returns whether it may run. */
  private boolean checkDiagnostics(
      Planned planned,
      List<Diagnostic<? extends JavaFileObject>> own,
      Map<String, String> generated) {
    Expectation expected = planned.expected();
    List<Diagnostic<? extends JavaFileObject>> inGenerated =
        own.stream().filter(d -> isGenerated(d.getSource())).toList();
    if (!inGenerated.isEmpty()) {
      fail(planned, "generated code has diagnostics:\n" + describe(inGenerated), generated);
      return false;
    }
    List<String> unexpected = new ArrayList<>();
    List<Finding> errors = new ArrayList<>();
    List<Finding> warnings = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> diagnostic : own) {
      Finding finding = new Finding(message(diagnostic), (int) diagnostic.getLineNumber());
      count(
          diagnostic.getKind().name().toLowerCase(Locale.ROOT)
              + " "
              + (finding.message() == null ? "javac" : finding.message().tag()));
      boolean internal = finding.message() == Message.INTERNAL_ERROR;
      switch (diagnostic.getKind()) {
        case ERROR -> {
          errors.add(finding);
          if (internal || !expected.errors().contains(finding)) {
            unexpected.add(describe(List.of(diagnostic)));
          }
        }
        case WARNING, MANDATORY_WARNING -> {
          warnings.add(finding);
          if (!expected.warnings().contains(finding)) {
            unexpected.add(describe(List.of(diagnostic)));
          }
        }
        default -> unexpected.add(describe(List.of(diagnostic)));
      }
    }
    boolean hasInitializer = generated.containsKey(planned.layer().initializerName());
    if (expected.valid()) {
      if (!unexpected.isEmpty() || warnings.size() != expected.warnings().size()) {
        fail(
            planned,
            "valid case; expected exactly the warnings "
                + expected.warnings()
                + ", got:\n"
                + describe(own),
            generated);
        return false;
      }
      if (!hasInitializer) {
        fail(planned, "valid case got no " + planned.layer().initializerName(), generated);
        return false;
      }
      return true;
    }
    if (errors.isEmpty() || !unexpected.isEmpty() || hasInitializer) {
      fail(
          planned,
          "invalid case; expected at least one of the errors "
              + expected.errors()
              + " and no initializer"
              + (hasInitializer ? " but got one" : "")
              + "; got:\n"
              + describe(own),
          generated);
    }
    return false;
  }

  /**
   * Runs a valid case's initializer on a layer whose arrays are filled with NaN, which no draw
   * gives: afterwards no element may be NaN (a tiny std can legitimately round to 0.0), but a bias
   * the rules leave alone; and each array must hold what the runtime, called directly in the
   * documented order ({@link Expectation#fills()}) on a copy, writes.
   */
  private void run(Planned planned, CompiledClasses classes) throws Exception {
    LayerCase layer = planned.layer();
    Expectation expected = planned.expected();
    Method newLayer =
        classes.loadClass(layer.packageName() + ".Fixture").getDeclaredMethod("newLayer");
    newLayer.setAccessible(true);
    Object instance = newLayer.invoke(null);
    Class<?> type = classes.loadClass(layer.layerBinaryName());
    List<Fill> fills = expected.fills();
    List<Object> arrays = new ArrayList<>();
    for (Fill fill : fills) {
      arrays.add(field(fill.inherited() ? type.getSuperclass() : type, fill.field(), instance));
    }
    arrays.forEach(array -> rows(array).forEach(ProcessorFuzzTest::fillWithNaN));
    List<Object> copies = arrays.stream().map(ProcessorFuzzTest::copy).toList();
    // The rows (float[] or double[]) of the bias, and of every other array.
    List<Object> bias = new ArrayList<>();
    List<Object> rows = new ArrayList<>();
    for (int i = 0; i < fills.size(); i++) {
      boolean isBias = layer.bias() != null && isOwn(fills.get(i), layer.bias().field().name());
      (isBias ? bias : rows).addAll(rows(arrays.get(i)));
    }
    long elements = elements(rows(field(type, layer.weight().name(), instance)));
    if (expected.lengthMatches() && elements != expected.elements()) {
      throw new AssertionError(
          "case "
              + layer.id()
              + ": the fixture allocated "
              + elements
              + " elements, its shape has "
              + expected.elements());
    }
    Method initialize =
        classes
            .loadClass(layer.initializerName())
            .getMethod("initialize", type, RandomGenerator.class);
    String problem = expected.lengthMatches() ? runtimeProblem(layer, fills, copies) : null;
    try {
      initialize.invoke(null, instance, new SplittableRandom(layer.id()));
      if (!expected.lengthMatches()) {
        fail(planned, "the array's length does not match its shape, yet initialize did not throw");
        return;
      }
      if (problem != null) {
        fail(planned, "the runtime rejects a fill, yet initialize did not throw: " + problem);
        return;
      }
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      String label = layer.layerName() + "." + layer.weight().name();
      boolean documented =
          cause instanceof IllegalArgumentException
              && (expected.lengthMatches()
                  ? cause.getMessage().equals(problem)
                  : cause.getMessage().startsWith(label + ": shape "));
      boolean untouched = nanCount(rows) == elements(rows) && nanCount(bias) == elements(bias);
      if (!documented || !untouched) {
        fail(
            planned,
            (documented ? "wrote before throwing: " : "initialize threw: ") + stackTrace(cause));
      } else {
        count(expected.lengthMatches() ? "run: fill rejected" : "run: mismatch rejected");
      }
      return;
    }
    if (nanCount(rows) != 0) {
      fail(planned, nanCount(rows) + " of " + elements(rows) + " elements were not filled");
      return;
    }
    if (nanCount(bias) != (expected.biasFilled() ? 0 : elements(bias))) {
      fail(
          planned,
          expected.biasFilled()
              ? nanCount(bias) + " of " + elements(bias) + " bias elements were not filled"
              : "the bias of a weight with fan_in 0 was written");
      return;
    }
    replay(fills, copies, new SplittableRandom(layer.id()));
    for (int i = 0; i < fills.size(); i++) {
      if (!Arrays.deepEquals(new Object[] {arrays.get(i)}, new Object[] {copies.get(i)})) {
        fail(
            planned,
            (fills.get(i).inherited() ? "Base." : "")
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

  private static boolean isOwn(Fill fill, String field) {
    return !fill.inherited() && fill.field().equals(field);
  }

  /**
   * What the runtime, called directly, rejects in {@code fills} of {@code arrays} before writing
   * (the scale of a Kaiming fill, a bias that does not fit its weight): the first message, or null.
   * The views are named as the initializer names them.
   */
  private static String runtimeProblem(LayerCase layer, List<Fill> fills, List<Object> arrays) {
    Map<Fill, Tensor> views = new IdentityHashMap<>();
    for (int i = 0; i < fills.size(); i++) {
      Fill fill = fills.get(i);
      String label = (fill.inherited() ? "Base" : layer.layerName()) + "." + fill.field();
      views.put(fill, view(label, arrays.get(i), fill.shape()));
    }
    try {
      for (Fill fill : fills) {
        if (fill instanceof Fill.Kaiming kaiming) {
          Kaiming.check(views.get(fill), kaiming.mode(), kaiming.gain(), kaiming.distribution());
        } else if (fill instanceof Fill.TorchBias bias) {
          LayerDefaults.checkBias(views.get(fill), views.get(bias.weight()));
        }
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
      views.put(fills.get(i), view(fills.get(i).field(), arrays.get(i), fills.get(i).shape()));
    }
    for (Fill fill : fills) {
      Tensor view = views.get(fill);
      if (fill instanceof Fill.Kaiming kaiming) {
        if (kaiming.distribution() == Distribution.NORMAL) {
          Kaiming.normal(view, kaiming.mode(), kaiming.gain(), random);
        } else {
          Kaiming.uniform(view, kaiming.mode(), kaiming.gain(), random);
        }
      } else if (fill instanceof Fill.TorchBias bias) {
        LayerDefaults.bias(view, views.get(bias.weight()), random);
      } else {
        LayerDefaults.weight(view, random);
      }
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

  private static boolean isGenerated(JavaFileObject file) {
    return file instanceof BatchCompiler.OutputFile;
  }

  /** The processor's message of a diagnostic, or null for one of javac's own. */
  private static Message message(Diagnostic<? extends JavaFileObject> diagnostic) {
    Matcher tag = TAG.matcher(diagnostic.getMessage(Locale.ROOT));
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

  private void fail(Planned planned, String problem) {
    fail(planned, problem, Map.of());
  }

  private void fail(Planned planned, String problem, Map<String, String> generated) {
    StringBuilder text =
        new StringBuilder("case ")
            .append(planned.layer().id())
            .append(": ")
            .append(problem)
            .append('\n')
            .append(listing(planned.files()));
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
      text.append("--- ").append(source.getName()).append('\n');
      List<String> lines;
      try {
        lines = source.getCharContent(true).toString().lines().toList();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      for (int i = 0; i < lines.size(); i++) {
        text.append(String.format(Locale.ROOT, "%3d  %s%n", i + 1, lines.get(i)));
      }
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

  private static String stackTrace(Throwable t) {
    StringWriter text = new StringWriter();
    t.printStackTrace(new PrintWriter(text));
    return text.toString();
  }
}
