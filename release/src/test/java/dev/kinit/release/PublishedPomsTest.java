package dev.kinit.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The POMs this build publishes (staged in {@code target/repository}) carry what Maven Central
 * requires: each its own name and description, and, itself or through its parent, a URL, a licence,
 * the SCM and the developers. The BOM, flattened, names no parent and manages every published jar
 * at this version, and nothing else.
 */
class PublishedPomsTest {

  private static final Path STAGING = Path.of(System.getProperty("kinit.staging"));
  private static final String VERSION = System.getProperty("kinit.version");

  private static List<Path> poms;

  @BeforeAll
  static void findPoms() throws IOException {
    try (Stream<Path> files = Files.walk(STAGING)) {
      poms = files.filter(f -> f.toString().endsWith(".pom")).sorted().toList();
    }
  }

  @Test
  void publishesTheParentTheBomTheRuntimeAndTheProcessor() {
    assertEquals(
        List.of("kinit-bom", "kinit-parent", "kinit-processor", "kinit-runtime"),
        poms.stream().map(pom -> pom.getParent().getParent().getFileName().toString()).toList());
  }

  @Test
  void everyPomHasTheMetadataARepositoryManagerRequires() throws Exception {
    for (Path pom : poms) {
      Element project = read(pom);
      assertFalse(text(project, "name").isBlank(), pom + ": no name");
      assertFalse(text(project, "description").isBlank(), pom + ": no description");
      for (String required :
          List.of(
              "url",
              "licenses/license/name",
              "licenses/license/url",
              "scm/url",
              "scm/connection",
              "developers/developer/name")) {
        assertFalse(inherited(pom, required).isBlank(), pom + ": no " + required);
      }
    }
  }

  /**
   * Importing a BOM imports its effective dependencyManagement: with kinit-parent as its parent,
   * the BOM would pin JUnit, Kotlin and the test libraries in users' builds.
   */
  @Test
  void theBomHasNoParent() throws Exception {
    Element bom = read(pom("kinit-bom"));
    assertTrue(child(bom, "parent").isEmpty(), "the published kinit-bom names a parent");
    assertEquals(VERSION, text(bom, "version"));
  }

  @Test
  void theBomManagesEveryPublishedJarAtThisVersion() throws Exception {
    TreeSet<String> jars = new TreeSet<>();
    try (Stream<Path> files = Files.walk(STAGING)) {
      files
          .map(f -> f.getFileName().toString())
          .filter(name -> name.endsWith("-" + VERSION + ".jar"))
          .forEach(name -> jars.add(name.substring(0, name.length() - VERSION.length() - 5)));
    }
    assertEquals(new TreeSet<>(List.of("kinit-processor", "kinit-runtime")), jars);
    Element bom = read(pom("kinit-bom"));
    TreeSet<String> managed = new TreeSet<>();
    Element dependencies =
        child(child(bom, "dependencyManagement").orElseThrow(), "dependencies").orElseThrow();
    for (Node node = dependencies.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element dependency) {
        assertEquals("dev.kinit", text(dependency, "groupId"));
        assertEquals("${project.version}", text(dependency, "version"));
        managed.add(text(dependency, "artifactId"));
      }
    }
    assertEquals(jars, managed);
  }

  /**
   * One processor jar serves javac, kapt and KSP: it registers its KSP provider where KSP looks
   * ({@code META-INF/services}), and needs KSP's API only to compile (provided, optional), so that
   * a javac or kapt build of a user does not download KSP.
   */
  @Test
  void theProcessorServesKspWithKspsApiCompileOnly() throws Exception {
    Element project = read(pom("kinit-processor"));
    Element dependencies = child(project, "dependencies").orElseThrow();
    List<Element> ksp = new ArrayList<>();
    for (Node node = dependencies.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element dependency
          && text(dependency, "groupId").equals("com.google.devtools.ksp")
          && !text(dependency, "scope").equals("test")) {
        ksp.add(dependency);
      }
    }
    assertEquals(1, ksp.size(), "KSP dependencies of kinit-processor, but its tests'");
    assertEquals("symbol-processing-api", text(ksp.get(0), "artifactId"));
    assertEquals("provided", text(ksp.get(0), "scope"));
    assertEquals("true", text(ksp.get(0), "optional"));

    Path jar = pom("kinit-processor").resolveSibling("kinit-processor-" + VERSION + ".jar");
    try (JarFile processor = new JarFile(jar.toFile())) {
      JarEntry services =
          processor.getJarEntry(
              "META-INF/services/com.google.devtools.ksp.processing.SymbolProcessorProvider");
      assertTrue(services != null, jar + " registers no SymbolProcessorProvider");
      try (InputStream in = processor.getInputStream(services)) {
        assertEquals(
            "dev.kinit.processor.ksp.KaimingInitSymbolProcessorProvider",
            new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
      }
    }
  }

  private static Path pom(String artifactId) {
    return poms.stream()
        .filter(pom -> pom.getFileName().toString().startsWith(artifactId + "-"))
        .findFirst()
        .orElseThrow();
  }

  /** The value at {@code path} in {@code pom} or, if it has none, in its parent's POM. */
  private static String inherited(Path pom, String path) throws Exception {
    Element project = read(pom);
    String value = text(project, path);
    if (!value.isBlank()) {
      return value;
    }
    Optional<Element> parent = child(project, "parent");
    if (parent.isEmpty()) {
      return "";
    }
    return inherited(pom(text(parent.get(), "artifactId")), path);
  }

  private static Element read(Path pom) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(pom.toFile())
        .getDocumentElement();
  }

  /** The text at a slash-separated path of child elements, or "" if there is none. */
  private static String text(Element element, String path) {
    Element current = element;
    for (String name : path.split("/")) {
      Optional<Element> next = child(current, name);
      if (next.isEmpty()) {
        return "";
      }
      current = next.get();
    }
    return current.getTextContent().strip();
  }

  private static Optional<Element> child(Element parent, String name) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(name)) {
        return Optional.of(element);
      }
    }
    return Optional.empty();
  }
}
