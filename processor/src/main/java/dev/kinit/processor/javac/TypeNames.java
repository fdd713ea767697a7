package dev.kinit.processor.javac;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;

/** How generated code names a user's class. */
final class TypeNames {

  private TypeNames() {}

  /**
   * The class with {@code ?} for each type parameter, also of the enclosing classes of an inner
   * class ({@code Outer<?>.Inner<?>}): the type every instance has, without raw types.
   */
  static TypeName withWildcards(TypeElement type) {
    List<TypeName> wildcards = new ArrayList<>();
    type.getTypeParameters().forEach(p -> wildcards.add(WildcardTypeName.subtypeOf(Object.class)));
    boolean inner =
        type.getNestingKind() == NestingKind.MEMBER
            && !type.getModifiers().contains(Modifier.STATIC)
            && type.getEnclosingElement().getKind().isClass();
    if (inner) {
      TypeName outer = withWildcards((TypeElement) type.getEnclosingElement());
      if (outer instanceof ParameterizedTypeName parameterized) {
        return parameterized.nestedClass(type.getSimpleName().toString(), wildcards);
      }
    }
    ClassName raw = ClassName.get(type);
    return wildcards.isEmpty()
        ? raw
        : ParameterizedTypeName.get(raw, wildcards.toArray(TypeName[]::new));
  }
}
