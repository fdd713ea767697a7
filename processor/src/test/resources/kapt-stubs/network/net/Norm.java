package net;

@kotlin.Metadata(mv = {2, 4, 0}, k = 1, xi = 48, d1 = {"\u0000&\n\u0002\u0018\u0002\n\u0002\u0018\u0002\n\u0000\n\u0002\u0010\b\n\u0002\b\u0003\n\u0002\u0010\u0014\n\u0002\b\u0002\n\u0002\u0018\u0002\n\u0002\b\u0002\n\u0002\u0018\u0002\u0018\u00002\u00020\u0001B\u000f\u0012\u0006\u0010\u0002\u001a\u00020\u0003\u00a2\u0006\u0004\b\u0004\u0010\u0005R\u001b\u0010\u0006\u001a\u00020\u00078\u0006X\u0087\u0004\u0092\u0002\u0002\b\n\u00a2\u0006\b\n\u0000\u001a\u0004\b\b\u0010\tR\u001b\u0010\u000b\u001a\u00020\u00078\u0006X\u0087\u0004\u0092\u0002\u0002\b\r\u00a2\u0006\b\n\u0000\u001a\u0004\b\f\u0010\t"}, d2 = {"Lnet/Norm;", "Lnet/Piece;", "n", "", "<init>", "(I)V", "weight", "", "getWeight", "()[F", "Ldev/kinit/OnesInit;", "bias", "getBias", "Ldev/kinit/ZerosInit;"})
public final class Norm implements net.Piece {
    @dev.kinit.OnesInit()
    @org.jetbrains.annotations.NotNull()
    private final float[] weight = null;
    @dev.kinit.ZerosInit()
    @org.jetbrains.annotations.NotNull()
    private final float[] bias = null;
    
    public Norm(int n) {
        super();
    }
    
    @org.jetbrains.annotations.NotNull()
    public final float[] getWeight() {
        return null;
    }
    
    @org.jetbrains.annotations.NotNull()
    public final float[] getBias() {
        return null;
    }
}