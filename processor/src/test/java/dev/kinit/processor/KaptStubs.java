package dev.kinit.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

/**
 * kapt's Java stubs of some Kotlin inputs ({@link KotlinInputs}), checked in under {@code
 * src/test/resources/kapt-stubs/<input>/}: the sources kapt hands javac's processor, each class
 * with the {@code @kotlin.Metadata} Kotlin wrote for it. Compiled by plain javac with the
 * processor, they drive its Kotlin paths (the getters' real names, private and sealed Kotlin
 * classes) in tests that PIT runs, which kapt itself cannot (docs/testing.md, "Which tests run").
 * {@link KaptStubsTest} regenerates them with kapt and fails if they have drifted; {@code mvn -pl
 * processor -am verify -Dtest=KaptStubsTest -Dkinit.updateKaptStubs=true} rewrites them.
 *
 * @param stubs the stub files, by path under the input's directory: {@code layers/Mangled.java}
 */
record KaptStubs(Map<String, JavaFileObject> stubs, Compilation compilation) {

  /** The inputs whose stubs are checked in. */
  static final List<String> INPUTS = List.of("mangled", "network", "uncallable");

  /** The checked-in stubs of {@code input} as {@code path -> text}, {@code path} as above. */
  static Map<String, String> checkedIn(String input) {
    Path root;
    try {
      root = Path.of(KaptStubs.class.getResource("/kapt-stubs/" + input).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    Map<String, String> stubs = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        stubs.put(root.relativize(file).toString().replace('\\', '/'), Files.readString(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return stubs;
  }

  /** Compiles the checked-in stubs of {@code input} with the processor ({@link Compilations}). */
  static KaptStubs compile(String input) {
    Map<String, JavaFileObject> stubs = new TreeMap<>();
    checkedIn(input)
        .forEach(
            (path, text) ->
                stubs.put(
                    path,
                    JavaFileObjects.forSourceString(
                        path.substring(0, path.length() - ".java".length()).replace('/', '.'),
                        text)));
    return new KaptStubs(
        stubs, Compilations.compile(stubs.values().toArray(JavaFileObject[]::new)));
  }

  /** The stub at {@code path}, e.g. {@code layers/Outer.java}, which must exist. */
  JavaFileObject stub(String path) {
    JavaFileObject stub = stubs.get(path);
    if (stub == null) {
      throw new AssertionError("no stub " + path + " but " + stubs.keySet());
    }
    return stub;
  }
}
