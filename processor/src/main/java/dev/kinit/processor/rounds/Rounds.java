package dev.kinit.processor.rounds;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import dev.kinit.processor.model.Layer;
import dev.kinit.processor.rules.LayerDeclaration;
import dev.kinit.processor.rules.LayerRules;
import dev.kinit.processor.rules.Message;
import dev.kinit.processor.rules.Report;
import dev.kinit.processor.writer.InitializerWriter;
import java.io.IOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A compilation's rounds, the same for every front end: per class found, the front end declares it,
 * the rules check it and build its model ({@link LayerRules}, reporting into a {@link Report}), and
 * the writer turns a clean one into code ({@link InitializerWriter}), which the front end writes. A
 * class whose types are not resolved yet is retried next round and reported only after the last
 * one. No exception escapes: an internal error becomes an error on the class at hand.
 *
 * @param <T> the front end's handle of a class
 */
public final class Rounds<T> {

  private final FrontEnd<T> frontEnd;
  private final InitializerWriter writer;

  /** Sees each valid layer before it is written; tests use it to simulate an internal error. */
  private final Consumer<Layer> beforeWrite;

  /**
   * A class retried next round, and what checking it found so far, printed if it never resolves.
   */
  private final Map<String, Report> deferred = new TreeMap<>();

  /** The initializers written so far, by qualified name. */
  private final Set<String> written = new HashSet<>();

  public Rounds(FrontEnd<T> frontEnd, InitializerWriter writer, Consumer<Layer> beforeWrite) {
    this.frontEnd = frontEnd;
    this.writer = writer;
    this.beforeWrite = beforeWrite;
  }

  /**
   * Processes the classes {@code found} this round (those with annotated fields, the networks) and
   * those deferred by earlier rounds, each once, in the order of their names; then the classes with
   * {@code annotated} fields (a member annotation: {@code @ConstructedBefore}, {@code @Name}) that
   * are none of those: they did not ask for an initializer, and get none, but the annotation has no
   * effect on them, an error.
   */
  public void round(Collection<T> found, Collection<T> annotated) {
    Map<String, T> layers = new TreeMap<>();
    found.forEach(type -> layers.putIfAbsent(frontEnd.name(type), type));
    Map<String, Report> retry = new LinkedHashMap<>(deferred);
    deferred.clear();
    for (String name : retry.keySet()) {
      if (!layers.containsKey(name)) {
        frontEnd.find(name).ifPresent(type -> layers.put(name, type));
      }
    }
    layers.values().forEach(this::process);
    Map<String, T> others = new TreeMap<>();
    for (T type : annotated) {
      if (!layers.containsKey(frontEnd.name(type))) {
        others.putIfAbsent(frontEnd.name(type), type);
      }
    }
    others.values().forEach(this::processNeitherLayerNorNetwork);
  }

  /** Reports the classes still waiting for a type: once every round has run, none will come. */
  public void finish() {
    deferred.forEach(
        (name, report) -> {
          LayerRules.neverResolved(report.deferred().orElseThrow(), report);
          frontEnd.print(report);
        });
    deferred.clear();
  }

  private void process(T type) {
    Report report = new Report();
    try {
      LayerDeclaration declaration = frontEnd.declare(type);
      Layer layer = LayerRules.check(declaration, report);
      if (report.deferred().isPresent()) {
        deferred.put(frontEnd.name(type), report);
        return;
      }
      if (report.isClean()) {
        write(layer, type, report);
      }
      frontEnd.print(report);
    } catch (IOException | RuntimeException | Error e) {
      frontEnd.print(report);
      frontEnd.printError(Message.INTERNAL_ERROR.format(frontEnd.name(type), describe(e)), type);
    }
  }

  private void processNeitherLayerNorNetwork(T type) {
    Report report = new Report();
    try {
      LayerRules.checkNeitherLayerNorNetwork(frontEnd.declare(type), report);
      frontEnd.print(report);
    } catch (RuntimeException | Error e) {
      frontEnd.print(report);
      frontEnd.printError(Message.INTERNAL_ERROR.format(frontEnd.name(type), describe(e)), type);
    }
  }

  /**
   * Writes the layer's initializer, unless a class of this compilation or another layer's
   * initializer has its name. A class of that name found only on the class path, such as the
   * previous build's output, does not count: the new source replaces it. (Asking the compiler
   * whether a name exists would search the whole class path for every layer, and find that old
   * output.)
   */
  private void write(Layer layer, T type, Report report) throws IOException {
    ClassName initializer = layer.initializer();
    if (frontEnd.isSourceType(initializer.canonicalName())
        || !written.add(initializer.canonicalName())) {
      LayerRules.initializerNameTaken(layer, report);
      return;
    }
    beforeWrite.accept(layer);
    JavaFile file = writer.write(layer);
    if (!frontEnd.create(initializer, file, type)) {
      LayerRules.initializerNameTaken(layer, report); // a source type of a round not seen here
    }
  }

  /** The exception and where it was thrown: enough for a bug report, short enough to read. */
  public static String describe(Throwable t) {
    StackTraceElement[] trace = t.getStackTrace();
    return trace.length == 0 ? t.toString() : t + " at " + trace[0];
  }
}
