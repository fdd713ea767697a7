package dev.kinit.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.kinit.FanMode;
import dev.kinit.FloatTensor;
import dev.kinit.Init;
import dev.kinit.InitPlan;
import dev.kinit.Nonlinearity;
import dev.kinit.Tensor;
import dev.kinit.processor.rules.Message;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The generative test of networks (issue 14): random {@code @Network} classes holding layers, lists
 * and arrays of layers, a nested network, a sealed interface's mixed list, absent ({@code null})
 * children, the network's own parameters (present, or optional and absent), a superclass network
 * (in the same package or another), children read through fields of every access or through
 * getters, {@code @ConstructedBefore}, members named by {@code @Name} (indices, keywords, other
 * characters; a container named {@code ""}, whose elements are Net's own children), and
 * {@code @Reinit} rules in passes and orders. Each case is valid or has exactly one mistake.
 *
 * <p>The oracle is {@link Network}: from what the generator wrote, and the rules documented on
 * {@code @Network}, {@code @Reinit}, {@code @ConstructedBefore} and in {@code docs/diagnostics.md},
 * it gives a mistake's diagnostic (tag and line), or, for a valid case, every step PyTorch's order
 * gives: construction in declaration order (superclass first; a member constructed before another
 * moved in front of it; each child through its own initializer, a nested network's rules included),
 * then the rules, pass by pass, over the modules in pre-order ({@code MODULES}) or post-order
 * ({@code APPLY}). The generated initializer's plan must list those steps by name, in that order,
 * and its values must be those of the runtime's {@code Init}s called directly in that order on a
 * second instance with the same generator.
 *
 * <p>{@code [kinit.initializer-missing]} needs a library compiled without the processor, a second
 * compilation: {@code DiagnosticsTest} has it. {@code -Dkinit.networkFuzz.seed=<long>} and {@code
 * -Dkinit.networkFuzz.cases=<n>} change the run.
 */
class NetworkFuzzTest {

  private static final long SEED = Long.getLong("kinit.networkFuzz.seed", 20260101L);
  private static final int CASES = Integer.getInteger("kinit.networkFuzz.cases", 200);

  /** The mistakes a case may have, one at most, each with the message it must give. */
  enum Mistake {
    NONE(null),
    CHILD_UNREADABLE(Message.CHILD_UNREADABLE),
    CHILD_NOT_SEALED(Message.CHILD_NOT_SEALED),
    UNSUPPORTED_CONTAINER(Message.UNSUPPORTED_CONTAINER),
    CONSTRUCTED_BEFORE_UNKNOWN(Message.CONSTRUCTED_BEFORE_UNKNOWN),
    CONSTRUCTED_BEFORE_NOT_A_MEMBER(Message.CONSTRUCTED_BEFORE_NOT_A_MEMBER),
    REINIT_WITHOUT_NETWORK(Message.REINIT_WITHOUT_NETWORK),
    REINIT_INIT_COUNT(Message.REINIT_INIT_COUNT),
    REINIT_ATTRIBUTE(Message.REINIT_ATTRIBUTE),
    REINIT_ORDER_CONFLICT(Message.REINIT_ORDER_CONFLICT),
    REINIT_MATCHES_NOTHING(Message.REINIT_MATCHES_NOTHING),
    NAME_INVALID(Message.NAME_INVALID),
    NAME_TAKEN(Message.NAME_TAKEN),
    NAME_NOT_A_MEMBER(Message.NAME_NOT_A_MEMBER),
    CONSTRUCTED_BEFORE_ELEMENTS(Message.CONSTRUCTED_BEFORE_ELEMENTS);

    final Message message;

    Mistake(Message message) {
      this.message = message;
    }
  }

  /** The module classes every case's package holds. */
  enum Kind {
    DENSE("Dense"),
    NORM("Norm"),
    ACT("Act"),
    SUB("Sub");

    final String type;

    Kind(String type) {
      this.type = type;
    }
  }

  /** How a member is written. */
  enum Form {
    CHILD,
    LIST,
    ARRAY,
    SEALED_LIST,
    ABSENT,
    OWN_VECTOR,
    OWN_MATRIX,
    OWN_ABSENT,
    SIZE,
    NOT_SEALED,
    /** A child whose type is a type variable of Net, bounded by its kind ({@code VHead}). */
    VARIABLE,
    /** A {@code List} of a type variable of Net, bounded by its kind. */
    VARIABLE_LIST,
    /**
     * Modules in a container an initializer cannot plan: {@code List<List<K>>}, {@code K[][]},
     * {@code List<K[]>} or {@code Map<String, List<K>>}, by its number of modules modulo 4 (a
     * mistake).
     */
    NESTED,
    /**
     * A {@code Map<String, K>}, PyTorch's {@code ModuleDict}: a {@code TreeMap}, its modules in the
     * order of their keys ({@link #KEYS}).
     */
    MAP
  }

  /** The keys of a {@link Form#MAP}'s modules, in order of the modules; none a member's name. */
  private static final List<String> KEYS = List.of("x0", "a-b", "Z", "\u00e9t\u00e9");

  /** How the initializer reads a member. */
  enum Access {
    PUBLIC("public "),
    PACKAGE(""),
    PROTECTED("protected "),
    PRIVATE_WITH_GETTER("private "),
    PRIVATE("private ");

    final String keyword;

    Access(String keyword) {
      this.keyword = keyword;
    }
  }

  /** A module built by a member: its kind and, for a layer, its sizes. */
  record Module(Kind kind, int out, int in) {
    String construction() {
      return switch (kind) {
        case DENSE -> "new Dense(" + out + ", " + in + ")";
        case NORM -> "new Norm(" + out + ")";
        case ACT -> "new Act()";
        case SUB -> "new Sub(" + out + ")";
      };
    }
  }

  /**
   * A member of a network class.
   *
   * @param modules the modules it holds, in order (one for a child; a list's or array's elements;
   *     none for an absent child, a size or an own parameter)
   * @param before the member named by its {@code @ConstructedBefore} (by its name in paths), or
   *     null
   * @param renamed its {@code @Name}, or null
   */
  record Member(
      String name,
      Form form,
      Access access,
      Kind kind,
      List<Module> modules,
      String before,
      String renamed) {
    /** Its name in parameter paths. */
    String pathName() {
      return renamed == null ? name : renamed;
    }

    Member renamed(String name) {
      return new Member(this.name, form, access, kind, modules, before, name);
    }
  }

  /** A {@code @Reinit} rule, as written and as it runs. */
  record Rule(Kind module, String parameter, int pass, boolean apply, String initCode, Init init) {
    String moduleClass() {
      return module == null ? "Object" : module.type;
    }
  }

  /** A generated case. */
  record Case(
      int id,
      Mistake mistake,
      boolean inherits,
      boolean baseElsewhere,
      List<Member> baseMembers,
      List<Member> members,
      List<Rule> rules,
      boolean subRule,
      List<String> ruleCodes) {
    String pkg() {
      return String.format(Locale.ROOT, "nfuzz.n%04d", id);
    }

    String basePkg() {
      return baseElsewhere ? pkg() + ".base" : pkg();
    }
  }

  private static final List<String> NAMES =
      List.of(
          "conv", "norm", "blocks", "head", "layers", "proj", "extra", "scale", "width", "stem",
          "mlp", "fc", "pos", "gate", "sub", "ln");

  /**
   * The names {@code @Name} gives, as PyTorch has them and Java cannot: a {@code Sequential}'s
   * indices, keywords, other characters. None is a field's name.
   */
  private static final List<String> RENAMES =
      List.of("0", "1", "2", "3", "class", "new", "conv-1", "in+out", "\u00e9t\u00e9", "9a");

  /** The forms of a container, whose {@code @Name} may be {@code ""}. */
  private static final Set<Form> CONTAINERS =
      Set.of(Form.LIST, Form.ARRAY, Form.SEALED_LIST, Form.VARIABLE_LIST, Form.MAP);

  /** Names no path can hold ({@code [kinit.name-invalid]}). */
  private static final List<String> INVALID_NAMES = List.of("", "a.b", ".", "two words", "0.1");

  private static final Init DENSE_WEIGHT =
      Init.kaimingNormal(FanMode.FAN_IN, Nonlinearity.RELU.gain(0));

  // ---------------------------------------------------------------- generator

  private static final class Generator {
    private final SplittableRandom random;
    private final int id;
    private final List<String> names = new ArrayList<>(NAMES);
    private final List<String> renames = new ArrayList<>(RENAMES);

    Generator(int id, long seed) {
      this.random = new SplittableRandom(seed * 1_000_003L + id);
      this.id = id;
    }

    boolean chance(double p) {
      return random.nextDouble() < p;
    }

    <T> T pick(List<T> list) {
      return list.get(random.nextInt(list.size()));
    }

    String name() {
      return names.remove(random.nextInt(names.size()));
    }

    int size() {
      return chance(0.05) ? 0 : 1 + random.nextInt(4);
    }

    Module module(Kind kind) {
      return new Module(kind, size(), size());
    }

    Access access(boolean readable) {
      if (!readable) {
        return Access.PRIVATE;
      }
      return pick(
          List.of(
              Access.PUBLIC,
              Access.PACKAGE,
              Access.PACKAGE,
              Access.PROTECTED,
              Access.PRIVATE_WITH_GETTER));
    }

    Member member(Form form, Access access) {
      String name = name();
      List<Module> modules = new ArrayList<>();
      Kind kind = null;
      switch (form) {
        case CHILD, VARIABLE -> {
          kind = pick(List.of(Kind.DENSE, Kind.NORM, Kind.SUB));
          modules.add(module(kind));
        }
        case LIST, ARRAY, NESTED, VARIABLE_LIST, MAP -> {
          kind = pick(List.of(Kind.DENSE, Kind.NORM, Kind.SUB));
          int n = random.nextInt(4);
          for (int i = 0; i < n; i++) {
            modules.add(module(kind));
          }
        }
        case SEALED_LIST -> {
          int n = random.nextInt(4);
          for (int i = 0; i < n; i++) {
            modules.add(module(pick(List.of(Kind.DENSE, Kind.NORM, Kind.ACT))));
          }
        }
        case NOT_SEALED -> modules.add(module(Kind.DENSE));
        case ABSENT -> kind = pick(List.of(Kind.DENSE, Kind.NORM, Kind.SUB));
        case OWN_VECTOR -> modules.add(new Module(Kind.NORM, size(), 0));
        case OWN_MATRIX -> modules.add(new Module(Kind.DENSE, size(), size()));
        case OWN_ABSENT, SIZE -> {}
      }
      return new Member(name, form, access, kind, modules, null, null);
    }

    Form form() {
      return pick(
          List.of(
              Form.CHILD,
              Form.CHILD,
              Form.CHILD,
              Form.LIST,
              Form.LIST,
              Form.ARRAY,
              Form.VARIABLE,
              Form.VARIABLE_LIST,
              Form.SEALED_LIST,
              Form.MAP,
              Form.ABSENT,
              Form.OWN_VECTOR,
              Form.OWN_MATRIX,
              Form.OWN_ABSENT,
              Form.SIZE));
    }

    Case generate() {
      Mistake mistake =
          chance(0.5)
              ? Mistake.NONE
              : pick(List.of(Mistake.values()).subList(1, Mistake.values().length));
      boolean inherits = chance(0.3);
      boolean baseElsewhere = inherits && chance(0.5);
      List<Member> baseMembers = new ArrayList<>();
      if (inherits) {
        int n = 1 + random.nextInt(2);
        for (int i = 0; i < n; i++) {
          Form form = pick(List.of(Form.CHILD, Form.LIST, Form.OWN_VECTOR));
          // Members of a superclass elsewhere are read by the subclass's initializer: public, or
          // through a public getter.
          Access access =
              baseElsewhere
                  ? (chance(0.5) ? Access.PUBLIC : Access.PRIVATE_WITH_GETTER)
                  : form == Form.OWN_VECTOR ? Access.PACKAGE : access(true);
          baseMembers.add(member(form, access));
        }
      }
      List<Member> members = new ArrayList<>();
      int n = 1 + random.nextInt(5);
      for (int i = 0; i < n; i++) {
        Form form = form();
        boolean own =
            form == Form.OWN_VECTOR
                || form == Form.OWN_MATRIX
                || form == Form.OWN_ABSENT
                || form == Form.SIZE;
        members.add(
            member(form, own ? (chance(0.5) ? Access.PUBLIC : Access.PACKAGE) : access(true)));
      }
      // The mistake's member.
      int at = random.nextInt(members.size() + 1);
      switch (mistake) {
        case CHILD_UNREADABLE -> members.add(at, member(Form.CHILD, Access.PRIVATE));
        case CHILD_NOT_SEALED -> members.add(at, member(Form.NOT_SEALED, access(true)));
        case UNSUPPORTED_CONTAINER -> members.add(at, member(Form.NESTED, access(true)));
        // A child, so that the mistaken rule has a weight to reach and is only mistaken.
        case REINIT_INIT_COUNT, REINIT_ATTRIBUTE, REINIT_ORDER_CONFLICT ->
            members.add(at, member(Form.CHILD, Access.PACKAGE));
        default -> {}
      }
      // Members named by @Name, sometimes (a valid name none has), and the name mistakes.
      rename(baseMembers);
      rename(members);
      if (mistake == Mistake.NONE && chance(0.3)) {
        elements(baseMembers, members);
      }
      switch (mistake) {
        case NAME_INVALID -> {
          int i = registeredIndex(members);
          members.set(i, members.get(i).renamed(pick(INVALID_NAMES)));
        }
        case NAME_TAKEN -> {
          int i = registeredIndex(members);
          List<String> earlier = new ArrayList<>();
          baseMembers.stream()
              .filter(Generator::isRegistered)
              .forEach(m -> earlier.add(m.pathName()));
          members.subList(0, i).stream()
              .filter(Generator::isRegistered)
              .forEach(m -> earlier.add(m.pathName()));
          if (earlier.isEmpty()) {
            members.add(0, member(Form.CHILD, Access.PACKAGE));
            earlier.add(members.get(0).pathName());
            i++;
          }
          members.set(i, members.get(i).renamed(pick(earlier)));
        }
        case CONSTRUCTED_BEFORE_ELEMENTS -> {
          // A list named "", its elements Net's own children, constructed before an earlier member.
          int i = registeredIndex(members);
          unindex(baseMembers);
          unindex(members);
          Member list = member(Form.LIST, Access.PACKAGE).renamed("");
          members.add(before(list, members.get(i).pathName()));
        }
        case NAME_NOT_A_MEMBER ->
            members.add(
                random.nextInt(members.size() + 1),
                member(Form.SIZE, chance(0.5) ? Access.PUBLIC : Access.PACKAGE)
                    .renamed(renames.remove(0)));
        default -> {}
      }
      // One member constructed before an earlier one, sometimes; a name that is not an earlier
      // member's for the mistake (one a renamed earlier member's field has, sometimes).
      List<Integer> registered = new ArrayList<>();
      for (int i = 0; i < members.size(); i++) {
        if (isRegistered(members.get(i)) && !"".equals(members.get(i).renamed())) {
          registered.add(i); // a container named "" has no name to be constructed before
        }
      }
      if (mistake == Mistake.CONSTRUCTED_BEFORE_UNKNOWN) {
        if (registered.isEmpty()) {
          members.add(member(Form.CHILD, Access.PACKAGE));
          registered.add(members.size() - 1);
        }
        int i = pick(registered);
        List<String> later = new ArrayList<>(List.of("nope"));
        for (int j = 0; j < members.size(); j++) {
          Member other = members.get(j);
          if (j >= i) {
            later.add(other.pathName());
          } else if (other.renamed() != null) {
            later.add(other.name());
          }
        }
        members.set(i, before(members.get(i), pick(later)));
      } else if (mistake == Mistake.CONSTRUCTED_BEFORE_NOT_A_MEMBER) {
        // An int field, neither parameter nor child, ordered before a member or a name at all.
        Member size = member(Form.SIZE, chance(0.5) ? Access.PUBLIC : Access.PACKAGE);
        List<String> names = new ArrayList<>(List.of("nope"));
        registered.forEach(i -> names.add(members.get(i).pathName()));
        members.add(random.nextInt(members.size() + 1), before(size, pick(names)));
      } else if (registered.size() >= 2 && chance(0.3)) {
        int k = 1 + random.nextInt(registered.size() - 1);
        int j = random.nextInt(k);
        Member moved = members.get(registered.get(k));
        members.set(registered.get(k), before(moved, members.get(registered.get(j)).pathName()));
      }
      List<Rule> rules = new ArrayList<>();
      List<String> ruleCodes = new ArrayList<>();
      Case draft =
          new Case(
              id, mistake, inherits, baseElsewhere, baseMembers, members, rules, false, ruleCodes);
      Network tree = new Network(draft);
      int count = chance(0.6) ? 1 + random.nextInt(3) : 0;
      Map<Integer, Boolean> orders = new TreeMap<>();
      for (int i = 0; i < count; i++) {
        Rule rule = rule(tree, orders);
        if (rule != null) {
          rules.add(rule);
        }
      }
      switch (mistake) {
        case REINIT_INIT_COUNT ->
            ruleCodes.add(
                "@Reinit(parameter = \"weight\", pass = 9"
                    + (chance(0.5) ? "" : ", zeros = @ZerosInit, ones = @OnesInit")
                    + ")");
        case REINIT_ATTRIBUTE ->
            ruleCodes.add(
                "@Reinit(parameter = \"weight\", pass = 9, normal = @NormalInit(std = 0.02, shape = {2, 2}))");
        case REINIT_MATCHES_NOTHING ->
            ruleCodes.add(
                "@Reinit(module = "
                    + pick(List.of("Object", "Dense", "Norm"))
                    + ".class, parameter = \""
                    + pick(List.of("nope", "weight.weight", "bias.x"))
                    + "\", pass = 9, zeros = @ZerosInit)");
        case REINIT_ORDER_CONFLICT -> {
          ruleCodes.add("@Reinit(pass = 7, parameter = \"weight\", zeros = @ZerosInit)");
          ruleCodes.add(
              "@Reinit(pass = 7, parameter = \"weight\", ones = @OnesInit, order = Traversal.APPLY)");
        }
        default -> {}
      }
      boolean subRule = chance(0.3);
      return new Case(
          id, mistake, inherits, baseElsewhere, baseMembers, members, rules, subRule, ruleCodes);
    }

    /** Names some registered members by {@code @Name}, each a name no member has. */
    void rename(List<Member> members) {
      for (int i = 0; i < members.size(); i++) {
        if (isRegistered(members.get(i)) && chance(0.25)) {
          members.set(i, members.get(i).renamed(renames.remove(random.nextInt(renames.size()))));
        }
      }
    }

    /**
     * Names one of the containers of {@code members}, if any, {@code ""}: its elements are Net's
     * own children, so no other member may be named by an index (those lose their {@code @Name}).
     */
    void elements(List<Member> baseMembers, List<Member> members) {
      List<Integer> containers = new ArrayList<>();
      for (int i = 0; i < members.size(); i++) {
        if (CONTAINERS.contains(members.get(i).form())) {
          containers.add(i);
        }
      }
      if (containers.isEmpty()) {
        return;
      }
      unindex(baseMembers);
      unindex(members);
      int i = pick(containers);
      members.set(i, members.get(i).renamed(""));
    }

    /** Takes the {@code @Name} off the members named by an index. */
    static void unindex(List<Member> members) {
      members.replaceAll(m -> m.pathName().matches("[0-9]+") ? m.renamed(null) : m);
    }

    /** The index of a registered member of {@code members}, one added if there is none. */
    int registeredIndex(List<Member> members) {
      List<Integer> registered = new ArrayList<>();
      for (int i = 0; i < members.size(); i++) {
        if (isRegistered(members.get(i))) {
          registered.add(i);
        }
      }
      if (registered.isEmpty()) {
        members.add(member(Form.CHILD, Access.PACKAGE));
        return members.size() - 1;
      }
      return pick(registered);
    }

    static boolean isRegistered(Member member) {
      return member.form() != Form.SIZE;
    }

    static Member before(Member member, String name) {
      return new Member(
          member.name(),
          member.form(),
          member.access(),
          member.kind(),
          member.modules(),
          name,
          member.renamed());
    }

    /** A valid rule that reaches at least one parameter of the tree, or null. */
    Rule rule(Network tree, Map<Integer, Boolean> orders) {
      Kind module = pick(Arrays.asList(null, Kind.DENSE, Kind.NORM, Kind.SUB));
      List<String> parameters =
          switch (module == null ? Kind.ACT : module) {
            case DENSE, NORM, ACT -> List.of("weight", "bias");
            case SUB -> List.of("d.weight", "d.bias", "n.weight", "n.bias");
          };
      String parameter = pick(parameters);
      List<Integer> ranks = tree.ranksReached(module, parameter);
      if (ranks.isEmpty()) {
        return null;
      }
      int pass = chance(0.7) ? 1 : 2;
      boolean apply = orders.computeIfAbsent(pass, p -> chance(0.4));
      record Option(String code, Init init) {}
      List<Option> options =
          new ArrayList<>(
              List.of(
                  new Option("zeros = @ZerosInit", Init.zeros()),
                  new Option("ones = @OnesInit", Init.ones()),
                  new Option("normal = @NormalInit(std = 0.02)", Init.normal(0, 0.02)),
                  new Option(
                      "uniform = @UniformInit(from = -0.1, to = 0.1)", Init.uniform(-0.1, 0.1)),
                  new Option("constant = @ConstantInit(value = 0.5)", Init.constant(0.5))));
      if (ranks.stream().allMatch(rank -> rank == 2)) {
        options.add(
            new Option(
                "kaiming = @KaimingInit(mode = FanMode.FAN_OUT, nonlinearity = Nonlinearity.RELU)",
                Init.kaimingNormal(FanMode.FAN_OUT, Nonlinearity.RELU.gain(0))));
        options.add(new Option("xavier = @XavierInit", Init.xavierUniform(1)));
      }
      Option option = pick(options);
      StringBuilder code = new StringBuilder("@Reinit(");
      if (module != null || chance(0.3)) {
        code.append("module = ").append(module == null ? "Object" : module.type).append(".class, ");
      }
      code.append("parameter = \"").append(parameter).append("\", ");
      if (pass != 1 || chance(0.2)) {
        code.append("pass = ").append(pass).append(", ");
      }
      if (apply || chance(0.2)) {
        code.append("order = Traversal.").append(apply ? "APPLY" : "MODULES").append(", ");
      }
      code.append(option.code()).append(")");
      return new Rule(module, parameter, pass, apply, code.toString(), option.init());
    }
  }

  // ---------------------------------------------------------------- sources

  /** The package of the layers every case shares. */
  private static final String LIBRARY_PACKAGE = "nfuzz.lib";

  /** The layers every case shares: two layers, a module without parameters, two interfaces. */
  private static final Map<String, String> LIBRARY = library();

  private static Map<String, String> library() {
    Map<String, String> files = new LinkedHashMap<>();
    String pkg = LIBRARY_PACKAGE;
    String header = "package " + pkg + ";\n\nimport dev.kinit.*;\n\n";
    files.put(
        pkg + ".Piece",
        "package " + pkg + ";\n\npublic sealed interface Piece permits Dense, Norm, Act {}\n");
    files.put(pkg + ".Part", "package " + pkg + ";\n\npublic interface Part {}\n");
    files.put(
        pkg + ".Dense",
        header
            + "public final class Dense implements Piece, Part {\n"
            + "  @KaimingInit(nonlinearity = Nonlinearity.RELU) public final float[][] weight;\n"
            + "  @TorchDefaultInit(biasOf = \"weight\") public final float[] bias;\n\n"
            + "  public Dense(int out, int in) {\n"
            + "    weight = new float[out][in];\n"
            + "    bias = new float[out];\n"
            + "  }\n}\n");
    files.put(
        pkg + ".Norm",
        header
            + "public final class Norm implements Piece {\n"
            + "  @OnesInit public final float[] weight;\n"
            + "  @ZerosInit public final float[] bias;\n\n"
            + "  public Norm(int n) {\n"
            + "    weight = new float[n];\n"
            + "    bias = new float[n];\n"
            + "  }\n}\n");
    files.put(pkg + ".Act", "package " + pkg + ";\n\npublic final class Act implements Piece {}\n");
    return files;
  }

  /** A case's own classes: its nested network {@code Sub}, its network, maybe a superclass. */
  static Map<String, String> sources(Case c) {
    Map<String, String> files = new LinkedHashMap<>();
    String pkg = c.pkg();
    String header =
        "package "
            + pkg
            + ";\n\nimport dev.kinit.*;\nimport java.util.List;\nimport "
            + LIBRARY_PACKAGE
            + ".*;\n\n";
    files.put(
        pkg + ".Sub",
        header
            + "@Network"
            + (c.subRule()
                ? " @Reinit(module = Dense.class, parameter = \"bias\", constant = @ConstantInit(value = 2))"
                : "")
            + " public final class Sub {\n"
            + "  public final Dense d;\n"
            + "  public final Norm n;\n\n"
            + "  public Sub(int width) {\n"
            + "    d = new Dense(width, width);\n"
            + "    n = new Norm(width);\n"
            + "  }\n}\n");
    if (c.mistake() == Mistake.REINIT_WITHOUT_NETWORK) {
      files.put(
          pkg + ".Loose",
          header
              + "@Reinit(parameter = \"weight\", zeros = @ZerosInit) public final class Loose {\n"
              + "  @OnesInit final float[] weight = new float[2];\n}\n");
    }
    if (c.inherits()) {
      String basePkg = c.basePkg();
      StringBuilder base = new StringBuilder("package " + basePkg + ";\n\nimport dev.kinit.*;\n");
      if (c.baseElsewhere()) {
        base.append("import ").append(pkg).append(".*;\n");
      }
      base.append("import java.util.List;\nimport " + LIBRARY_PACKAGE + ".*;\n\n");
      base.append("@Network public class BaseNet {\n");
      c.baseMembers().forEach(member -> base.append(member(member)));
      base.append("}\n");
      files.put(basePkg + ".BaseNet", base.toString());
    }
    StringBuilder net =
        new StringBuilder(
            c.baseElsewhere()
                ? header
                    .replace("\n\n@", "\n@")
                    .replace(
                        "import java.util.List;\n",
                        "import java.util.List;\nimport " + c.basePkg() + ".BaseNet;\n")
                : header);
    net.append("@Network");
    c.rules().forEach(rule -> net.append(' ').append(rule.initCode()));
    c.ruleCodes().forEach(code -> net.append(' ').append(code));
    List<String> variables =
        c.members().stream()
            .filter(m -> m.form() == Form.VARIABLE || m.form() == Form.VARIABLE_LIST)
            .map(m -> variable(m) + " extends " + m.kind().type)
            .toList();
    net.append(" public class Net")
        .append(variables.isEmpty() ? "" : "<" + String.join(", ", variables) + ">")
        .append(c.inherits() ? " extends BaseNet" : "")
        .append(" {\n");
    c.members().forEach(member -> net.append(member(member)));
    net.append("}\n");
    files.put(pkg + ".Net", net.toString());
    return files;
  }

  /** The type variable of Net that a {@link Form#VARIABLE} member's type is. */
  private static String variable(Member member) {
    return "V" + Character.toUpperCase(member.name().charAt(0)) + member.name().substring(1);
  }

  /** A member's line (with its annotations), and its getter's. */
  private static String member(Member member) {
    String modifiers = member.access().keyword + "final ";
    String before =
        (member.renamed() == null ? "" : "@Name(\"" + member.renamed() + "\") ")
            + (member.before() == null ? "" : "@ConstructedBefore(\"" + member.before() + "\") ");
    String elements =
        member.modules().stream().map(Module::construction).collect(Collectors.joining(", "));
    String type;
    String value;
    switch (member.form()) {
      case CHILD -> {
        type = member.kind().type;
        value = member.modules().get(0).construction();
      }
      case LIST -> {
        type = "List<" + member.kind().type + ">";
        value = "List.of(" + elements + ")";
      }
      case ARRAY -> {
        type = member.kind().type + "[]";
        value = "{" + elements + "}";
      }
      case MAP -> {
        type = "java.util.Map<String, " + member.kind().type + ">";
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < member.modules().size(); i++) {
          entries.add("\"" + KEYS.get(i) + "\", " + member.modules().get(i).construction());
        }
        value = "new java.util.TreeMap<>(java.util.Map.of(" + String.join(", ", entries) + "))";
      }
      case NESTED -> {
        String k = member.kind().type;
        switch (member.modules().size() % 4) {
          case 0 -> {
            type = "List<List<" + k + ">>";
            value = "List.of(List.of(" + elements + "))";
          }
          case 1 -> {
            type = k + "[][]";
            value = "{{" + elements + "}}";
          }
          case 3 -> {
            type = "java.util.Map<String, List<" + k + ">>";
            value = "java.util.Map.of(\"m\", List.of(" + elements + "))";
          }
          default -> {
            type = "List<" + k + "[]>";
            value = "List.<" + k + "[]>of(new " + k + "[] {" + elements + "})";
          }
        }
      }
      case VARIABLE -> {
        before = before + "@SuppressWarnings(\"unchecked\") ";
        type = variable(member);
        value = "(" + type + ") " + member.modules().get(0).construction();
      }
      case VARIABLE_LIST -> {
        before = before + "@SuppressWarnings(\"unchecked\") ";
        type = "List<" + variable(member) + ">";
        value =
            "List.of("
                + member.modules().stream()
                    .map(m -> "(" + variable(member) + ") " + m.construction())
                    .collect(Collectors.joining(", "))
                + ")";
      }
      case SEALED_LIST -> {
        type = "List<Piece>";
        value = "List.of(" + elements + ")";
      }
      case NOT_SEALED -> {
        type = "List<Part>";
        value = "List.of(" + elements + ")";
      }
      case ABSENT -> {
        type = member.kind().type;
        value = "null";
      }
      case OWN_VECTOR -> {
        before = before + "@ZerosInit ";
        type = "float[]";
        value = "new float[" + member.modules().get(0).out() + "]";
      }
      case OWN_MATRIX -> {
        before = before + "@NormalInit(std = 0.02) ";
        Module m = member.modules().get(0);
        type = "float[][]";
        value = "new float[" + m.out() + "][" + m.in() + "]";
      }
      case OWN_ABSENT -> {
        before = before + "@ZerosInit ";
        type = "float @org.jspecify.annotations.Nullable []";
        value = "null";
      }
      case SIZE -> {
        type = "int";
        value = "4";
      }
      default -> throw new IllegalStateException();
    }
    String line = "  " + before + modifiers + type + " " + member.name() + " = " + value + ";\n";
    if (member.access() == Access.PRIVATE_WITH_GETTER) {
      line +=
          "\n  public "
              + type
              + " get"
              + Character.toUpperCase(member.name().charAt(0))
              + member.name().substring(1)
              + "() {\n    return "
              + member.name()
              + ";\n  }\n\n";
    }
    return line;
  }

  // ---------------------------------------------------------------- oracle

  /** A step the oracle expects: a parameter's path and how it is initialised. */
  record Step(String name, Init init) {}

  /**
   * What the rules say of a case's network: its mistake's diagnostic, or its steps in order.
   * Modules are built from the generator's description, in registration order.
   */
  static final class Network {
    private final Case c;

    Network(Case c) {
      this.c = c;
    }

    /** A module of the tree at run time: its path, kind and its registered members. */
    record Node(String path, Kind kind, Module module, List<Member> members) {}

    /** The members of Net, superclass first, in registration (declaration) order. */
    List<Member> registered() {
      List<Member> all = new ArrayList<>(c.baseMembers());
      all.addAll(c.members());
      return all.stream().filter(Generator::isRegistered).toList();
    }

    /**
     * The ranks of the parameters a rule of module {@code module} and path may reach: the processor
     * checks a rule against the tree's types (an absent child, an empty list's element type, every
     * permitted class of a sealed type), not its instances.
     */
    List<Integer> ranksReached(Kind module, String parameter) {
      List<Integer> ranks = new ArrayList<>();
      for (Kind kind : staticKinds()) {
        if (module != null && kind != module) {
          continue;
        }
        Integer rank = rank(new Node("", kind, new Module(kind, 1, 1), List.of()), parameter);
        if (rank != null) {
          ranks.add(rank);
        }
      }
      return ranks;
    }

    /** The kinds of module the tree's types allow, below Net. */
    private List<Kind> staticKinds() {
      List<Kind> kinds = new ArrayList<>();
      for (Member member : registered()) {
        switch (member.form()) {
          case CHILD, ABSENT, LIST, ARRAY, VARIABLE, VARIABLE_LIST, MAP -> kinds.add(member.kind());
          case SEALED_LIST -> kinds.addAll(List.of(Kind.DENSE, Kind.NORM, Kind.ACT));
          // An open type's modules are unknown: none of its parameters can be matched.
          default -> {}
        }
      }
      if (kinds.contains(Kind.SUB)) {
        kinds.addAll(List.of(Kind.DENSE, Kind.NORM));
      }
      return kinds;
    }

    /** The rank of the parameter at {@code path} from a node, or null if there is none. */
    private Integer rank(Node node, String path) {
      String[] parts = path.split("\\.", 2);
      if (node.kind() == null) { // Net: its own parameters, or a child's
        for (Member member : registered()) {
          if (!member.pathName().equals(parts[0])) {
            continue;
          }
          if (parts.length == 1) {
            return member.form() == Form.OWN_VECTOR
                ? 1
                : member.form() == Form.OWN_MATRIX ? 2 : null;
          }
          return member.form() == Form.CHILD || member.form() == Form.VARIABLE
              ? rank(new Node("", member.kind(), member.modules().get(0), List.of()), parts[1])
              : null;
        }
        return null;
      }
      return switch (node.kind()) {
        case DENSE ->
            parts.length == 1 && parts[0].equals("weight")
                ? Integer.valueOf(2)
                : parts.length == 1 && parts[0].equals("bias") ? Integer.valueOf(1) : null;
        case NORM ->
            parts.length == 1 && (parts[0].equals("weight") || parts[0].equals("bias"))
                ? Integer.valueOf(1)
                : null;
        case ACT -> null;
        case SUB ->
            parts.length == 2 && (parts[0].equals("d") || parts[0].equals("n"))
                ? rank(
                    new Node(
                        "",
                        parts[0].equals("d") ? Kind.DENSE : Kind.NORM,
                        node.module(),
                        List.of()),
                    parts[1])
                : null;
      };
    }

    /** The modules of the tree, Net first, each before its children ({@code modules()}). */
    List<Node> preOrder() {
      List<Node> nodes = new ArrayList<>();
      visit(new Node("", null, null, registered()), nodes, false);
      return nodes;
    }

    List<Node> postOrder() {
      List<Node> nodes = new ArrayList<>();
      visit(new Node("", null, null, registered()), nodes, true);
      return nodes;
    }

    private void visit(Node node, List<Node> out, boolean post) {
      if (!post) {
        out.add(node);
      }
      for (Node child : children(node)) {
        visit(child, out, post);
      }
      if (post) {
        out.add(node);
      }
    }

    /** A node's child modules in registration order. */
    private List<Node> children(Node node) {
      List<Node> children = new ArrayList<>();
      if (node.kind() == null) {
        for (Member member : node.members()) {
          switch (member.form()) {
            case CHILD, VARIABLE -> children.add(node(member.pathName(), member.modules().get(0)));
            case LIST, ARRAY, SEALED_LIST, VARIABLE_LIST -> {
              for (int i = 0; i < member.modules().size(); i++) {
                children.add(node(prefix(member) + i, member.modules().get(i)));
              }
            }
            case MAP -> {
              for (int i : keyOrder(member)) {
                children.add(node(prefix(member) + KEYS.get(i), member.modules().get(i)));
              }
            }
            default -> {}
          }
        }
      } else if (node.kind() == Kind.SUB) {
        int w = node.module().out();
        children.add(
            new Node(node.path() + "d.", Kind.DENSE, new Module(Kind.DENSE, w, w), List.of()));
        children.add(
            new Node(node.path() + "n.", Kind.NORM, new Module(Kind.NORM, w, 0), List.of()));
      }
      return children;
    }

    /** A {@link Form#MAP}'s modules' indices in the order of their keys, a {@code TreeMap}'s. */
    private static List<Integer> keyOrder(Member map) {
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < map.modules().size(); i++) {
        order.add(i);
      }
      order.sort((i, j) -> KEYS.get(i).compareTo(KEYS.get(j)));
      return order;
    }

    /**
     * What a container's elements' names start with: {@code blocks.}, or nothing where it is named
     * {@code ""}, its elements being Net's own children.
     */
    private static String prefix(Member container) {
      return container.pathName().isEmpty() ? "" : container.pathName() + ".";
    }

    private Node node(String path, Module module) {
      return new Node(path + ".", module.kind(), module, List.of());
    }

    /** The diagnostic the case's mistake gives: its tag and the line, in the file it names. */
    record Expected(String file, int line, Message message) {}

    Expected mistake(Map<String, String> files) {
      String net = files.get(c.pkg() + ".Net");
      return switch (c.mistake()) {
        case NONE -> null;
        case REINIT_WITHOUT_NETWORK ->
            new Expected(
                "Loose", lineOf(files.get(c.pkg() + ".Loose"), "class Loose"), c.mistake().message);
        case REINIT_INIT_COUNT, REINIT_ATTRIBUTE, REINIT_ORDER_CONFLICT, REINIT_MATCHES_NOTHING ->
            new Expected("Net", lineOf(net, "class Net"), c.mistake().message);
        case CHILD_UNREADABLE ->
            new Expected(
                "Net", lineOf(net, fieldOf(Form.CHILD, Access.PRIVATE)), c.mistake().message);
        case CHILD_NOT_SEALED ->
            new Expected("Net", lineOf(net, fieldOf(Form.NOT_SEALED, null)), c.mistake().message);
        case UNSUPPORTED_CONTAINER ->
            new Expected("Net", lineOf(net, fieldOf(Form.NESTED, null)), c.mistake().message);
        case CONSTRUCTED_BEFORE_UNKNOWN, CONSTRUCTED_BEFORE_NOT_A_MEMBER ->
            new Expected("Net", lineOf(net, "@ConstructedBefore"), c.mistake().message);
        case NAME_INVALID, NAME_TAKEN, NAME_NOT_A_MEMBER, CONSTRUCTED_BEFORE_ELEMENTS ->
            new Expected("Net", lineOf(net, " " + misnamed().name() + " = "), c.mistake().message);
      };
    }

    /**
     * The member a name mistake is on: the one with an invalid name, the later of two with the same
     * name, or the size with a name.
     */
    private Member misnamed() {
      List<String> earlier = new ArrayList<>();
      c.baseMembers().stream()
          .filter(Generator::isRegistered)
          .forEach(m -> earlier.add(m.pathName()));
      for (Member member : c.members()) {
        boolean mistaken =
            switch (c.mistake()) {
              case NAME_INVALID ->
                  member.renamed() != null && INVALID_NAMES.contains(member.renamed());
              case NAME_TAKEN -> member.renamed() != null && earlier.contains(member.renamed());
              case CONSTRUCTED_BEFORE_ELEMENTS -> "".equals(member.renamed());
              default -> member.form() == Form.SIZE && member.renamed() != null;
            };
        if (mistaken) {
          return member;
        }
        if (Generator.isRegistered(member)) {
          earlier.add(member.pathName());
        }
      }
      throw new IllegalStateException("no misnamed member");
    }

    private String fieldOf(Form form, Access access) {
      for (Member member : c.members()) {
        if (member.form() == form && (access == null || member.access() == access)) {
          return " " + member.name() + " = ";
        }
      }
      throw new IllegalStateException("no " + form);
    }

    private static int lineOf(String text, String part) {
      List<String> lines = text.lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).contains(part)) {
          return i + 1;
        }
      }
      throw new IllegalStateException(part);
    }

    /**
     * The steps of a valid case, in order: construction (superclass members first, each member in
     * declaration order but one constructed before another, each child's own steps, a nested
     * network's rules at the end of its own), then Net's rules, pass by pass, each pass over the
     * modules in its order, at each module its matching rules in the order written.
     */
    List<Step> steps(Object net, Map<Object, Tensor> tensors) throws ReflectiveOperationException {
      List<Step> steps = new ArrayList<>();
      List<Member> order = new ArrayList<>(registered());
      for (Member member : List.copyOf(order)) {
        if (member.before() != null) {
          order.remove(member);
          int at =
              order.indexOf(
                  order.stream()
                      .filter(m -> m.pathName().equals(member.before()))
                      .findFirst()
                      .orElseThrow());
          order.add(at, member);
        }
      }
      for (Member member : order) {
        Object value = read(net, member.name());
        String path = member.pathName();
        switch (member.form()) {
          case OWN_VECTOR -> steps.add(new Step(path, Init.zeros()));
          case OWN_MATRIX -> steps.add(new Step(path, Init.normal(0, 0.02)));
          case CHILD, VARIABLE -> construct(path + ".", value, steps, tensors);
          case LIST, SEALED_LIST, VARIABLE_LIST -> {
            List<?> list = (List<?>) value;
            for (int i = 0; i < list.size(); i++) {
              construct(prefix(member) + i + ".", list.get(i), steps, tensors);
            }
          }
          case ARRAY -> {
            for (int i = 0; i < Array.getLength(value); i++) {
              construct(prefix(member) + i + ".", Array.get(value, i), steps, tensors);
            }
          }
          case MAP -> {
            Map<?, ?> map = (Map<?, ?>) value;
            for (int i : keyOrder(member)) {
              String key = KEYS.get(i);
              construct(prefix(member) + key + ".", map.get(key), steps, tensors);
            }
          }
          default -> {}
        }
      }
      for (int pass : new TreeSet<>(c.rules().stream().map(Rule::pass).toList())) {
        List<Rule> rules = c.rules().stream().filter(rule -> rule.pass() == pass).toList();
        List<Node> nodes = rules.get(0).apply() ? postOrder() : preOrder();
        for (Node node : nodes) {
          for (Rule rule : rules) {
            if (rule.module() != null && rule.module() != node.kind()) {
              continue;
            }
            if (rank(node, rule.parameter()) != null) {
              steps.add(new Step(node.path() + rule.parameter(), rule.init()));
            }
          }
        }
      }
      return steps;
    }

    private void construct(
        String path, Object module, List<Step> steps, Map<Object, Tensor> tensors)
        throws ReflectiveOperationException {
      if (module == null) {
        return;
      }
      switch (module.getClass().getSimpleName()) {
        case "Dense" -> {
          Tensor weight =
              tensors.computeIfAbsent(read(module, "weight"), a -> tensor(path + "weight", a));
          steps.add(new Step(path + "weight", DENSE_WEIGHT));
          steps.add(new Step(path + "bias", Init.torchDefaultBias(weight)));
        }
        case "Norm" -> {
          steps.add(new Step(path + "weight", Init.ones()));
          steps.add(new Step(path + "bias", Init.zeros()));
        }
        case "Sub" -> {
          construct(path + "d.", read(module, "d"), steps, tensors);
          construct(path + "n.", read(module, "n"), steps, tensors);
          if (c.subRule()) {
            steps.add(new Step(path + "d.bias", Init.constant(2)));
          }
        }
        default -> {}
      }
    }
  }

  /** A field's value, wherever it is declared. */
  static Object read(Object object, String name) throws ReflectiveOperationException {
    for (Class<?> type = object.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(object);
      } catch (NoSuchFieldException e) {
        // the superclass's
      }
    }
    throw new NoSuchFieldException(name);
  }

  /**
   * The array at a step's path from the network, its first name a member's ({@code @Name}'s or its
   * field's), read by its field.
   */
  static Object array(Network network, Object net, String path)
      throws ReflectiveOperationException {
    String[] parts = path.split("\\.", 2);
    Member member =
        network.registered().stream()
            .filter(m -> m.pathName().equals(parts[0]))
            .findFirst()
            .orElseGet( // an element of a container named "", Net's own child
                () ->
                    network.registered().stream()
                        .filter(m -> m.pathName().isEmpty())
                        .findFirst()
                        .orElseThrow());
    String fields =
        member.pathName().isEmpty()
            ? member.name() + "." + path
            : member.name() + (parts.length == 2 ? "." + parts[1] : "");
    Object value = net;
    for (String part : fields.split("\\.")) {
      if (value instanceof List<?> list) {
        value = list.get(Integer.parseInt(part));
      } else if (value instanceof Map<?, ?> map) {
        value = map.get(part);
      } else if (value.getClass().isArray()
          && !value.getClass().getComponentType().isPrimitive()
          && !value.getClass().getComponentType().isArray()) {
        value = Array.get(value, Integer.parseInt(part));
      } else {
        value = read(value, part);
      }
    }
    return value;
  }

  static Tensor tensor(String name, Object array) {
    return array instanceof float[][] matrix
        ? FloatTensor.of(name, matrix)
        : FloatTensor.of(name, (float[]) array);
  }

  // ---------------------------------------------------------------- the test

  private final Map<String, Integer> counts = new TreeMap<>();
  private final List<String> failures = new ArrayList<>();

  @Test
  void everyNetworkGetsWhatTheRulesSay() throws Exception {
    Logger log = Logger.getLogger(dev.kinit.Kaiming.class.getName());
    Level level = log.getLevel();
    log.setLevel(Level.OFF);
    Logger defaults = Logger.getLogger(dev.kinit.LayerDefaults.class.getName());
    Level defaultsLevel = defaults.getLevel();
    defaults.setLevel(Level.OFF);
    long start = System.nanoTime();
    try {
      List<Case> valid = new ArrayList<>();
      List<Case> invalid = new ArrayList<>();
      for (int id = 0; id < CASES; id++) {
        Case c = new Generator(id, SEED).generate();
        (c.mistake() == Mistake.NONE ? valid : invalid).add(c);
        count("mistake " + c.mistake());
        c.members().forEach(member -> count("member " + member.form() + " " + member.access()));
        if (c.inherits()) {
          count(c.baseElsewhere() ? "superclass in another package" : "superclass in the package");
        }
        if (c.members().stream().anyMatch(member -> member.before() != null)) {
          count("constructed before");
        }
        if (c.mistake() == Mistake.NONE
            && Stream.concat(c.baseMembers().stream(), c.members().stream())
                .anyMatch(member -> member.renamed() != null)) {
          count("valid with a renamed member");
        }
        if (c.mistake() == Mistake.NONE
            && c.members().stream().anyMatch(member -> "".equals(member.renamed()))) {
          count("valid with a container named \"\"");
        }
        c.rules()
            .forEach(
                rule ->
                    count(
                        "rule "
                            + rule.moduleClass()
                            + (rule.apply() ? " APPLY" : " MODULES")
                            + " pass "
                            + rule.pass()));
        if (c.subRule()) {
          count("nested network with a rule");
        }
      }
      checkValid(valid);
      checkInvalid(invalid);
    } finally {
      log.setLevel(level);
      defaults.setLevel(defaultsLevel);
    }
    System.out.printf(
        Locale.ROOT,
        "NetworkFuzzTest: seed %d, %d cases, %d failed, in %.1f s%n  %s%n",
        SEED,
        CASES,
        failures.size(),
        (System.nanoTime() - start) / 1e9,
        counts);
    assertTrue(
        failures.isEmpty(),
        () ->
            failures.size()
                + " case(s) failed; reproduce with -Dkinit.networkFuzz.seed="
                + SEED
                + "\n\n"
                + String.join("\n\n", failures.subList(0, Math.min(5, failures.size())))
                + "\nAll failed cases:\n"
                + failures.stream()
                    .map(
                        failure ->
                            "  " + failure.lines().limit(3).collect(Collectors.joining(" | ")))
                    .collect(Collectors.joining("\n")));
    if (CASES >= 200) {
      Set<String> unreached = new TreeSet<>();
      for (Mistake mistake : Mistake.values()) {
        if (mistake != Mistake.NONE && !counts.containsKey("reported " + mistake)) {
          unreached.add("reported " + mistake);
        }
      }
      for (Form form : Form.values()) {
        if (counts.keySet().stream().noneMatch(key -> key.startsWith("member " + form + " "))) {
          unreached.add("member " + form);
        }
      }
      for (String key :
          List.of(
              "run: filled",
              "superclass in another package",
              "superclass in the package",
              "constructed before",
              "valid with a renamed member",
              "valid with a container named \"\"",
              "nested network with a rule",
              "rule Sub APPLY pass 1",
              "rule Object MODULES pass 2")) {
        if (!counts.containsKey(key)) {
          unreached.add(key);
        }
      }
      assertEquals(Set.of(), unreached, "kinds of input or outcome the run never reached");
    }
  }

  private static JavaFileObject[] files(List<Case> cases) {
    List<JavaFileObject> files = new ArrayList<>();
    LIBRARY.forEach((name, text) -> files.add(JavaFileObjects.forSourceString(name, text)));
    for (Case c : cases) {
      sources(c).forEach((name, text) -> files.add(JavaFileObjects.forSourceString(name, text)));
    }
    return files.toArray(JavaFileObject[]::new);
  }

  private static Compilation compile(List<Case> cases) {
    return Compiler.javac()
        .withProcessors(new LocalClassChecker(), new KaimingInitProcessor())
        .withOptions("-Xlint:all", "-Xmaxerrs", "100000")
        .compile(files(cases));
  }

  private void checkValid(List<Case> cases) throws Exception {
    if (cases.isEmpty()) {
      return;
    }
    Compilation compilation = compile(cases);
    List<String> problems =
        compilation.diagnostics().stream()
            .filter(d -> d.getKind() != Diagnostic.Kind.NOTE)
            .map(
                d ->
                    d.getSource() == null
                        ? d.getMessage(Locale.ROOT)
                        : d.getSource().getName()
                            + ":"
                            + d.getLineNumber()
                            + " "
                            + d.getMessage(Locale.ROOT))
            .toList();
    if (!problems.isEmpty()) {
      failures.add("valid networks did not compile cleanly:\n  " + String.join("\n  ", problems));
      return;
    }
    CompiledClasses classes = new CompiledClasses(compilation);
    for (Case c : cases) {
      try {
        run(c, classes);
      } catch (Exception | AssertionError e) {
        failures.add(describe(c, e.toString()));
      }
    }
  }

  private void run(Case c, CompiledClasses classes) throws Exception {
    Class<?> net = classes.loadClass(c.pkg() + ".Net");
    Object actual = net.getConstructor().newInstance();
    Object expected = net.getConstructor().newInstance();
    Class<?> initializer = classes.loadClass(c.pkg() + ".NetInitializer");
    // The oracle's steps on the second instance.
    Map<Object, Tensor> tensors = new java.util.IdentityHashMap<>();
    Network network = new Network(c);
    List<Step> steps = network.steps(expected, tensors);
    // A step the runtime rejects (Xavier's std of a weight with no elements, fan 0) makes the plan
    // throw before any write, with the runtime's message behind the parameter's path.
    String rejected = null;
    for (Step step : steps) {
      Object array = array(network, expected, step.name());
      try {
        step.init().check(tensors.computeIfAbsent(array, a -> tensor(step.name(), a)));
      } catch (IllegalArgumentException e) {
        rejected = e.getMessage();
        break;
      }
    }
    InitPlan plan;
    try {
      plan = (InitPlan) initializer.getMethod("plan", actual.getClass()).invoke(null, actual);
    } catch (InvocationTargetException e) {
      if (rejected != null
          && e.getCause() instanceof IllegalArgumentException
          && e.getCause().getMessage().endsWith(rejected)) {
        count("run: rejected");
      } else {
        failures.add(
            describe(c, "plan threw " + e.getCause() + ", where the runtime rejects " + rejected));
      }
      return;
    }
    if (rejected != null) {
      failures.add(describe(c, "plan did not throw, where the runtime rejects " + rejected));
      return;
    }
    List<String> names = steps.stream().map(Step::name).toList();
    List<String> planned = plan.steps().stream().map(InitPlan.Step::name).toList();
    if (!names.equals(planned)) {
      failures.add(describe(c, "steps\n  planned  " + planned + "\n  expected " + names));
      return;
    }
    long seed = c.id() * 31L + 7;
    try {
      initializer
          .getMethod("initialize", actual.getClass(), RandomGenerator.class)
          .invoke(null, actual, new SplittableRandom(seed));
    } catch (InvocationTargetException e) {
      failures.add(describe(c, "initialize threw " + e.getCause()));
      return;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (Step step : steps) {
      Object array = array(network, expected, step.name());
      step.init().fill(tensors.computeIfAbsent(array, a -> tensor(step.name(), a)), random);
    }
    for (String name : new LinkedHashSet<>(names)) {
      Object want = array(network, expected, name);
      Object got = array(network, actual, name);
      if (!Arrays.deepEquals(new Object[] {want}, new Object[] {got})) {
        failures.add(
            describe(
                c,
                name
                    + " differs: expected "
                    + Arrays.deepToString(new Object[] {want})
                    + " but was "
                    + Arrays.deepToString(new Object[] {got})));
        return;
      }
    }
    count("run: filled");
  }

  private void checkInvalid(List<Case> cases) {
    if (cases.isEmpty()) {
      return;
    }
    Compilation compilation = compile(cases);
    Map<String, Set<String>> reported = new TreeMap<>();
    for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
      if (d.getKind() == Diagnostic.Kind.NOTE || d.getSource() == null) {
        continue;
      }
      String file = d.getSource().getName();
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("nfuzz/(n\\d{4})/(?:base/)?(\\w+)\\.java").matcher(file);
      String key = m.find() ? m.group(1) : "?";
      String name = m.find(0) ? m.group(2) : file;
      String message = d.getMessage(Locale.ROOT);
      String tag =
          message.startsWith("[kinit.") ? message.substring(0, message.indexOf(']') + 1) : "javac";
      reported
          .computeIfAbsent(key, k -> new TreeSet<>())
          .add(
              d.getKind()
                  + " "
                  + name
                  + ":"
                  + d.getLineNumber()
                  + " "
                  + tag
                  + (tag.equals("javac") ? " " + message : ""));
    }
    for (Case c : cases) {
      Network.Expected expected = new Network(c).mistake(sources(c));
      String want =
          "ERROR " + expected.file() + ":" + expected.line() + " " + expected.message().tag();
      Set<String> got =
          reported.getOrDefault(String.format(Locale.ROOT, "n%04d", c.id()), Set.of());
      if (!got.equals(Set.of(want))) {
        failures.add(describe(c, "diagnostics\n  expected " + want + "\n  reported " + got));
      } else {
        count("reported " + c.mistake());
      }
    }
  }

  private void count(String key) {
    counts.merge(key, 1, Integer::sum);
  }

  private static String describe(Case c, String problem) {
    StringBuilder text =
        new StringBuilder("case " + c.id() + " (" + c.mistake() + "): " + problem + "\n");
    sources(c)
        .forEach(
            (name, source) -> {
              if (name.endsWith("Net") || name.endsWith("Loose")) {
                text.append("// ").append(name).append('\n');
                List<String> lines = source.lines().toList();
                for (int i = 0; i < lines.size(); i++) {
                  text.append(String.format(Locale.ROOT, "%3d %s%n", i + 1, lines.get(i)));
                }
              }
            });
    return text.toString();
  }
}
