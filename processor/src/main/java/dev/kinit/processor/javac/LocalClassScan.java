package dev.kinit.processor.javac;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import dev.kinit.processor.rules.InitAnnotation;
import dev.kinit.processor.rules.Message;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Finds kinit annotations that javac never shows an annotation processor, by reading the source
 * trees ({@code com.sun.source}): on fields of local and anonymous classes (and of classes nested
 * in them), which are members of no type a processor sees, on such classes and their methods, and
 * on local variables. Without this check they would be silently ignored.
 *
 * <p>Both processors scan each round's source files, since javac may call either one alone; each
 * file is scanned once per compilation, whichever comes first.
 */
public final class LocalClassScan {

  private static final String PACKAGE = "dev.kinit";

  /** The root elements scanned so far, per compilation (javac's {@link Trees} is one per task). */
  private static final Map<Trees, Set<Element>> SCANNED =
      Collections.synchronizedMap(new WeakHashMap<>());

  private final Trees trees;

  private LocalClassScan(Trees trees) {
    this.trees = trees;
  }

  /**
   * Scans {@code root} unless it was scanned in this compilation already; does nothing for a class
   * read from a class file.
   */
  public static void scanOnce(Trees trees, Element root) {
    Set<Element> scanned =
        SCANNED.computeIfAbsent(trees, t -> Collections.synchronizedSet(new HashSet<>()));
    if (!scanned.add(root)) {
      return;
    }
    TreePath path = trees.getPath(root);
    if (path != null) {
      new LocalClassScan(trees).scan(path);
    }
  }

  private void scan(TreePath path) {
    CompilationUnitTree unit = path.getCompilationUnit();
    Map<String, InitAnnotation> names = annotationNamesIn(unit);
    new TreePathScanner<Void, String>() {
      @Override
      public Void visitClass(ClassTree type, String enclosingHidden) {
        Tree parent = getCurrentPath().getParentPath().getLeaf();
        boolean member = parent instanceof ClassTree || parent instanceof CompilationUnitTree;
        String hidden = enclosingHidden;
        if (!member) {
          hidden = type.getSimpleName().length() == 0 ? "an anonymous class" : "a local class";
        }
        InitAnnotation onClass = annotation(type.getModifiers(), names);
        if (onClass != null && hidden != null) {
          // Javac shows the processor no class below a method body: a member class is reported
          // by the processor itself (Misplaced), a local one, or one inside it, here.
          String what = (member ? "class " : "local class ") + type.getSimpleName();
          print(Message.NOT_A_FIELD.format(onClass.written(), what), type, unit);
        }
        if (hidden != null) {
          String where =
              type.getSimpleName().length() == 0
                  ? "an anonymous class"
                  : member
                      ? "class " + type.getSimpleName() + ", declared in " + hidden
                      : "class " + type.getSimpleName() + ", a local class";
          for (Tree memberTree : type.getMembers()) {
            if (memberTree instanceof VariableTree field
                && annotation(field.getModifiers(), names) != null) {
              print(Message.UNREACHABLE_CLASS.format(field.getName(), where), field, unit);
            }
          }
        }
        return super.visitClass(type, hidden);
      }

      @Override
      public Void visitMethod(MethodTree method, String hidden) {
        InitAnnotation annotation = annotation(method.getModifiers(), names);
        if (annotation != null && hidden != null) {
          ClassTree owner = (ClassTree) getCurrentPath().getParentPath().getLeaf();
          String what =
              owner.getSimpleName().length() == 0
                  ? "method " + method.getName() + "() of an anonymous class"
                  : "method " + owner.getSimpleName() + "." + method.getName() + "()";
          print(Message.NOT_A_FIELD.format(annotation.written(), what), method, unit);
        }
        return super.visitMethod(method, hidden);
      }

      @Override
      public Void visitVariable(VariableTree variable, String hidden) {
        Tree parent = getCurrentPath().getParentPath().getLeaf();
        InitAnnotation annotation = annotation(variable.getModifiers(), names);
        if (annotation != null && !(parent instanceof ClassTree)) {
          print(
              Message.NOT_A_FIELD.format(
                  annotation.written(), "local variable " + variable.getName()),
              variable,
              unit);
        }
        return super.visitVariable(variable, hidden);
      }
    }.scan(path, null);
  }

  private void print(String text, Tree tree, CompilationUnitTree unit) {
    trees.printMessage(Diagnostic.Kind.ERROR, text, tree, unit);
  }

  /**
   * How the kinit annotations can be written in {@code unit}: always in full, and by simple name
   * when imported or in their own package.
   */
  private static Map<String, InitAnnotation> annotationNamesIn(CompilationUnitTree unit) {
    Map<String, InitAnnotation> names = new HashMap<>();
    boolean wholePackage =
        unit.getPackageName() != null && unit.getPackageName().toString().equals(PACKAGE);
    for (ImportTree declaration : unit.getImports()) {
      String imported = declaration.getQualifiedIdentifier().toString();
      wholePackage |= !declaration.isStatic() && imported.equals(PACKAGE + ".*");
    }
    for (InitAnnotation annotation : InitAnnotation.values()) {
      String qualified = annotation.qualifiedName();
      String simple = qualified.substring(PACKAGE.length() + 1);
      names.put(qualified, annotation);
      boolean imported =
          unit.getImports().stream()
              .anyMatch(
                  i -> !i.isStatic() && i.getQualifiedIdentifier().toString().equals(qualified));
      if (wholePackage || imported) {
        names.put(simple, annotation);
      }
    }
    return names;
  }

  private static InitAnnotation annotation(
      ModifiersTree modifiers, Map<String, InitAnnotation> names) {
    for (AnnotationTree annotation : modifiers.getAnnotations()) {
      InitAnnotation found = names.get(annotation.getAnnotationType().toString());
      if (found != null) {
        return found;
      }
    }
    return null;
  }
}
