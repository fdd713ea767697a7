package dev.kinit.processor.model;

import com.palantir.javapoet.TypeName;
import dev.kinit.Traversal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A network's {@code @Reinit} rule: re-initialise {@code parameter} of every module of the tree
 * that is a {@code module}, in pass {@code pass}.
 *
 * @param module the module type to match, or null for every module
 * @param description the rule as written, for the comment
 */
public record Rule(
    int pass,
    Traversal order,
    @Nullable TypeName module,
    String parameter,
    InitSpec init,
    String description) {

  /**
   * The rules one class of the hierarchy declares, applied once its members and those of its
   * superclasses are constructed.
   *
   * @param afterMembers how many members of the whole layer precede them
   */
  public record Group(int afterMembers, List<Rule> rules) {
    public Group {
      rules = List.copyOf(rules);
    }
  }
}
