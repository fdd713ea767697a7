package dev.kinit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A generated initializer plans a module as the class it was generated for ({@code
 * InitPlan.builder(layer, Conv.class)}); a subclass with a generated initializer of its own (found
 * beside it by the naming rule, {@code Outer.Inner} → {@code Outer_InnerInitializer}) has
 * parameters or rules that plan would miss, so it is refused, naming the initializer to call. The
 * initializers here are written by hand as the processor writes them (below this class).
 */
class InitializersTest {

  /** A layer with a generated initializer, {@link InitializersTest_ConvInitializer}. */
  static class Conv {
    final float[][] weight = new float[4][3];
  }

  /** Adds a parameter: its own initializer, {@link InitializersTest_ScaledConvInitializer}. */
  static class ScaledConv extends Conv {
    final float[] scale = new float[4];
  }

  /** Below {@link ScaledConv}, without an initializer of its own. */
  static class DeepConv extends ScaledConv {}

  /** A subclass that adds nothing the processor would see: no initializer of its own. */
  static class PlainConv extends Conv {}

  /** A subclass beside which a class of the initializer's name has an instance {@code plan}. */
  static class HelpedConv extends Conv {}

  /**
   * A subclass beside which a class of the initializer's name has a {@code plan} of another type.
   */
  static class CountedConv extends Conv {}

  private static String refusal(Conv module) {
    return assertThrows(IllegalArgumentException.class, () -> InitPlan.builder(module, Conv.class))
        .getMessage();
  }

  @Test
  void aSubclassWithItsOwnInitializerIsRefusedNamingIt() {
    String message = refusal(new ScaledConv());
    String own = "dev.kinit.InitializersTest_ScaledConvInitializer";
    assertTrue(
        message.startsWith(
            "ScaledConv is a subclass of Conv with an initializer of its own, " + own + ","),
        message);
    assertTrue(message.contains("expected " + own + ".plan or .initialize for it"), message);
    assertTrue(message.contains("declare the field as ScaledConv"), message);
  }

  @Test
  void theOwnInitializerOfAClassInBetweenIsFoundToo() {
    String message = refusal(new DeepConv());
    assertTrue(
        message.startsWith(
            "DeepConv is a subclass of Conv with an initializer of its own,"
                + " dev.kinit.InitializersTest_ScaledConvInitializer,"),
        message);
    assertTrue(message.contains("declare the field as ScaledConv"), message);
    // Planned by the initializer of the class in between, it misses nothing.
    DeepConv deep = new DeepConv();
    InitPlan plan = InitializersTest_ScaledConvInitializer.plan(deep);
    assertEquals(
        List.of("weight", "scale"), plan.steps().stream().map(InitPlan.Step::name).toList());
  }

  @Test
  void aSubclassWithoutAnInitializerIsPlannedAsItsSuperclass() {
    PlainConv plain = new PlainConv();
    InitPlan plan = InitializersTest_ConvInitializer.plan(plain);
    assertSame(plain, plan.module());
    assertEquals(List.of("weight"), plan.steps().stream().map(InitPlan.Step::name).toList());
    assertEquals("PlainConv\n  weight [4, 3]  ones_(); draws nothing\n", plan.describe());
  }

  @Test
  void aClassOfTheInitializersNameWithoutAStaticPlanReturningAPlanIsNoInitializer() {
    // A user's own class may happen to have the name; only what the processor writes counts.
    assertEquals(1, InitializersTest_ConvInitializer.plan(new HelpedConv()).steps().size());
    assertEquals(1, InitializersTest_ConvInitializer.plan(new CountedConv()).steps().size());
  }

  @Test
  void anonymousAndLocalSubclassesHaveNoInitializer() {
    class LocalConv extends Conv {}
    assertEquals(1, InitializersTest_ConvInitializer.plan(new LocalConv()).steps().size());
    assertEquals(1, InitializersTest_ConvInitializer.plan(new Conv() {}).steps().size());
  }

