package dev.kinit.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A child module of a network: a field holding a module, or a list or array of them.
 *
 * @param name the child's name in parameter paths: the field's, or its {@code @Name}; empty for a
 *     container whose elements are the module's own children
 * @param label {@code DeclaringClass.field}, for messages
 * @param access how generated code reads the field
 * @param container whether it holds one module, a {@code List} or an array
 * @param module the declared type of the module(s)
 * @param constructedBefore the member PyTorch constructs this one before, or null
 */
public record Child(
    String name,
    String label,
    Access access,
    Container container,
    ModuleType module,
    @Nullable String constructedBefore)
    implements Member {

  /** How the field holds its module(s). */
  public enum Container {
    ONE,
    LIST,
    ARRAY,
    /** A {@code Map} with {@code String} keys, PyTorch's {@code ModuleDict}: named by its keys. */
    MAP,
    /**
     * Modules in a container an initializer cannot plan: a {@code List}, array or {@code Map} of
     * containers, a {@code Map} with other keys than {@code String}s, a {@code Set}, an {@code
     * Optional}, at any depth ({@code [kinit.unsupported-container]}), so never written.
     */
    UNSUPPORTED
  }

  /** A module type as generated code initialises it. */
  public sealed interface ModuleType {
    /** The type generated code names. */
    TypeName type();

    /** A class with an initializer: {@code initializer.plan(module)}. */
    record Initialized(TypeName type, ClassName initializer) implements ModuleType {}

    /** A class without parameters: an empty module, which still counts in a list's indices. */
    record Parameterless(TypeName type) implements ModuleType {}

    /**
     * A sealed type: an instance is initialised as the permitted class it is, checked in this order
     * (the most specific first).
     */
    record Sealed(TypeName type, List<ModuleType> cases) implements ModuleType {
      public Sealed {
        cases = List.copyOf(cases);
      }
    }
  }
}
