package base;

public class Mid extends PkgBase {
  public int weight;
}
