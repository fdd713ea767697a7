package dev.kinit.processor.rules;

import dev.kinit.processor.model.Site;

/**
 * A type or constant the compiler has not resolved yet, which another annotation processor may
 * still generate: the class is validated again next round, and reported only if it never resolves.
 *
 * @param site where to report it then
 * @param type the unresolved type as written, or what is unresolved
 * @param neededBy what needs it: {@code field Conv2d.weight}, {@code superclass of Conv2d}
 */
public record Unresolved(Site site, String type, String neededBy) {}
