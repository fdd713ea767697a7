package rules;

public interface I {
  int v = 1;
}
