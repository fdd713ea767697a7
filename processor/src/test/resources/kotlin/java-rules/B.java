package rules;

/** Hides A.w with a field of its own: A's is read as ((A) layer).w. */
public class B extends A {
  public int w = 3;
}
