package dev.kinit.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's executable examples. A fenced block belongs to an example when the line above it is
 * a marker (an HTML comment, invisible on GitHub):
 *
 * <pre>
 *   &lt;!-- readme-test: file java/pom.xml --&gt;         the block is the file pom.xml of example java
 *   &lt;!-- readme-test: run java --&gt;                  the block is a command to run in it (mvn ...)
 *   &lt;!-- readme-test: output java --&gt;               the block is what that command prints
 *   &lt;!-- readme-test: generated java/target/X.java --&gt; the block is the file X.java after the runs
 * </pre>
 *
 * <p>Markers on consecutive lines all take the block below them: one file of several examples. Each
 * {@code output} belongs to the {@code run} before it. A {@code generated} block is what the
 * example's build writes (generated source, shown as the processor writes it). A marker that is not
 * directly followed by a fenced block (or by another marker), a file given twice, or a run without
 * its output is an error, so an edit cannot silently take a block out of the test.
 */
record Readme(Map<String, Readme.Example> examples) {

  private static final Pattern MARKER =
      Pattern.compile("<!-- readme-test: (file|run|output|generated) (\\S+) -->");

  /**
   * One example: a Maven project written from the README's blocks, the commands that build and run
   * it with what each prints, and the files its build must have written, with their content.
   */
  record Example(
      String name, Map<String, String> files, List<Run> runs, Map<String, String> generated) {}

  /** A command given in the README, and the lines it says the command prints. */
  record Run(String command, List<String> printed) {}

  static Readme read(Path readme) throws IOException {
    List<String> lines = Files.readAllLines(readme);
    Map<String, Map<String, String>> files = new LinkedHashMap<>();
    Map<String, Map<String, String>> generated = new LinkedHashMap<>();
    Map<String, List<String>> commands = new LinkedHashMap<>();
    Map<String, List<List<String>>> outputs = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (!isMarker(line)) {
        continue; // prose may mention markers; a marker is a comment on a line of its own
      }
      List<Matcher> markers = new ArrayList<>();
      int open = i;
      for (; open < lines.size() && isMarker(lines.get(open).strip()); open++) {
        Matcher marker = MARKER.matcher(lines.get(open).strip());
        if (!marker.matches()) {
          throw new IllegalStateException(
              readme
                  + ":"
                  + (open + 1)
                  + ": malformed marker "
                  + lines.get(open)
                  + "; expected "
                  + MARKER);
        }
        markers.add(marker);
      }
      if (open >= lines.size() || !lines.get(open).startsWith("```")) {
        throw new IllegalStateException(
            readme
                + ":"
                + open
                + ": "
                + lines.get(open - 1)
                + " is not followed by a fenced block");
      }
      int close = open + 1;
      while (close < lines.size() && !lines.get(close).equals("```")) {
        close++;
      }
      if (close == lines.size()) {
        throw new IllegalStateException(readme + ":" + (open + 1) + ": unclosed fenced block");
      }
      List<String> block = lines.subList(open + 1, close);
      for (Matcher marker : markers) {
        String what = marker.group(1);
        String target = marker.group(2);
        switch (what) {
          case "file", "generated" -> {
            int slash = target.indexOf('/');
            if (slash < 1) {
              throw new IllegalStateException(
                  readme + ":" + (i + 1) + ": " + target + " is not EXAMPLE/PATH");
            }
            String example = target.substring(0, slash);
            String path = target.substring(slash + 1);
            String previous =
                (what.equals("file") ? files : generated)
                    .computeIfAbsent(example, e -> new LinkedHashMap<>())
                    .put(path, String.join("\n", block) + "\n");
            if (previous != null) {
              throw new IllegalStateException(
                  readme + ":" + (i + 1) + ": " + target + " is given twice");
            }
          }
          case "run" -> {
            if (block.size() != 1) {
              throw new IllegalStateException(
                  readme + ":" + (i + 1) + ": a run block holds one command; got " + block);
            }
            commands.computeIfAbsent(target, e -> new ArrayList<>()).add(block.get(0));
          }
          default -> outputs.computeIfAbsent(target, e -> new ArrayList<>()).add(block);
        }
      }
      i = close;
    }
    Map<String, Example> examples = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, String>> example : files.entrySet()) {
      String name = example.getKey();
      List<String> runs = commands.getOrDefault(name, List.of());
      List<List<String>> printed = outputs.getOrDefault(name, List.of());
      if (runs.isEmpty() || runs.size() != printed.size()) {
        throw new IllegalStateException(
            readme
                + ": example "
                + name
                + " has "
                + runs.size()
                + " run blocks and "
                + printed.size()
                + " output blocks; expected one output after each run, at least one run");
      }
      List<Run> pairs = new ArrayList<>();
      for (int r = 0; r < runs.size(); r++) {
        pairs.add(new Run(runs.get(r), printed.get(r)));
      }
      examples.put(
          name,
          new Example(name, example.getValue(), pairs, generated.getOrDefault(name, Map.of())));
    }
    Set<String> referenced = union(commands.keySet(), outputs.keySet());
    referenced.addAll(generated.keySet());
    for (String name : referenced) {
      if (!examples.containsKey(name)) {
        throw new IllegalStateException(readme + ": example " + name + " has no files");
      }
    }
    return new Readme(examples);
  }

  private static boolean isMarker(String line) {
    return line.startsWith("<!--") && line.contains("readme-test");
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> union = new TreeSet<>(a);
    union.addAll(b);
    return union;
  }
}
