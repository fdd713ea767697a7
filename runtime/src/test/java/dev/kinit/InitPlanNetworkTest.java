package dev.kinit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A network's plan built as generated initializers build it (children one by one, in a list and in
 * an array, a tied weight, {@code @Reinit} rules on a child's parameter): the order its steps run
 * in, its fill numbers, {@code named_parameters()} and the {@code print(model)}-like description.
 */
class InitPlanNetworkTest {

  static final class Conv {
    final float[][] weight;

    Conv(int out, int in) {
      weight = new float[out][in];
    }
  }

  static final class Norm {
    final float[] weight = new float[4];
    final float[] bias = new float[4];
  }

  static final class Block {
    final Conv conv = new Conv(4, 4);
    final Norm norm = new Norm();
  }

  static final class Linear {
    final float[][] weight;
    final float[] bias = new float[2];

    Linear(float[][] weight) {
      this.weight = weight;
    }
  }

  /**
   * As in PyTorch: a stem, a {@code ModuleList} of blocks, heads, and a head tied to {@code fc}.
   */
  static final class Net {
    final Conv stem = new Conv(4, 3);
    final List<Block> blocks = List.of(new Block(), new Block());
    final Linear[] heads = {new Linear(new float[2][4])};
    final Linear fc = new Linear(new float[2][4]);
    final Linear tied = new Linear(fc.weight);
  }

  // The plans, as the processor writes them.

  static InitPlan conv(Conv layer) {
    InitPlan.Builder plan = InitPlan.builder(layer, Conv.class);
    plan.add("weight", FloatTensor.of("Conv.weight", layer.weight), Init.normal(0, 1));
    return plan.build();
  }

  static InitPlan norm(Norm layer) {
    InitPlan.Builder plan = InitPlan.builder(layer, Norm.class);
    plan.add("weight", FloatTensor.of("Norm.weight", layer.weight), Init.ones());
    plan.add("bias", FloatTensor.of("Norm.bias", layer.bias), Init.zeros());
    return plan.build();
  }

  static InitPlan block(Block block) {
    InitPlan.Builder plan = InitPlan.builder(block, Block.class);
    plan.child("conv", block.conv, InitPlanNetworkTest::conv);
    plan.child("norm", block.norm, InitPlanNetworkTest::norm);
    return plan.build();
  }

  static InitPlan linear(Linear layer) {
    InitPlan.Builder plan = InitPlan.builder(layer, Linear.class);
    plan.add("weight", FloatTensor.of("Linear.weight", layer.weight), Init.normal(0, 0.02));
    plan.add("bias", FloatTensor.of("Linear.bias", layer.bias), Init.zeros());
    return plan.build();
  }

  static InitPlan net(Net net) {
    InitPlan.Builder plan = InitPlan.builder(net, Net.class);
    plan.child("stem", net.stem, InitPlanNetworkTest::conv);
    plan.children("blocks", net.blocks, InitPlanNetworkTest::block);
    plan.children("heads", net.heads, InitPlanNetworkTest::linear);
    plan.child("fc", net.fc, InitPlanNetworkTest::linear);
    plan.child("tied", net.tied, InitPlanNetworkTest::linear);
    // @Reinit(module = Conv.class, parameter = "weight", normal = @NormalInit(std = 0.1))
    // @Reinit(module = Block.class, parameter = "norm.weight", constant = @ConstantInit(0.5))
    plan.reinit(
        List.of(
            new InitPlan.Rule(1, Traversal.MODULES, Conv.class, "weight", Init.normal(0, 0.1)),
            new InitPlan.Rule(
                1, Traversal.MODULES, Block.class, "norm.weight", Init.constant(0.5))));
    return plan.build();
  }

