package net;

@kotlin.Metadata(mv = {2, 4, 0}, k = 1, xi = 48, d1 = {"\u0000\"\n\u0002\u0018\u0002\n\u0002\u0018\u0002\n\u0000\n\u0002\u0010\b\n\u0002\b\u0004\n\u0002\u0010\u0011\n\u0002\u0010\u0014\n\u0002\b\u0003\n\u0002\u0018\u0002\u0018\u00002\u00020\u0001B\u0017\u0012\u0006\u0010\u0002\u001a\u00020\u0003\u0012\u0006\u0010\u0004\u001a\u00020\u0003\u00a2\u0006\u0004\b\u0005\u0010\u0006R/\u0010\u0007\u001a\u0014\u0012\u0010\u0012\u000e\u0012\n\u0012\b\u0012\u0004\u0012\u00020\t0\b0\b0\b8\u0006X\u0087\u0004\u0092\u0002\u0002\b\r\u00a2\u0006\n\n\u0002\u0010\f\u001a\u0004\b\n\u0010\u000b"}, d2 = {"Lnet/Conv;", "Lnet/Piece;", "out", "", "inp", "<init>", "(II)V", "weight", "", "", "getWeight", "()[[[[F", "[[[[F", "Ldev/kinit/TorchDefaultInit;"})
public final class Conv implements net.Piece {
    @dev.kinit.TorchDefaultInit()
    @org.jetbrains.annotations.NotNull()
    private final float[][][][] weight = null;
    
    public Conv(int out, int inp) {
        super();
    }
    
    @org.jetbrains.annotations.NotNull()
    public final float[][][][] getWeight() {
        return null;
    }
}