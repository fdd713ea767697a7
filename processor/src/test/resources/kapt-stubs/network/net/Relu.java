package net;

@kotlin.Metadata(mv = {2, 4, 0}, k = 1, xi = 48, d1 = {"\u0000\f\n\u0002\u0018\u0002\n\u0002\u0018\u0002\n\u0002\b\u0002\b\u00c6\u0002\u0018\u00002\u00020\u0001B\t\b\u0002\u00a2\u0006\u0004\b\u0002\u0010\u0003"}, d2 = {"Lnet/Relu;", "Lnet/Piece;", "<init>", "()V"})
public final class Relu implements net.Piece {
    @org.jetbrains.annotations.NotNull()
    public static final net.Relu INSTANCE = null;
    
    private Relu() {
        super();
    }
}