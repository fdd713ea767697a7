package dev.kinit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** How a plan reports a step it cannot run: a child's problem with the child's path in front. */
class InitPlanTest {

  /** A tensor {@code Init.orthogonal} rejects: one dimension. */
  private static Tensor vector(String name) {
    return FloatTensor.of(name, new float[3]);
  }

  private static String problem(InitPlan.Builder plan) {
    return assertThrows(IllegalArgumentException.class, plan::build).getMessage();
  }

  private static String rejected(Tensor tensor) {
    return assertThrows(IllegalArgumentException.class, () -> Init.orthogonal(1).check(tensor))
        .getMessage();
  }

  @Test
  void aChildsProblemHasItsPathInFront() {
    Tensor tensor = vector("Linear.weight");
    InitPlan.Builder plan = InitPlan.builder(new Object());
    IllegalArgumentException thrown =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                plan.child(
                    "head",
                    new Object(),
                    module -> {
                      InitPlan.Builder own = InitPlan.builder(module);
                      own.add("weight", tensor, Init.orthogonal(1));
                      return own.build();
                    }));
    assertEquals("head: " + rejected(tensor), thrown.getMessage());
  }

  @Test
  void aRuleOnAChildsParameterHasTheChildsPathInFront() {
    Tensor tensor = vector("Linear.weight");
    InitPlan.Builder plan = InitPlan.builder(new Object());
    plan.child(
        "head",
        new Object(),
        module -> {
          InitPlan.Builder own = InitPlan.builder(module);
          own.add("weight", tensor, Init.zeros());
          return own.build();
        });
    plan.reinit(
        java.util.List.of(
            new InitPlan.Rule(1, Traversal.MODULES, Object.class, "weight", Init.orthogonal(1))));
    assertEquals("head: " + rejected(tensor), problem(plan));
  }

  @Test
  void aParameterOfTheModuleIsReportedAsItsTensorSays() {
    Tensor tensor = vector("Linear.weight");
    InitPlan.Builder plan = InitPlan.builder(new Object());
    plan.add("weight", tensor, Init.orthogonal(1));
    assertEquals(rejected(tensor), problem(plan));
  }

  /**
   * Found by ProcessorFuzzTest: a parameter of the module itself whose name has a dot (generated
   * initializers name a field hidden by another of the same name {@code Base.weight}) was reported
   * as a problem of a child named by what comes before the dot.
   */
  @Test
  void aParameterWithADotInItsNameIsNoChild() {
    Tensor tensor = vector("Base.weight");
    InitPlan.Builder plan = InitPlan.builder(new Object());
    plan.add("Base.weight", tensor, Init.orthogonal(1));
    assertEquals(rejected(tensor), problem(plan));
  }

  /**
   * Found by NetworkFuzzTest: a member constructed before a child that is absent ({@code null},
   * PyTorch's {@code None}) made the plan throw "no member named"; it is constructed where the
   * absent child would have been, and nothing else moves.
   */
  @Test
  void aMemberConstructedBeforeAnAbsentChildTakesItsPlace() {
    InitPlan.Builder plan = InitPlan.builder(new Object());
    plan.add("stem", FloatTensor.of("stem", new float[2]), Init.zeros());
    plan.child("head", null, module -> InitPlan.builder(module).build());
    plan.add("mid", FloatTensor.of("mid", new float[2]), Init.zeros());
    plan.children(
        "blocks", (java.util.List<Object>) null, module -> InitPlan.builder(module).build());
    plan.add("tail", FloatTensor.of("tail", new float[2]), Init.zeros());
    plan.add("scale", FloatTensor.of("scale", new float[2]), Init.ones());
    plan.constructBefore("scale", "head");
    plan.add("pos", FloatTensor.of("pos", new float[2]), Init.ones());
    plan.constructBefore("pos", "blocks");
    assertEquals(
        java.util.List.of("stem", "scale", "mid", "pos", "tail"),
        plan.build().steps().stream().map(InitPlan.Step::name).toList());
  }

  /** An absent optional parameter ({@code float @Nullable [] gate = null}) keeps its place too. */
  @Test
  void aMemberConstructedBeforeAnAbsentParameterTakesItsPlace() {
    InitPlan.Builder plan = InitPlan.builder(new Object());
    plan.add("stem", FloatTensor.of("stem", new float[2]), Init.zeros());
    plan.absent("gate");
    plan.add("tail", FloatTensor.of("tail", new float[2]), Init.zeros());
    plan.add("scale", FloatTensor.of("scale", new float[2]), Init.ones());
    plan.constructBefore("scale", "gate");
    assertEquals(
        java.util.List.of("stem", "scale", "tail"),
        plan.build().steps().stream().map(InitPlan.Step::name).toList());
  }

  @Test
  void aMemberConstructedBeforeANameNeverAddedIsRefused() {
    InitPlan.Builder plan = InitPlan.builder(new Object());
    plan.add("scale", FloatTensor.of("scale", new float[2]), Init.ones());
    assertThrows(IllegalArgumentException.class, () -> plan.constructBefore("scale", "nope"));
  }
}