  @Test
  void stepsRunInConstructionOrderThenTheRulesModuleByModule() {
    List<InitPlan.Step> steps = net(new Net()).steps();
    assertEquals(
        List.of(
            "stem.weight",
            "blocks.0.conv.weight",
            "blocks.0.norm.weight",
            "blocks.0.norm.bias",
            "blocks.1.conv.weight",
            "blocks.1.norm.weight",
            "blocks.1.norm.bias",
            "heads.0.weight",
            "heads.0.bias",
            "fc.weight",
            "fc.bias",
            "tied.weight",
            "tied.bias",
            // the rules' pass: each module in turn, from the network down (pre-order), each rule
            // of the pass that matches it
            "stem.weight",
            "blocks.0.norm.weight",
            "blocks.0.conv.weight",
            "blocks.1.norm.weight",
            "blocks.1.conv.weight"),
        steps.stream().map(InitPlan.Step::name).toList());
  }

  @Test
  void fillNumbersCountOnlyTheStepsThatDraw() {
    List<Long> fills = net(new Net()).steps().stream().map(InitPlan.Step::fill).toList();
    // normal_ draws; ones_, zeros_ and constant_ do not (-1)
    assertEquals(
        List.of(0L, 1L, -1L, -1L, 2L, -1L, -1L, 3L, -1L, 4L, -1L, 5L, -1L, 6L, -1L, 7L, -1L, 8L),
        fills);
  }

  @Test
  void parametersAreNamedAsNamedParametersNamesThemATiedOneOnce() {
    List<InitPlan.Parameter> parameters = net(new Net()).parameters();
    assertEquals(
        List.of(
            "stem.weight",
            "blocks.0.conv.weight",
            "blocks.0.norm.weight",
            "blocks.0.norm.bias",
            "blocks.1.conv.weight",
            "blocks.1.norm.weight",
            "blocks.1.norm.bias",
            "heads.0.weight",
            "heads.0.bias",
            "fc.weight",
            "fc.bias",
            "tied.bias"),
        parameters.stream().map(InitPlan.Parameter::name).toList());
    InitPlan.Parameter fc = parameters.get(9);
    assertEquals(List.of("tied.weight"), fc.alsoNamed());
    // Both heads' steps write the one array: the tied head's, the later, decides its values.
    assertEquals(
        List.of("fc.weight", "tied.weight"), fc.steps().stream().map(InitPlan.Step::name).toList());
    assertEquals(List.of(), parameters.get(10).alsoNamed());
  }

  @Test
  void theDescriptionIsTheModuleTreeWithWhatInitialisesEachParameterInTheEnd() {
    assertEquals(
        """
        Net
          stem: Conv
            weight [4, 3]  normal_(mean=0.0, std=0.1); fill 6 (after 1 earlier)
          blocks: List
            0: Block
              conv: Conv
                weight [4, 4]  normal_(mean=0.0, std=0.1); fill 7 (after 1 earlier)
              norm: Norm
                weight [4]  constant_(val=0.5); draws nothing (after 1 earlier)
                bias [4]  zeros_(); draws nothing
            1: Block
              conv: Conv
                weight [4, 4]  normal_(mean=0.0, std=0.1); fill 8 (after 1 earlier)
              norm: Norm
                weight [4]  constant_(val=0.5); draws nothing (after 1 earlier)
                bias [4]  zeros_(); draws nothing
          heads: List
            0: Linear
              weight [2, 4]  normal_(mean=0.0, std=0.02); fill 3
              bias [2]  zeros_(); draws nothing
          fc: Linear
            weight [2, 4]  normal_(mean=0.0, std=0.02); fill 5 (after 1 earlier)
            bias [2]  zeros_(); draws nothing
          tied: Linear
            weight [2, 4]  tied to fc.weight
            bias [2]  zeros_(); draws nothing
        """,
        net(new Net()).describe());
  }

  @Test
  void aLayerAloneIsDescribedWithItsFillNumbers() {
    assertEquals(
        """
        Linear
          weight [2, 4]  normal_(mean=0.0, std=0.02); fill 0
          bias [2]  zeros_(); draws nothing
        """,
        linear(new Linear(new float[2][4])).describe());
  }

