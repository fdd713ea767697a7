package dev.kinit.processor.rules;

import dev.kinit.processor.model.Site;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What validating one class found: the single source of its validity, as Dagger's {@code
 * ValidationReport}. The rules add to it; the processor writes the initializer only if it {@link
 * #isClean()}, retries the class next round if it was {@link #deferred()}, and has a front end
 * print its {@link #items()}.
 */
public final class Report {

  /**
   * One diagnostic: the message, its text with the arguments filled in, and where it points; no
   * site for a problem reported at its own declaration (a superclass's field), which only makes
   * this class invalid.
   */
  public record Item(Message message, String text, @Nullable Site site) {}

  private final List<Item> items = new ArrayList<>();
  private @Nullable Unresolved deferred;

  /** Adds {@code message} with {@code args} at {@code site}. */
  public void add(Message message, Site site, Object... args) {
    items.add(new Item(message, message.format(args), site));
  }

  /**
   * Records {@code message} for a field whose own class reports it: this class is invalid too, but
   * the user reads the problem once, at the field.
   */
  public void addReportedElsewhere(Message message, Object... args) {
    items.add(new Item(message, message.format(args), null));
  }

  /** Records that the class needs a type not resolved yet; the first such type is kept. */
  public void defer(Unresolved unresolved) {
    if (deferred == null) {
      deferred = unresolved;
    }
  }

  /** The unresolved type the class waits for, if any. */
  public Optional<Unresolved> deferred() {
    return Optional.ofNullable(deferred);
  }

  /** Whether the class may get its initializer: nothing deferred, no error. */
  public boolean isClean() {
    return deferred == null
        && items.stream().noneMatch(item -> item.message().severity() == Message.Severity.ERROR);
  }

  /** The diagnostics to print, in the order they were found. */
  public List<Item> items() {
    return items.stream().filter(item -> item.site() != null).toList();
  }
}
