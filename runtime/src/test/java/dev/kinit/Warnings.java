package dev.kinit;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The warnings that the runtime logs (through {@link System.Logger}, which the JDK routes to {@code
 * java.util.logging}) to the logger of one class while this is open, formatted as a user reads
 * them.
 */
final class Warnings implements AutoCloseable {
  private final Logger logger;
  private final List<String> messages = new ArrayList<>();
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          if (record.getLevel() == Level.WARNING) {
            messages.add(MessageFormat.format(record.getMessage(), record.getParameters()));
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  private Warnings(String loggerName) {
    logger = Logger.getLogger(loggerName);
    logger.addHandler(handler);
  }

  /** Records the warnings logged to {@code loggerName} until closed. */
  static Warnings of(String loggerName) {
    return new Warnings(loggerName);
  }

  /** {@return the warnings so far, formatted} */
  List<String> messages() {
    return List.copyOf(messages);
  }

  @Override
  public void close() {
    logger.removeHandler(handler);
  }
}
