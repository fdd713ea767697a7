package dev.kinit;

import dev.kinit.internal.Rules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
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
 *
 * <p>A plan built by hand, for a layer without a generated initializer ({@code nn.Linear(20, 6)}):
 *
 * <pre>{@code
 * FloatTensor weight = FloatTensor.of("weight", layer.weight);      // float[6][20]
 * InitPlan.Builder builder = InitPlan.builder(layer);
 * builder.add("weight", weight, Init.torchDefaultWeight());
 * builder.add("bias", FloatTensor.of("bias", layer.bias), Init.torchDefaultBias(weight));
 * InitPlan plan = builder.build();                                   // checks both, writes nothing
 * System.out.print(plan.describe());
 * plan.run(TorchGenerator.manualSeed(0));                            // PyTorch's values
 * }</pre>
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
    /**
     * A step; a plan makes them, numbering its fills.
     *
     * @param name the parameter's path from the plan's module
     * @param tensor the view of its array
     * @param init how the step initialises it
     * @param fill the step's fill number, or -1 if it draws nothing
     * @throws NullPointerException if {@code name}, {@code tensor} or {@code init} is {@code null}
     */
    public Step {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(tensor, "tensor");
      Objects.requireNonNull(init, "init");
    }

    /**
     * {@return what this step writes, from the whole tensor's shape ({@link Init#sampling})} With
     * {@link #fill()}, it is all a worker needs to fill any slice of the parameter alone.
     *
     * @throws IllegalArgumentException as {@link Init#sampling}: the step cannot run on its tensor
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
    /**
     * A parameter; {@code steps} and {@code alsoNamed} are copied.
     *
     * @param name its first path from the plan's module
     * @param tensor its view
     * @param steps the steps that initialise it, in order
     * @param alsoNamed its other paths, if it is tied
     * @throws NullPointerException if {@code steps} or {@code alsoNamed} is, or holds, {@code null}
     */
    public Parameter {
      steps = List.copyOf(steps);
      alsoNamed = List.copyOf(alsoNamed);
    }

    /**
     * {@return the step that decides its values: the last one}
     *
     * @throws IndexOutOfBoundsException if no step initialises the parameter ({@code steps} is
     *     empty)
     */
    public Step last() {
      return steps.get(steps.size() - 1);
    }
  }

  /**
   * A rule of a network's scheme ({@link Reinit}): re-initialise {@code parameter}, a path from
   * each module of the subtree that is an instance of {@code module}, with {@code init}, in pass
   * {@code pass} visiting modules in {@code order}.
   *
   * @param pass the pass the rule belongs to; passes run from the lowest
   * @param order how the rule's pass visits the modules
   * @param module the class whose instances (with its subclasses') the rule matches; {@code
   *     Object.class} for every module
   * @param parameter the parameter's path from a matched module: {@code "weight"}, {@code
   *     "bn2.weight"}; a module without it is skipped
   * @param init how the rule re-initialises it
   */
  public record Rule(int pass, Traversal order, Class<?> module, String parameter, Init init) {
    /**
     * A rule.
     *
     * @param pass the pass it belongs to
     * @param order how its pass visits the modules
     * @param module the class of the modules it matches
     * @param parameter the parameter's path from a matched module
     * @param init how it re-initialises the parameter
     * @throws NullPointerException if {@code order}, {@code module}, {@code parameter} or {@code
     *     init} is {@code null}
     */
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

  /**
   * Where an absent (null) child or optional parameter would have been constructed: a member
   * constructed before it goes there.
   */
  private record Absent(String name) implements Operation {}

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

    /**
     * Adds the parameter {@code name}, viewed as {@code tensor}, initialised by {@code init}.
     *
     * @param name the parameter's name in its module, as PyTorch registers it: {@code "weight"}
     * @param tensor the view of the parameter's array
     * @param init how the module's construction initialises it; a rule may re-initialise it later
     * @throws NullPointerException if {@code tensor} is {@code null} (a {@code null} array), naming
     *     the parameter
     * @throws IllegalArgumentException if a member of that name was added already
     */
    public void add(String name, Tensor tensor, Init init) {
      member(new ParameterMember(name, Objects.requireNonNull(tensor, name), init));
    }

    /**
     * Adds the child module {@code name}, planned by {@code plan} (its initializer's {@code plan}),
     * unless it is {@code null}: an absent module, as PyTorch's {@code None}. A problem the child's
     * plan finds is reported with the child's path in front.
     *
     * @param <M> the child's type
     * @param name the child's name in this module: {@code "conv1"}
     * @param module the child, or {@code null} if absent
     * @param plan the child's plan, as its initializer makes it ({@code ConvInitializer::plan});
     *     called now, once per module
     * @throws IllegalArgumentException if a member of that name was added already, or the child's
     *     plan fails (the message starts with the child's path)
     * @throws NullPointerException if the child holds a {@code null} array or module, with its path
     *     in front
     */
    public <M> void child(String name, @Nullable M module, Function<? super M, InitPlan> plan) {
      if (module != null) {
        member(new ChildMember(name, within(name, () -> plan.apply(module))));
      } else {
        absent(name);
      }
    }

    /**
     * Records that the optional member {@code name} is absent ({@code null}, as PyTorch's {@code
     * None}): nothing is filled, but a member {@linkplain #constructBefore constructed before} it
     * is constructed where it would have been. {@link #child} and {@link #children} record an
     * absent child themselves; a generated initializer calls this for an absent optional parameter
     * ({@code float @Nullable [] bias}) that another member is constructed before.
     *
     * @param name the member's name in this module: {@code "bias"}
     */
    public void absent(String name) {
      operations.add(new Absent(name));
    }

    /**
     * Adds {@code modules} as the child {@code name}, a container whose children are named by their
     * index ({@code layer1.0}, {@code layer1.1}, …), each planned by {@code plan}, as a PyTorch
     * {@code ModuleList} or {@code Sequential}; nothing if {@code modules} is {@code null}.
     *
     * @param <M> the type of the elements
     * @param name the container's name in this module: {@code "layer1"}
     * @param modules the elements, in order, or {@code null} if absent
     * @param plan the child's plan, as its initializer makes it ({@code ConvInitializer::plan});
     *     called now, once per module
     * @throws NullPointerException naming the element, if one is null
     * @throws IllegalArgumentException as {@link #child}
     */
    public <M> void children(
        String name, @Nullable List<M> modules, Function<? super M, InitPlan> plan) {
      if (modules == null) {
        absent(name);
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

    /**
     * {@link #children(String, List, Function)} for an array of modules.
     *
     * @param <M> the type of the elements
     * @param name the container's name in this module: {@code "blocks"}
     * @param modules the elements, in order, or {@code null} if absent
     * @param plan the child's plan, as its initializer makes it ({@code ConvInitializer::plan});
     *     called now, once per module
     * @throws NullPointerException naming the element, if one is null
     * @throws IllegalArgumentException as {@link #child}
     */
    public <M> void children(
        String name, M @Nullable [] modules, Function<? super M, InitPlan> plan) {
      children(name, modules == null ? null : Arrays.asList(modules), plan);
    }

    /**
     * Adds {@code modules} as the child {@code name}, a container whose children are named by their
     * keys ({@code denseblock1.denselayer1}, …) in the map's order, each planned by {@code plan},
     * as a PyTorch {@code ModuleDict}; nothing if {@code modules} is {@code null}. The order
     * decides the construction, so it must be defined: the map is a {@code LinkedHashMap} or a
     * {@code SortedMap}, or holds at most one module.
     *
     * @param <M> the type of the modules
     * @param name the container's name in this module: {@code "denseblock1"}
     * @param modules the modules by name, or {@code null} if absent
     * @param plan the child's plan, as its initializer makes it; called now, once per module
     * @throws NullPointerException naming the entry, if a key or a module is null
     * @throws IllegalArgumentException if a key is no name ({@code @Name}'s rule), the map's order
     *     is not defined, or as {@link #child}
     */
    public <M> void children(
        String name, @Nullable Map<String, M> modules, Function<? super M, InitPlan> plan) {
      if (modules == null) {
        absent(name);
        return;
      }
      Builder container = new Builder(modules);
      container.entries(name + ".", modules, plan);
      member(new ChildMember(name, container.build()));
    }

    /**
     * Adds each module of {@code modules} as a child of this module, named by its key, in the map's
     * order: the module is itself the {@code ModuleDict}, as a subclass of it is (a DenseNet block:
     * {@code denseblock1.denselayer1…}); nothing if {@code modules} is {@code null}. A generated
     * initializer calls this for a {@code Map} member named {@code ""} ({@link Name}).
     *
     * @param <M> the type of the modules
     * @param modules the modules by name, or {@code null} if absent
     * @param plan the child's plan, as its initializer makes it; called now, once per module
     * @throws NullPointerException naming the entry, if a key or a module is null
     * @throws IllegalArgumentException as {@link #children(String, Map, Function)}
     */
    public <M> void elements(@Nullable Map<String, M> modules, Function<? super M, InitPlan> plan) {
      if (modules != null) {
        entries("", modules, plan);
      }
    }

    /** Adds the entries of {@code modules}, {@code path} their names' start in messages. */
    private <M> void entries(
        String path, Map<String, M> modules, Function<? super M, InitPlan> plan) {
      String container = path.isEmpty() ? "the module" : path.substring(0, path.length() - 1);
      if (modules.size() > 1
          && !(modules instanceof LinkedHashMap || modules instanceof SortedMap)) {
        throw new IllegalArgumentException(
            container
                + ": a "
                + modules.getClass().getName()
                + " has no defined order; expected a LinkedHashMap or a SortedMap, since the"
                + " order of a ModuleDict's modules decides their construction");
      }
      for (Map.Entry<String, M> entry : modules.entrySet()) {
        String key = entry.getKey();
        if (key == null) {
          throw new NullPointerException(container + " has a null key; expected a name");
        }
        if (!Rules.isMemberName(key)) {
          throw new IllegalArgumentException(
              container
                  + ": \""
                  + key
                  + "\" is no name; expected a key that is "
                  + Rules.MEMBER_NAME);
        }
        if (entry.getValue() == null) {
          throw new NullPointerException(path + key + " is null; expected a module");
        }
        child(key, entry.getValue(), plan);
      }
    }

    /**
     * Adds each of {@code modules} as a child of this module, named by its index ({@code 0}, {@code
     * 1}, …), each planned by {@code plan}: the module is itself the container, as a subclass of
     * PyTorch's {@code nn.Sequential} is (an EfficientNet stage: {@code features.1.0.block…});
     * nothing if {@code modules} is {@code null}. A generated initializer calls this for a {@code
     * List} or array member named {@code ""} ({@link Name}).
     *
     * @param <M> the type of the elements
     * @param modules the elements, in order, or {@code null} if absent
     * @param plan the child's plan, as its initializer makes it ({@code ConvInitializer::plan});
     *     called now, once per module
     * @throws NullPointerException naming the element, if one is null
     * @throws IllegalArgumentException if a member named as an element's index was added, or as
     *     {@link #child}
     */
    public <M> void elements(@Nullable List<M> modules, Function<? super M, InitPlan> plan) {
      if (modules == null) {
        return;
      }
      for (int i = 0; i < modules.size(); i++) {
        M element = modules.get(i);
        if (element == null) {
          throw new NullPointerException(i + " is null; expected a module");
        }
        child(String.valueOf(i), element, plan);
      }
    }

    /**
     * {@link #elements(List, Function)} for an array of modules.
     *
     * @param <M> the type of the elements
     * @param modules the elements, in order, or {@code null} if absent
     * @param plan the child's plan, as its initializer makes it; called now, once per module
     * @throws NullPointerException naming the element, if one is null
     * @throws IllegalArgumentException as {@link #elements(List, Function)}
     */
    public <M> void elements(M @Nullable [] modules, Function<? super M, InitPlan> plan) {
      elements(modules == null ? null : Arrays.asList(modules), plan);
    }

    /**
     * Constructs the member {@code member} just before {@code before}, though it is registered
     * (named, visited by rules) where it was added. If {@code member} is an absent child, where it
     * would have been constructed moves: a member constructed before it follows it. If {@code
     * before} is an absent child, {@code member} is constructed where {@code before} would have
     * been.
     *
     * @param member the name of the member to move: its array is filled, or its subtree planned,
     *     just before {@code before}'s
     * @param before the name of a member added earlier
     * @throws IllegalArgumentException unless {@code member} and {@code before} were added, present
     *     or absent
     */
    public void constructBefore(String member, String before) {
      Operation operation = operations.remove(indexOf(member));
      operations.add(indexOf(before), operation);
    }

    /**
     * Applies {@code rules} to the members added so far (and their subtrees), after they are
     * constructed: a network's {@link Reinit} rules, in passes from the lowest.
     *
     * @param rules the rules, in the order they are written; those of one pass share its {@link
     *     Rule#order() order}
     */
    public void reinit(List<Rule> rules) {
      operations.add(new ApplyRules(List.copyOf(rules), members.size()));
    }

    /**
     * {@return the plan, once every step is checked ({@link Init#check}), in the order they run}
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
          if (isParameter(step.name())) {
            throw e; // a parameter of this module, whatever its name: its tensor's name says which
          }
          throw new Problem(step.name().substring(0, step.name().lastIndexOf('.')), e);
        }
      }
      return plan;
    }

    /** Whether {@code name} is a parameter of this module, not a path into a child. */
    private boolean isParameter(String name) {
      return members.stream()
          .anyMatch(member -> member instanceof ParameterMember && member.name().equals(name));
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
        if (operations.get(i) instanceof Absent absent && absent.name().equals(name)) {
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

  /** {@return the module this plan initialises} */
  public Object module() {
    return module;
  }

  /** {@return every step, in the order they run (unmodifiable)} */
  public List<Step> steps() {
    return steps;
  }

  /**
   * Fills every parameter, in order, from {@code random}. The steps were checked when the plan was
   * built, so a fill fails only if an array changed since (a field replaced by a shorter one is not
   * seen: a tensor views the arrays it was made from). On a {@link TensorSampler#counterBased()
   * counter-based} sampler, a step whose every element a later step overwrites is left out (its
   * fill number taken by {@link TensorSampler#skipFill()}): the values are the same, and the
   * default initialisations that a network's scheme replaces cost nothing. Such a sampler gets the
   * steps in batches ({@link TensorSampler#fillAll}), all of them but the ones that fill their own
   * way ({@link Sampling.Unshardable}, made one by one between the batches), so that a {@code
   * BlockSampler} on all cores makes a whole network as one parallel job. Any other generator makes
   * every step, one after the other, as PyTorch does.
   *
   * @param random the generator every step draws from, in turn; a {@code TorchGenerator} seeded as
   *     {@code torch.manual_seed} gives PyTorch's values
   */
  public void run(RandomGenerator random) {
    Objects.requireNonNull(random, "random");
    if (!(random instanceof TensorSampler sampler && sampler.counterBased())) {
      steps.forEach(step -> step.init().fill(step.tensor(), random));
      return;
    }
    List<Sampling> samplings = steps.stream().map(Step::sampling).toList();
    boolean[] overwritten = overwritten(samplings);
    List<TensorSampler.Fill> batch = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      if (samplings.get(i) instanceof Sampling.Unshardable) { // never overwritten: see there
        sampler.fillAll(batch);
        batch.clear();
        step.init().fill(step.tensor(), random);
      } else {
        batch.add(new TensorSampler.Fill(step.tensor(), samplings.get(i), overwritten[i]));
      }
    }
    sampler.fillAll(batch);
  }

  /**
   * Per step, whether a later step overwrites every element it writes, so that on a counter-based
   * sampler it need not run. Only steps that say what they write ({@link Init#sampling}: a
   * distribution or fixed values, at most one fill number) are left out, and only for a later step
   * on the same elements (the same array, viewed with the same shape) that writes every element; a
   * step that writes nothing ({@link Sampling.Unchanged}) or does not say ({@link
   * Sampling.Unshardable}) overwrites nothing.
   */
  private boolean[] overwritten(List<Sampling> samplings) {
    boolean[] overwritten = new boolean[steps.size()];
    Map<Object, List<Tensor>> writtenLater = new IdentityHashMap<>();
    for (int i = steps.size() - 1; i >= 0; i--) {
      Tensor tensor = steps.get(i).tensor();
      Sampling sampling = samplings.get(i);
      Object array = arrayOf(tensor);
      List<Tensor> later = writtenLater.getOrDefault(array, List.of());
      overwritten[i] =
          !(sampling instanceof Sampling.Unshardable)
              && later.stream().anyMatch(other -> Arrays.equals(other.shape(), tensor.shape()));
      boolean writesEvery =
          !(sampling instanceof Sampling.Unshardable || sampling instanceof Sampling.Unchanged);
      if (writesEvery) {
        writtenLater.computeIfAbsent(array, a -> new ArrayList<>()).add(tensor);
      }
    }
    return overwritten;
  }

  /**
   * Each parameter once, in registration order ({@code named_parameters()}): a tied one, an array
   * that several modules hold, under its first name.
   *
   * @return the parameters, each with the steps that initialise it
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
   *
   * @return the description, one line per module and parameter, each ending in a newline
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
      } else if (operation instanceof ApplyRules apply) {
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

  /**
   * What a module is, for {@link #describe}: its class, or {@code List} or {@code Map} for a list
   * or a map of them.
   */
  private static String kind(Object module) {
    return module instanceof List<?>
        ? "List"
        : module instanceof Map<?, ?> ? "Map" : module.getClass().getSimpleName();
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