  /**
   * What planning each kind of subclass as a {@link Conv} gives, in the loader of these classes:
   * its steps, or the start of the refusal.
   */
  static List<String> outcomes() {
    class LocalConv extends Conv {}
    List<String> outcomes = new ArrayList<>();
    for (Conv module :
        List.of(
            new ScaledConv(),
            new DeepConv(),
            new PlainConv(),
            new HelpedConv(),
            new CountedConv(),
            new LocalConv(),
            new Conv() {})) {
      try {
        outcomes.add(
            InitializersTest_ConvInitializer.plan(module).steps().stream()
                .map(InitPlan.Step::name)
                .toList()
                .toString());
      } catch (IllegalArgumentException e) {
        outcomes.add(e.getMessage().substring(0, e.getMessage().indexOf(", whose")));
      }
    }
    return outcomes;
  }

  /**
   * A module class from another loader (an application server's, a notebook's) has its initializer
   * looked up in that loader, beside it, and each class of each loader on its own.
   */
  @Test
  void aModuleOfAnotherClassLoaderHasItsInitializerLookedUpThere() throws Exception {
    Class<?> isolated =
        new Isolated(getClass().getClassLoader()).loadClass(InitializersTest.class.getName());
    assertNotSame(InitializersTest.class, isolated);
    Method outcomes = isolated.getDeclaredMethod("outcomes");
    outcomes.setAccessible(true);
    String refused = "is a subclass of Conv with an initializer of its own, ";
    assertEquals(
        List.of(
            "ScaledConv " + refused + "dev.kinit.InitializersTest_ScaledConvInitializer",
            "DeepConv " + refused + "dev.kinit.InitializersTest_ScaledConvInitializer",
            "[weight]",
            "[weight]",
            "[weight]",
            "[weight]",
            "[weight]"),
        outcomes.invoke(null));
  }

  /**
   * Loads this class, its nested classes and the initializers beside it anew; the rest as usual.
   */
  private static final class Isolated extends ClassLoader {
    Isolated(ClassLoader parent) {
      super(parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith(InitializersTest.class.getName())) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        if (loaded != null) {
          return loaded;
        }
        String file = name.replace('.', '/') + ".class";
        try (InputStream in = getParent().getResourceAsStream(file)) {
          if (in == null) {
            throw new ClassNotFoundException(name);
          }
          byte[] bytes = in.readAllBytes();
          return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
          throw new ClassNotFoundException(name, e);
        }
      }
    }
  }

  @Test
  void theClassItselfIsPlannedByItsOwnInitializer() {
    ScaledConv scaled = new ScaledConv();
    assertEquals(2, InitializersTest_ScaledConvInitializer.plan(scaled).steps().size());
  }
}

/** As the processor writes it for {@link InitializersTest.Conv}. */
final class InitializersTest_ConvInitializer {
  private InitializersTest_ConvInitializer() {}

  public static InitPlan plan(InitializersTest.Conv layer) {
    InitPlan.Builder plan = InitPlan.builder(layer, InitializersTest.Conv.class);
    plan.add("weight", FloatTensor.of("Conv.weight", layer.weight), Init.ones());
    return plan.build();
  }
}

/** As the processor writes it for {@link InitializersTest.ScaledConv}. */
final class InitializersTest_ScaledConvInitializer {
  private InitializersTest_ScaledConvInitializer() {}

  public static InitPlan plan(InitializersTest.ScaledConv layer) {
    InitPlan.Builder plan = InitPlan.builder(layer, InitializersTest.ScaledConv.class);
    plan.add("weight", FloatTensor.of("Conv.weight", layer.weight), Init.ones());
    plan.add("scale", FloatTensor.of("ScaledConv.scale", layer.scale), Init.zeros());
    return plan.build();
  }
}

/** Not an initializer: its {@code plan} is an instance method. */
final class InitializersTest_HelpedConvInitializer {
  public InitPlan plan(InitializersTest.HelpedConv layer) {
    return InitPlan.builder(layer).build();
  }
}

/** Not an initializer: its {@code plan} returns something else. */
final class InitializersTest_CountedConvInitializer {
  private InitializersTest_CountedConvInitializer() {}

  public static int plan(InitializersTest.CountedConv layer) {
    return 0;
  }
}
