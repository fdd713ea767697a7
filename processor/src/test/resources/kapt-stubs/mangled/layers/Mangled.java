package layers;

@kotlin.Metadata(mv = {2, 4, 0}, k = 1, xi = 48, d1 = {"\u00006\n\u0002\u0018\u0002\n\u0002\u0010\u0000\n\u0002\b\u0003\n\u0002\u0010\u0011\n\u0002\u0010\u0014\n\u0002\b\u0003\n\u0002\u0018\u0002\n\u0000\n\u0002\u0018\u0002\n\u0002\b\u0003\n\u0002\u0018\u0002\n\u0002\b\u0002\n\u0002\u0010\b\n\u0002\b\u0006\u0018\u00002\u00020\u0001B\u0007\u00a2\u0006\u0004\b\u0002\u0010\u0003R/\u0010\u0004\u001a\b\u0012\u0004\u0012\u00020\u00060\u00058\u0000X\u0081\u0004\u0092\u0002\u000e\b\n\u0012\n\b\u000b\u0012\u0006\b\n0\f8\r\u00a2\u0006\n\n\u0002\u0010\t\u001a\u0004\b\u0007\u0010\bR;\u0010\u000e\u001a\b\u0012\u0004\u0012\u00020\u00060\u0005X\u0087\u0004z\f\b\u0010\u0012\b\b\u0011\u0012\u0004\b\b(\u000f\u0092\u0002\u000e\b\n\u0012\n\b\u000b\u0012\u0006\b\n0\f8\r\u00a2\u0006\n\n\u0002\u0010\t\u001a\u0004\b\u000f\u0010\bR\u0014\u0010\u0012\u001a\u00020\u0013X\u0080D\u00a2\u0006\b\n\u0000\u001a\u0004\b\u0014\u0010\u0015R;\u0010\u0016\u001a\u00020\u00068\u0006X\u0087\u0004\u0092\u0002\"\b\n\u0012\n\b\u000b\u0012\u0006\b\n0\f8\r\u0012\u0012\b\u0019\u0012\u000e\b\fJ\u0004\b\b(\u0012J\u0004\b\b(\u0012\u00a2\u0006\b\n\u0000\u001a\u0004\b\u0017\u0010\u0018"}, d2 = {"Llayers/Mangled;", "", "<init>", "()V", "weight", "", "", "getWeight$main", "()[[F", "[[F", "Ldev/kinit/KaimingInit;", "nonlinearity", "Ldev/kinit/Nonlinearity;", "RELU", "other", "fetchOther", "Lkotlin/jvm/JvmName;", "name", "inFeatures", "", "getInFeatures$main", "()I", "flat", "getFlat", "()[F", "shapeFields"})
public final class Mangled {
    @dev.kinit.KaimingInit(nonlinearity = dev.kinit.Nonlinearity.RELU)
    @org.jetbrains.annotations.NotNull()
    private final float[][] weight = null;
    @dev.kinit.KaimingInit(nonlinearity = dev.kinit.Nonlinearity.RELU)
    @org.jetbrains.annotations.NotNull()
    private final float[][] other = null;
    private final int inFeatures = 2;
    @dev.kinit.KaimingInit(nonlinearity = dev.kinit.Nonlinearity.RELU, shapeFields = {"inFeatures", "inFeatures"})
    @org.jetbrains.annotations.NotNull()
    private final float[] flat = null;
    
    public Mangled() {
        super();
    }
    
    @org.jetbrains.annotations.NotNull()
    public final float[][] getWeight$main() {
        return null;
    }
    
    @kotlin.jvm.JvmName(name = "fetchOther")
    @org.jetbrains.annotations.NotNull()
    public final float[][] fetchOther() {
        return null;
    }
    
    public final int getInFeatures$main() {
        return 0;
    }
    
    @org.jetbrains.annotations.NotNull()
    public final float[] getFlat() {
        return null;
    }
}