  @Test
  void absentContainersAreLeftOutAndANullElementIsNamed() {
    Net net = new Net();
    InitPlan.Builder plan = InitPlan.builder(net, Net.class);
    plan.children("blocks", (List<Block>) null, InitPlanNetworkTest::block);
    plan.children("heads", (Linear[]) null, InitPlanNetworkTest::linear);
    plan.child("fc", net.fc, InitPlanNetworkTest::linear);
    assertEquals(
        List.of("fc.weight", "fc.bias"),
        plan.build().steps().stream().map(InitPlan.Step::name).toList());

    NullPointerException e =
        assertThrows(
            NullPointerException.class,
            () ->
                InitPlan.builder(net)
                    .children(
                        "blocks",
                        Arrays.asList(new Block(), null, new Block()),
                        InitPlanNetworkTest::block));
    assertEquals("blocks.1 is null; expected a module", e.getMessage());
    Linear[] heads = {null};
    e =
        assertThrows(
            NullPointerException.class,
            () -> InitPlan.builder(net).children("heads", heads, InitPlanNetworkTest::linear));
    assertEquals("heads.0 is null; expected a module", e.getMessage());
  }

  /**
   * A module that is itself a container ({@code nn.Sequential} subclass): its elements are its own
   * children, named by index, visited by rules as its children; an absent list adds nothing, a null
   * element is named, and an element's index taken by another member is refused.
   */
  @Test
  void elementsAreTheModulesOwnChildren() {
    Net net = new Net();
    InitPlan.Builder stage = InitPlan.builder(net.blocks);
    stage.elements(net.blocks, InitPlanNetworkTest::block);
    stage.elements((Linear[]) null, InitPlanNetworkTest::linear);
    stage.reinit(
        List.of(
            new InitPlan.Rule(
                1, Traversal.MODULES, Object.class, "1.norm.weight", Init.constant(0.5))));
    InitPlan plan = stage.build();
    assertEquals(
        List.of(
            "0.conv.weight",
            "0.norm.weight",
            "0.norm.bias",
            "1.conv.weight",
            "1.norm.weight",
            "1.norm.bias",
            "1.norm.weight"),
        plan.steps().stream().map(InitPlan.Step::name).toList());

    NullPointerException e =
        assertThrows(
            NullPointerException.class,
            () ->
                InitPlan.builder(net)
                    .elements(
                        new Linear[] {new Linear(new float[2][2]), null},
                        InitPlanNetworkTest::linear));
    assertEquals("1 is null; expected a module", e.getMessage());
    InitPlan.Builder taken = InitPlan.builder(net);
    taken.add("1", FloatTensor.of("1", new float[2]), Init.zeros());
    IllegalArgumentException clash =
        assertThrows(
            IllegalArgumentException.class,
            () -> taken.elements(net.blocks, InitPlanNetworkTest::block));
    assertEquals("a member named 1 was added", clash.getMessage());
  }

