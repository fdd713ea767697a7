/**
 * The kinit annotation processor: compile time only, so it goes on the compiler's processor path,
 * not on the class path. With Maven:
 *
 * <pre>{@code
 * <plugin>
 *   <artifactId>maven-compiler-plugin</artifactId>
 *   <version>3.14.1</version>
 *   <configuration>
 *     <release>17</release>
 *     <annotationProcessorPaths>
 *       <path>
 *         <groupId>dev.kinit</groupId>
 *         <artifactId>kinit-processor</artifactId>
 *       </path>
 *     </annotationProcessorPaths>
 *   </configuration>
 * </plugin>
 * }</pre>
 *
 * <p>(the version comes from the {@code kinit-bom}). For a class {@code Conv2d} with annotated
 * fields, {@link dev.kinit.processor.KaimingInitProcessor} generates {@code
 * Conv2dInitializer.initialize(Conv2d layer, RandomGenerator random)}, and reports an invalid
 * configuration as a compile error tagged {@code [kinit.…]} at the field or attribute at fault;
 * {@link dev.kinit.processor.LocalClassChecker} reports annotations javac shows no processor.
 *
 * <p>The pieces: {@code model} (what a valid layer is, as plain values), {@code rules} (the checks,
 * once for every front end, and the message catalogue), {@code javac} (the front end over javac's
 * elements), {@code writer} (the generated source).
 */
package dev.kinit.processor;
