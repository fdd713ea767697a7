package dev.kinit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as a network: a tree of modules, as a PyTorch {@code nn.Module} holds submodules.
 * The kinit annotation processor generates {@code XInitializer.initialize(network, random)}, which
 * initialises the whole tree in one call, in the order PyTorch would:
 *
 * <ol>
 *   <li>every member in declaration order, superclass first: a child module (a layer, a class with
 *       annotated fields; another {@code @Network}; a {@code List} or array of them, named {@code
 *       0}, {@code 1}, …; a sealed type, dispatched over its permitted subclasses) through its own
 *       initializer, and the network's own annotated arrays. This is PyTorch's construction, where
 *       every module's constructor runs its default initialisation ({@link ConstructedBefore} moves
 *       a member that PyTorch builds earlier than it registers it);
 *   <li>then the network's own scheme, its {@link Reinit} rules, which re-initialise parameters of
 *       the tree by module type, as a model's {@code __init__} does after building its modules
 *       ({@code for m in self.modules(): …}, {@code self.apply(…)}).
 * </ol>
 *
 * <p>Every array of the tree is checked before any element is written. Parameters are named by
 * their path, as PyTorch names them ({@code layer1.0.conv1.weight}); {@code
 * XInitializer.plan(network).describe()} lists each with its shape, initialisation, scale and fill
 * number. A field whose type is not a module (a size, an activation, a list of numbers) is not a
 * member; a {@code null} child is absent, as PyTorch's {@code None}.
 *
 * <pre>{@code
 * @Network
 * @Reinit(module = Conv2d.class, parameter = "weight",
 *     kaiming = @KaimingInit(mode = FAN_OUT, nonlinearity = RELU))
 * final class Net {
 *   final Conv2d conv1 = new Conv2d(3, 64, 7);
 *   final List<Block> blocks = List.of(new Block(64), new Block(64));
 *   final Linear fc = new Linear(64, 10);
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Network {}