  /**
   * A {@code ModuleDict}: a map's modules named by their keys in its order, as a child or as the
   * module's own entries; an absent map keeps its place for a member built before it, a map of one
   * module needs no order; a map without a defined order, a key that is no name, a null key or
   * module are refused, naming the entry.
   */
  @Test
  void aMapsModulesAreNamedByTheirKeysInItsOrder() {
    Map<String, Block> blocks = new LinkedHashMap<>();
    blocks.put("second", new Block());
    blocks.put("first", new Block());
    InitPlan.Builder plan = InitPlan.builder(new Object());
    plan.children("dict", blocks, InitPlanNetworkTest::block);
    plan.elements(
        new TreeMap<>(Map.of("b", new Block(), "a", new Block())), InitPlanNetworkTest::block);
    plan.children("absent", (Map<String, Block>) null, InitPlanNetworkTest::block);
    plan.children(
        "one", Map.of("only", new Block()), InitPlanNetworkTest::block); // no order needed
    plan.add("scale", FloatTensor.of("scale", new float[2]), Init.ones());
    plan.constructBefore("scale", "absent"); // where the absent map would have been
    assertEquals(
        List.of(
            "dict.second.conv.weight",
            "dict.second.norm.weight",
            "dict.second.norm.bias",
            "dict.first.conv.weight",
            "dict.first.norm.weight",
            "dict.first.norm.bias",
            "a.conv.weight",
            "a.norm.weight",
            "a.norm.bias",
            "b.conv.weight",
            "b.norm.weight",
            "b.norm.bias",
            "scale",
            "one.only.conv.weight",
            "one.only.norm.weight",
            "one.only.norm.bias"),
        plan.build().steps().stream().map(InitPlan.Step::name).toList());
    assertTrue(plan.build().describe().contains("dict: Map"), plan.build().describe());

    Map<String, Block> unordered = new HashMap<>(Map.of("a", new Block(), "b", new Block()));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                InitPlan.builder(new Object())
                    .children("dict", unordered, InitPlanNetworkTest::block));
    assertEquals(
        "dict: a java.util.HashMap has no defined order; expected a LinkedHashMap or a SortedMap,"
            + " since the order of a ModuleDict's modules decides their construction",
        e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> InitPlan.builder(new Object()).elements(unordered, InitPlanNetworkTest::block));
    assertTrue(e.getMessage().startsWith("the module: a java.util.HashMap"), e.getMessage());
    for (String key : List.of("", "a.b", "a b")) {
      Map<String, Block> bad = new TreeMap<>(Map.of(key, new Block()));
      e =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  InitPlan.builder(new Object()).children("dict", bad, InitPlanNetworkTest::block));
      assertEquals(
          "dict: \""
              + key
              + "\" is no name; expected a key that is not empty and has no '.' (the separator of"
              + " a path's names), whitespace or control character",
          e.getMessage());
    }
    Map<String, Block> nullModule = new LinkedHashMap<>();
    nullModule.put("a", null);
    NullPointerException npe =
        assertThrows(
            NullPointerException.class,
            () ->
                InitPlan.builder(new Object())
                    .children("dict", nullModule, InitPlanNetworkTest::block));
    assertEquals("dict.a is null; expected a module", npe.getMessage());
    Map<String, Block> nullKey = new LinkedHashMap<>();
    nullKey.put(null, new Block());
    npe =
        assertThrows(
            NullPointerException.class,
            () -> InitPlan.builder(new Object()).elements(nullKey, InitPlanNetworkTest::block));
    assertEquals("the module has a null key; expected a name", npe.getMessage());
  }

  /**
   * {@code @ConstructedBefore} through an absent child: PyTorch constructs {@code c} before {@code
   * head} (None here), and {@code head} where it is constructed, before {@code a}; so {@code c} is
   * built first, as it is when {@code head} is present. It was built last: the absent child's place
   * did not move.
   */
  @Test
  void aMemberConstructedBeforeAnAbsentChildThatIsItselfMovedFollowsIt() {
    for (Conv head : new Conv[] {new Conv(1, 1), null}) {
      InitPlan.Builder plan = InitPlan.builder(new Object());
      plan.add("a", FloatTensor.of("a", new float[2]), Init.zeros());
      plan.add("b", FloatTensor.of("b", new float[2]), Init.zeros());
      plan.child("head", head, InitPlanNetworkTest::conv);
      plan.constructBefore("head", "a");
      plan.add("c", FloatTensor.of("c", new float[2]), Init.zeros());
      plan.constructBefore("c", "head");
      List<String> expected =
          head != null ? List.of("c", "head.weight", "a", "b") : List.of("c", "a", "b");
      assertEquals(expected, plan.build().steps().stream().map(InitPlan.Step::name).toList());
    }
  }
}
