package dev.kinit.processor.javac;

import dev.kinit.processor.rules.Message;
import dev.kinit.processor.rules.Report;
import javax.annotation.processing.Messager;
import javax.tools.Diagnostic;

/** Prints a {@link Report} through javac's {@link Messager}, each item at its site. */
public final class JavacReporter {

  private JavacReporter() {}

  /** Prints every item of {@code report}. */
  public static void print(Report report, Messager messager) {
    for (Report.Item item : report.items()) {
      JavacSite site = (JavacSite) item.site();
      Diagnostic.Kind kind = kind(item.message().severity());
      if (site.value() != null) {
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
