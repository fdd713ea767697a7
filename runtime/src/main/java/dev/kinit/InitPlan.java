package dev.kinit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * How a module, a layer or a whole network, is initialised: its parameters and child modules, named
 * as PyTorch names them, each parameter with its {@link Init}, and the network's own {@link Reinit}
 * rules; every step checked before any is written. Generated initializers build one ({@code
 * NetInitializer.plan(net)}) and run it ({@code NetInitializer.initialize(net, random)}, which is
 * {@code plan(net).run(random)}).
 *
 * <p>A plan runs as PyTorch builds and initialises a model: the members in construction order
 * (declaration order, but where {@link ConstructedBefore} moves one), each child through its own
 * plan (its own construction, then its own rules), each parameter with its own {@code Init}; then
 * this module's rules, in passes, over its whole subtree. The result is a flat list of {@link
 * Step}s in the order they run, from one generator.
 *
 * <p>It also describes itself ({@link #parameters()}, {@link #describe()}): each parameter once,
 * tied ones under their first name as in {@code named_parameters()}, with its shape, what
 * initialises it in the end, and its fill number: the number of steps before that one that draw
 * from the generator. With a {@code BlockSampler}, that step is fill number {@code sampler.fills()
 * + fill} of the sampler the plan runs on, so that with what the step draws ({@link
 * Step#sampling()}) a worker can fill any slice of any parameter alone ({@code
 * BlockSampler.fill(fill, from, shard, sampling)}).
 */
// JSpecify's @Nullable in signatures: the module reads org.jspecify statically and not
// transitively, so that modules reading this one compile without it ([exports] lint).
@SuppressWarnings("exports")
public final class InitPlan {

  /**
   * One step of a plan: a parameter, by the path of names from the plan's module, its tensor and
   * how it is initialised.
   *
   * @param name {@code layer1.0.conv1.weight}
   * @param tensor the view of its array, checked
   * @param init how it is initialised
   * @param fill the number of steps before this one that draw from the generator, or -1 if this one
   *     draws nothing
   */
  public record Step(String name, Tensor tensor, Init init, long fill) {
    public Step {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(tensor, "tensor");
      Objects.requireNonNull(init, "init");
    }

    /**
     * What this step writes, from the whole tensor's shape ({@link Init#sampling}): with {@link
     * #fill()}, all a worker needs to fill any slice of the parameter alone.
     */
    public Sampling sampling() {
      return init.sampling(tensor);
    }
  }

  /**
   * A parameter of the plan, as {@code named_parameters()} lists it: once, under its first name.
   *
   * @param name its path, {@code transformer.wte.weight}
   * @param tensor its view
   * @param steps every step that initialises it, in order; the last one decides its values
   * @param alsoNamed the other names of a tied parameter, {@code lm_head.weight}
   */
  public record Parameter(String name, Tensor tensor, List<Step> steps, List<String> alsoNamed) {
    public Parameter {
      steps = List.copyOf(steps);
      alsoNamed = List.copyOf(alsoNamed);
    }

    /** The step that decides its values: the last one. */
    public Step last() {
      return steps.get(steps.size() - 1);
    }
  }

  /**
   * A rule of a network's scheme ({@link Reinit}): re-initialise {@code parameter}, a path from
   * each module of the subtree that is an instance of {@code module}, with {@code init}, in pass
   * {@code pass} visiting modules in {@code order}.
   */
  public record Rule(int pass, Traversal order, Class<?> module, String parameter, Init init) {
    public Rule {
      Objects.requireNonNull(order, "order");
      Objects.requireNonNull(module, "module");
      Objects.requireNonNull(parameter, "parameter");
      Objects.requireNonNull(init, "init");
    }
  }

  /** A member, in registration order: a parameter, or a child module. */
  private sealed interface Member {
    String name();
  }

  private record ParameterMember(String name, Tensor tensor, Init init) implements Member {}

  private record ChildMember(String name, InitPlan plan) implements Member {}

  /** What runs, in construction order: a member, or the rules over the first members. */
  private sealed interface Operation {}

  private record Construct(Member member) implements Operation {}

  private record ApplyRules(List<Rule> rules, int members) implements Operation {}

  private final Object module;
  private final List<Member> members;
  private final List<Operation> operations;
  private final List<Step> steps;

  private InitPlan(Object module, List<Member> members, List<Operation> operations) {
    this.module = module;
    this.members = List.copyOf(members);
    this.operations = List.copyOf(operations);
    List<Step> flat = new ArrayList<>();
    flatten("", flat);
    this.steps = numbered(flat);
  }

  /**
   * {@return a plan for {@code module}, the layer or network object (rules match its class)}
   *
   * @param module the object whose parameters and children the plan initialises
   */
  public static Builder builder(Object module) {
    return new Builder(Objects.requireNonNull(module, "module"));
  }

  /**
   * {@return a plan for {@code module} as the initializer of {@code initializedAs} builds it} A
   * generated initializer calls this: it knows the parameters and rules of {@code initializedAs}
   * and its superclasses only, so a module whose class below {@code initializedAs} has a generated
   * initializer of its own, with more parameters or rules, is refused rather than half initialised.
   *
   * @param module the object whose parameters and children the plan initialises
   * @param initializedAs the class whose initializer builds the plan, {@code module}'s class or a
   *     superclass of it
   * @throws IllegalArgumentException if a class from {@code module}'s up to {@code initializedAs}
   *     (excluded) has a generated initializer of its own; it names that initializer
   */
  public static Builder builder(Object module, Class<?> initializedAs) {
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(initializedAs, "initializedAs");
    for (Class<?> type = module.getClass();
        type != null && type != initializedAs;
        type = type.getSuperclass()) {
      String own = Initializers.of(type);
      if (own != null) {
        String as = initializedAs.getSimpleName();
        throw new IllegalArgumentException(
            kind(module)
                + " is a subclass of "
                + as
                + " with an initializer of its own, "
                + own
                + ", whose parameters or rules the initializer of "
                + as
                + " would miss; expected "
                + own
                + ".plan or .initialize for it (in a network, declare the field as "
                + type.getSimpleName()
                + ", or make "
                + as
                + " sealed, so that each instance is planned as the class it is)");
      }
    }
    return new Builder(module);
  }

  /** Collects a module's members and rules, then checks every step. */
  public static final class Builder {
    private final Object module;
    private final List<Member> members = new ArrayList<>();
    private final List<Operation> operations = new ArrayList<>();

    private Builder(Object module) {
      this.module = module;
    }

    /** Adds the parameter {@code name}, viewed as {@code tensor}, initialised by {@code init}. */
    public void add(String name, Tensor tensor, Init init) {
      member(new ParameterMember(name, Objects.requireNonNull(tensor, name), init));
    }

    /**
     * Adds the child module {@code name}, planned by {@code plan} (its initializer's {@code plan}),
     * unless it is {@code null}: an absent module, as PyTorch's {@code None}. A problem the child's
     * plan finds is reported with the child's path in front.
     */
    public <M> void child(String name, @Nullable M module, Function<? super M, InitPlan> plan) {
      if (module != null) {
        member(new ChildMember(name, within(name, () -> plan.apply(module))));
      }
    }

    /**
     * Adds {@code modules} as the child {@code name}, a container whose children are named by their
     * index ({@code layer1.0}, {@code layer1.1}, …), each planned by {@code plan}, as a PyTorch
     * {@code ModuleList} or {@code Sequential}; nothing if {@code modules} is {@code null}.
     *
     * @throws NullPointerException naming the element, if one is null
     */
    public <M> void children(
        String name, @Nullable List<M> modules, Function<? super M, InitPlan> plan) {
      if (modules == null) {
        return;
      }
      Builder container = new Builder(modules);
      for (int i = 0; i < modules.size(); i++) {
        M element = modules.get(i);
        String index = String.valueOf(i);
        if (element == null) {
          throw new NullPointerException(name + "." + index + " is null; expected a module");
        }
        container.child(index, element, plan);
      }
      member(new ChildMember(name, container.build()));
    }

    /** {@link #children(String, List, Function)} for an array of modules. */
    public <M> void children(
        String name, M @Nullable [] modules, Function<? super M, InitPlan> plan) {
      children(name, modules == null ? null : Arrays.asList(modules), plan);
    }

    /**
     * Constructs the member {@code member} just before {@code before}, though it is registered
     * (named, visited by rules) where it was added; nothing if {@code member} is an absent child.
     *
     * @throws IllegalArgumentException unless {@code before} was added
     */
    public void constructBefore(String member, String before) {
      if (members.stream().noneMatch(m -> m.name().equals(member))) {
        return; // an absent (null) child
      }
      int moved = indexOf(member);
      Operation operation = operations.remove(moved);
      operations.add(indexOf(before), operation);
    }

    /**
     * Applies {@code rules} to the members added so far (and their subtrees), after they are
     * constructed: a network's {@link Reinit} rules, in passes from the lowest.
     */
    public void reinit(List<Rule> rules) {
      operations.add(new ApplyRules(List.copyOf(rules), members.size()));
    }

    /**
     * The plan, once every step is checked ({@link Init#check}), in the order they run.
     *
     * @throws IllegalArgumentException from the first step that cannot run, with the parameter's
     *     name in front; nothing is written
     */
    public InitPlan build() {
      InitPlan plan = new InitPlan(module, members, operations);
      for (Step step : plan.steps) {
        try {
          step.init().check(step.tensor());
        } catch (IllegalArgumentException e) {
          int dot = step.name().lastIndexOf('.');
          if (dot < 0) {
            throw e; // a parameter of this module: its tensor's name says which
          }
          throw new Problem(step.name().substring(0, dot), e);
        }
      }
      return plan;
    }

    private void member(Member member) {
      for (Member other : members) {
        if (other.name().equals(member.name())) {
          throw new IllegalArgumentException("a member named " + member.name() + " was added");
        }
      }
      members.add(member);
      operations.add(new Construct(member));
    }

    private int indexOf(String name) {
      for (int i = 0; i < operations.size(); i++) {
        if (operations.get(i) instanceof Construct construct
            && construct.member().name().equals(name)) {
          return i;
        }
      }
      throw new IllegalArgumentException("no member named " + name + " was added");
    }

    /** Builds a child's plan, its problems named with the child's path in front. */
    private static InitPlan within(String name, Supplier<InitPlan> plan) {
      InitPlan built;
      try {
        built = plan.get();
      } catch (Problem problem) {
        throw new Problem(name + "." + problem.path, problem.getCause());
      } catch (MissingModule missing) {
        throw new MissingModule(name + "." + missing.path, missing.getCause());
      } catch (IllegalArgumentException e) {
        throw new Problem(name, e);
      } catch (NullPointerException e) {
        throw new MissingModule(name, e);
      }
      return Objects.requireNonNull(built, name);
    }
  }

  /** A problem in a child module: {@code layer1.0.conv1: Conv2d.weight: …}. */
  private static final class Problem extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String path;

    Problem(String path, Throwable cause) {
      super(path + ": " + cause.getMessage(), cause);
      this.path = path;
    }
  }

  /** A null array or module in a child module, with its path in front. */
  private static final class MissingModule extends NullPointerException {
    private static final long serialVersionUID = 1L;
    private final String path;

    MissingModule(String path, Throwable cause) {
      super(path + ": " + cause.getMessage());
      this.path = path;
      initCause(cause);
    }
  }

  /** The module this plan initialises. */
  public Object module() {
    return module;
  }

  /** Every step, in the order they run. */
  public List<Step> steps() {
    return steps;
  }

  /** Fills every parameter, in order, from {@code random}. */
  public void run(RandomGenerator random) {
    Objects.requireNonNull(random, "random");
    for (Step step : steps) {
      step.init().fill(step.tensor(), random);
    }
  }

  /**
   * Each parameter once, in registration order ({@code named_parameters()}): a tied one, an array
   * that several modules hold, under its first name.
   */
  public List<Parameter> parameters() {
    Map<Object, String> firstName = new IdentityHashMap<>();
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    Map<String, List<String>> alsoNamed = new TreeMap<>();
    collect("", firstName, tensors, alsoNamed);
    Map<String, List<Step>> stepsOf = new LinkedHashMap<>();
    for (Step step : steps) {
      String name = firstName.get(arrayOf(step.tensor()));
      stepsOf.computeIfAbsent(name, n -> new ArrayList<>()).add(step);
    }
    List<Parameter> parameters = new ArrayList<>();
    tensors.forEach(
        (name, tensor) ->
            parameters.add(
                new Parameter(
                    name,
                    tensor,
                    stepsOf.getOrDefault(name, List.of()),
                    alsoNamed.getOrDefault(name, List.of()))));
    return parameters;
  }

  /**
   * The module tree with every parameter, like PyTorch's {@code print(model)} with the
   * initialisation added: per parameter its shape, what initialises it in the end (and how many
   * steps before), with its fans and std or bound, and its fill number.
   */
  public String describe() {
    Map<String, Parameter> byName = new LinkedHashMap<>();
    for (Parameter parameter : parameters()) {
      byName.put(parameter.name(), parameter);
      parameter.alsoNamed().forEach(name -> byName.put(name, parameter));
    }
    StringBuilder text = new StringBuilder(kind(module)).append('\n');
    describe("", "  ", byName, text);
    return text.toString();
  }

  private void describe(
      String path, String indent, Map<String, Parameter> byName, StringBuilder text) {
    for (Member member : members) {
      String name = path + member.name();
      if (member instanceof ChildMember child) {
        text.append(indent)
            .append(member.name())
            .append(": ")
            .append(kind(child.plan().module))
            .append('\n');
        child.plan().describe(name + ".", indent + "  ", byName, text);
        continue;
      }
      Parameter parameter = byName.get(name);
      text.append(indent)
          .append(member.name())
          .append(' ')
          .append(Arrays.toString(parameter.tensor().shape()));
      if (!parameter.name().equals(name)) {
        text.append("  tied to ").append(parameter.name()).append('\n');
        continue;
      }
      if (parameter.steps().isEmpty()) {
        text.append("  not initialised\n");
        continue;
      }
      Step last = parameter.last();
      text.append("  ").append(last.init().describe(last.tensor()));
      text.append(last.fill() < 0 ? "; draws nothing" : "; fill " + last.fill());
      if (parameter.steps().size() > 1) {
        text.append(" (after ").append(parameter.steps().size() - 1).append(" earlier)");
      }
      text.append('\n');
    }
  }

  /** Appends this module's steps, in construction order, to {@code steps}. */
  private void flatten(String path, List<Step> steps) {
    for (Operation operation : operations) {
      if (operation instanceof Construct construct) {
        if (construct.member() instanceof ParameterMember parameter) {
          steps.add(new Step(path + parameter.name(), parameter.tensor(), parameter.init(), -1));
        } else {
          ChildMember child = (ChildMember) construct.member();
          child.plan().flatten(path + child.name() + ".", steps);
        }
      } else {
        ApplyRules apply = (ApplyRules) operation;
        Map<Integer, List<Rule>> passes = new TreeMap<>();
        apply
            .rules()
            .forEach(rule -> passes.computeIfAbsent(rule.pass(), p -> new ArrayList<>()).add(rule));
        for (List<Rule> pass : passes.values()) {
          visit(path, pass, pass.get(0).order(), apply.members(), steps);
        }
      }
    }
  }

  /** One pass: this module and its subtree (the first {@code members} only), in {@code order}. */
  private void visit(String path, List<Rule> pass, Traversal order, int members, List<Step> steps) {
    if (order == Traversal.MODULES) {
      match(path, pass, steps);
    }
    for (Member member : this.members.subList(0, members)) {
      if (member instanceof ChildMember child) {
        InitPlan plan = child.plan();
        plan.visit(path + child.name() + ".", pass, order, plan.members.size(), steps);
      }
    }
    if (order == Traversal.APPLY) {
      match(path, pass, steps);
    }
  }

  /** The steps of the rules of a pass that match this module, in the order they are written. */
  private void match(String path, List<Rule> pass, List<Step> steps) {
    for (Rule rule : pass) {
      if (rule.module().isInstance(module)) {
        Tensor tensor = find(rule.parameter());
        if (tensor != null) {
          steps.add(new Step(path + rule.parameter(), tensor, rule.init(), -1));
        }
      }
    }
  }

  /** The parameter at {@code path} (names separated by dots) from this module, or null. */
  private Tensor find(String path) {
    int dot = path.indexOf('.');
    String first = dot < 0 ? path : path.substring(0, dot);
    for (Member member : members) {
      if (!member.name().equals(first)) {
        continue;
      }
      if (dot < 0) {
        return member instanceof ParameterMember parameter ? parameter.tensor() : null;
      }
      return member instanceof ChildMember child
          ? child.plan().find(path.substring(dot + 1))
          : null;
    }
    return null;
  }

  private void collect(
      String path,
      Map<Object, String> firstName,
      Map<String, Tensor> tensors,
      Map<String, List<String>> alsoNamed) {
    for (Member member : members) {
      String name = path + member.name();
      if (member instanceof ChildMember child) {
        child.plan().collect(name + ".", firstName, tensors, alsoNamed);
      } else {
        Tensor tensor = ((ParameterMember) member).tensor();
        String first = firstName.putIfAbsent(arrayOf(tensor), name);
        if (first == null) {
          tensors.put(name, tensor);
        } else {
          alsoNamed.computeIfAbsent(first, n -> new ArrayList<>()).add(name);
        }
      }
    }
  }

  /** What a module is, for {@link #describe}: its class, or {@code List} for a list of them. */
  private static String kind(Object module) {
    return module instanceof List<?> ? "List" : module.getClass().getSimpleName();
  }

  private static Object arrayOf(Tensor tensor) {
    return tensor instanceof FloatTensor floats ? floats.array() : ((DoubleTensor) tensor).array();
  }

  /** The steps with their fill numbers: how many before each draw from the generator. */
  private static List<Step> numbered(List<Step> steps) {
    List<Step> numbered = new ArrayList<>();
    long fills = 0;
    for (Step step : steps) {
      boolean draws = step.init().draws(step.tensor());
      numbered.add(new Step(step.name(), step.tensor(), step.init(), draws ? fills : -1));
      fills += draws ? 1 : 0;
    }
    return List.copyOf(numbered);
  }
}
