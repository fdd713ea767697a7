package net;

@kotlin.Metadata(mv = {2, 4, 0}, k = 1, xi = 48, d1 = {"\u0000.\n\u0002\u0018\u0002\n\u0002\u0010\u0000\n\u0000\n\u0002\u0010\b\n\u0002\b\u0002\n\u0002\u0010\u000b\n\u0002\b\u0003\n\u0002\u0010\u0011\n\u0002\u0010\u0014\n\u0002\b\u0003\n\u0002\u0018\u0002\n\u0002\b\u0003\u0018\u00002\u00020\u0001B\u001f\u0012\u0006\u0010\u0002\u001a\u00020\u0003\u0012\u0006\u0010\u0004\u001a\u00020\u0003\u0012\u0006\u0010\u0005\u001a\u00020\u0006\u00a2\u0006\u0004\b\u0007\u0010\bR#\u0010\t\u001a\b\u0012\u0004\u0012\u00020\u000b0\n8\u0006X\u0087\u0004\u0092\u0002\u0002\b\u000f\u00a2\u0006\n\n\u0002\u0010\u000e\u001a\u0004\b\f\u0010\rR\'\u0010\u0005\u001a\u0004\u0018\u00010\u000b8\u0006X\u0087\u0004\u0092\u0002\f\b\u000f\u0012\b\b\u0012\u0012\u0004\b\b(\t\u00a2\u0006\b\n\u0000\u001a\u0004\b\u0010\u0010\u0011"}, d2 = {"Lnet/Linear;", "", "out", "", "inp", "bias", "", "<init>", "(IIZ)V", "weight", "", "", "getWeight", "()[[F", "[[F", "Ldev/kinit/TorchDefaultInit;", "getBias", "()[F", "biasOf"})
public final class Linear {
    @dev.kinit.TorchDefaultInit()
    @org.jetbrains.annotations.NotNull()
    private final float[][] weight = null;
    @dev.kinit.TorchDefaultInit(biasOf = "weight")
    @org.jetbrains.annotations.Nullable()
    private final float[] bias = null;
    
    public Linear(int out, int inp, boolean bias) {
        super();
    }
    
    @org.jetbrains.annotations.NotNull()
    public final float[][] getWeight() {
        return null;
    }
    
    @org.jetbrains.annotations.Nullable()
    public final float[] getBias() {
        return null;
    }
}