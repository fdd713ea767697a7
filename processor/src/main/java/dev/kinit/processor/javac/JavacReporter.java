package dev.kinit.processor.javac;

import com.sun.source.util.Trees;
import dev.kinit.processor.rules.Message;
import dev.kinit.processor.rules.Report;
import javax.annotation.processing.Messager;
import javax.tools.Diagnostic;
import org.jspecify.annotations.Nullable;

/** Prints a {@link Report} through javac's {@link Messager}, each item at its site. */
public final class JavacReporter {

  private JavacReporter() {}

  /**
   * Prints every item of {@code report}: through {@code trees} where the site is a source tree (if
   * javac exposes its trees), else through {@code messager}.
   */
  public static void print(Report report, Messager messager, @Nullable Trees trees) {
    for (Report.Item item : report.items()) {
      JavacSite site = (JavacSite) item.site();
      Diagnostic.Kind kind = kind(item.message().severity());
      if (site.tree() != null && trees != null) {
        trees.printMessage(kind, item.text(), site.tree(), site.unit());
      } else if (site.value() != null) {
        messager.printMessage(kind, item.text(), site.element(), site.annotation(), site.value());
      } else if (site.annotation() != null) {
        messager.printMessage(kind, item.text(), site.element(), site.annotation());
      } else {
        messager.printMessage(kind, item.text(), site.element());
      }
    }
  }

  static Diagnostic.Kind kind(Message.Severity severity) {
    return severity == Message.Severity.ERROR ? Diagnostic.Kind.ERROR : Diagnostic.Kind.WARNING;
  }
}
