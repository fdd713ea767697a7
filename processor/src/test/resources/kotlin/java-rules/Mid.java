package hidden;

public class Mid extends Pkg {}
