package layers;

@kotlin.Metadata(mv = {2, 4, 0}, k = 1, xi = 48, d1 = {"\u0000\u001c\n\u0002\u0018\u0002\n\u0002\u0018\u0002\n\u0002\b\u0003\n\u0002\u0010\u0011\n\u0002\u0010\u0014\n\u0002\b\u0005\n\u0002\u0018\u0002\u0018\u00002\u00020\u0001B\u0007\u00a2\u0006\u0004\b\u0002\u0010\u0003R\u001c\u0010\u0004\u001a\b\u0012\u0004\u0012\u00020\u00060\u0005X\u0096\u0004\u00a2\u0006\n\n\u0002\u0010\t\u001a\u0004\b\u0007\u0010\bR#\u0010\n\u001a\b\u0012\u0004\u0012\u00020\u00060\u00058\u0006X\u0087\u0004\u0092\u0002\u0002\b\f\u00a2\u0006\n\n\u0002\u0010\t\u001a\u0004\b\u000b\u0010\b"}, d2 = {"Llayers/Overrider;", "Llayers/OpenBase;", "<init>", "()V", "weight", "", "", "getWeight", "()[[F", "[[F", "head", "getHead", "Ldev/kinit/KaimingInit;"})
public final class Overrider extends layers.OpenBase {
    @org.jetbrains.annotations.NotNull()
    private final float[][] weight = null;
    @dev.kinit.KaimingInit()
    @org.jetbrains.annotations.NotNull()
    private final float[][] head = null;
    
    public Overrider() {
        super();
    }
    
    @java.lang.Override()
    @org.jetbrains.annotations.NotNull()
    public float[][] getWeight() {
        return null;
    }
    
    @org.jetbrains.annotations.NotNull()
    public final float[][] getHead() {
        return null;
    }
}