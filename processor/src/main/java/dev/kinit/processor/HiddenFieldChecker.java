package dev.kinit.processor;

import com.google.auto.service.AutoService;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import dev.kinit.KaimingInit;
import java.util.HashSet;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Reports {@code @KaimingInit} and {@code @TorchDefaultInit} fields in local and anonymous classes,
 * which javac never shows to {@link KaimingInitProcessor}: they are not members of any type it
 * enters, so without this check they would be silently ignored.
 *
 * <p>A processor of its own because it must see every source file, annotated or not ({@code "*"}),
 * yet claim nothing, while {@code KaimingInitProcessor} claims {@code @KaimingInit}. javac runs
 * processors in the order of {@code META-INF/services}, which AutoService sorts by name: this one
 * comes first, so it is called in every round before the annotation is claimed.
 *
 * <p>It reads javac's source trees ({@code com.sun.source}), so it sees what was written:
 * {@code @KaimingInit} imported from {@code dev.kinit} or written in full. Where the compiler does
 * not expose its trees (Gradle's incremental wrappers, non-javac compilers) it does nothing.
 */
@AutoService(Processor.class)
public final class HiddenFieldChecker extends AbstractProcessor {

  private static final String PACKAGE = KaimingInit.class.getPackageName();

  private Trees trees;

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public synchronized void init(ProcessingEnvironment environment) {
    super.init(environment);
    try {
      trees = Trees.instance(environment);
    } catch (IllegalArgumentException | LinkageError notJavac) {
      trees = null;
    }
  }

  /** Checks this round's source files; claims nothing. */
  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (trees == null) {
      return false;
    }
    for (Element root : round.getRootElements()) {
      try {
        check(root);
      } catch (RuntimeException | Error e) {
        processingEnv
            .getMessager()
            .printMessage(Diagnostic.Kind.ERROR, Message.INTERNAL_ERROR.format(root, e), root);
      }
    }
    return false;
  }

  private void check(Element root) {
    TreePath path = trees.getPath(root);
    if (path == null) {
      return; // from a class file: no source to read
    }
    CompilationUnitTree unit = path.getCompilationUnit();
    Set<String> ourNames = annotationNamesIn(unit);
    new TreePathScanner<Void, Void>() {
      /** Whether the class being visited is, or is nested in, a local or anonymous class. */
      private boolean hidden;

      @Override
      public Void visitClass(ClassTree type, Void unused) {
        Tree parent = getCurrentPath().getParentPath().getLeaf();
        boolean enclosingHidden = hidden;
        hidden |= !(parent instanceof ClassTree || parent instanceof CompilationUnitTree);
        if (hidden) {
          for (Tree member : type.getMembers()) {
            if (member instanceof VariableTree field && isAnnotated(field, ourNames)) {
              String where =
                  type.getSimpleName().length() == 0
                      ? "an anonymous class"
                      : "class " + type.getSimpleName() + ", a local class";
              trees.printMessage(
                  Diagnostic.Kind.ERROR,
                  Message.UNREACHABLE_CLASS.format(field.getName(), where),
                  field,
                  unit);
            }
          }
        }
        super.visitClass(type, unused);
        hidden = enclosingHidden;
        return null;
      }
    }.scan(path, null);
  }

  /**
   * How {@code @KaimingInit} and {@code @TorchDefaultInit} can be written in {@code unit}: always
   * in full, and by simple name when imported or in their own package.
   */
  private static Set<String> annotationNamesIn(CompilationUnitTree unit) {
    Set<String> names = new HashSet<>(InitAnnotation.NAMES);
    boolean wholePackage =
        unit.getPackageName() != null && unit.getPackageName().toString().equals(PACKAGE);
    for (ImportTree declaration : unit.getImports()) {
      String imported = declaration.getQualifiedIdentifier().toString();
      wholePackage |= !declaration.isStatic() && imported.equals(PACKAGE + ".*");
      if (!declaration.isStatic() && InitAnnotation.NAMES.contains(imported)) {
        names.add(imported.substring(PACKAGE.length() + 1));
      }
    }
    if (wholePackage) {
      InitAnnotation.NAMES.forEach(name -> names.add(name.substring(PACKAGE.length() + 1)));
    }
    return names;
  }

  private static boolean isAnnotated(VariableTree field, Set<String> ourNames) {
    for (AnnotationTree annotation : field.getModifiers().getAnnotations()) {
      if (ourNames.contains(annotation.getAnnotationType().toString())) {
        return true;
      }
    }
    return false;
  }
}
