package dev.kinit.processor.rules;

import dev.kinit.processor.model.Access;
import dev.kinit.processor.model.Site;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Members of the layer named by a string attribute and read when the initializer runs ({@code
 * nonlinearityField}, {@code slopeField}): the name must denote a field of the right type that the
 * initializer can read.
 */
final class NamedMembers {

  /** Reads a resolved member for the attribute that names it. */
  interface Reader {
    Access read(FieldDeclaration member, Site site, String attribute);
  }

  private final FieldDeclaration field;
  private final AnnotationUse annotation;
  private final FieldReport report;
  private final Reader reader;

  NamedMembers(
      FieldDeclaration field, AnnotationUse annotation, FieldReport report, Reader reader) {
    this.field = field;
    this.annotation = annotation;
    this.report = report;
    this.reader = reader;
  }

  /**
   * How the initializer reads the member {@code attribute} names, which must be of a type {@code
   * fits} accepts, {@code expected} in words ({@code "dev.kinit.Nonlinearity"}); a placeholder
   * after reporting why not.
   */
  Access member(String attribute, Predicate<FieldType> fits, String expected) {
    String name = annotation.stringValue(attribute);
    Access placeholder = new Access.Field(name, null);
    Optional<FieldDeclaration> member = field.resolve(name);
    String owner = field.declaringClass();
    if (member.isEmpty()) {
      report.error(
          Message.NAMED_FIELD_MISSING, attribute, attribute, field.label(), name, owner, expected);
      return placeholder;
    }
    FieldType type = member.get().type();
    if (type.element() == FieldType.Element.UNRESOLVED) {
      report.defer(new Unresolved(field.site(), type.text(), attribute + " of " + field.label()));
      return placeholder;
    }
    if (!fits.test(type)) {
      report.error(
          Message.NAMED_FIELD_WRONG_TYPE,
          attribute,
          attribute,
          field.label(),
          name,
          type,
          expected);
      return placeholder;
    }
    return reader.read(member.get(), annotation.site(attribute), attribute);
  }
}
