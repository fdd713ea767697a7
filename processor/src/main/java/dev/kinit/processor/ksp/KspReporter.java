package dev.kinit.processor.ksp;

import com.google.devtools.ksp.processing.KSPLogger;
import dev.kinit.processor.rules.Message;
import dev.kinit.processor.rules.Report;

/** Prints a {@link Report} through KSP's logger, each item at its symbol. */
final class KspReporter {

  private KspReporter() {}

  static void print(Report report, KSPLogger logger) {
    for (Report.Item item : report.items()) {
      KspSite site = (KspSite) item.site();
      if (item.message().severity() == Message.Severity.ERROR) {
        logger.error(item.text(), site.node());
      } else {
        logger.warn(item.text(), site.node());
      }
    }
  }
}
