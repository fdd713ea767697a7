package layers;

@kotlin.Metadata(mv = {2, 4, 0}, k = 1, xi = 48, d1 = {"\u0000(\n\u0002\u0018\u0002\n\u0002\u0010\u0000\n\u0000\n\u0002\u0018\u0002\n\u0002\b\u0006\n\u0002\u0010\b\n\u0002\b\u0002\n\u0002\u0010\u0014\n\u0002\b\u0002\n\u0002\u0018\u0002\n\u0000\u0018\u00002\u00020\u0001B\u000f\u0012\u0006\u0010\u0002\u001a\u00020\u0003\u00a2\u0006\u0004\b\u0004\u0010\u0005R\u0013\u0010\u0002\u001a\u00020\u0003\u00a2\u0006\n\n\u0002\u0010\b\u001a\u0004\b\u0006\u0010\u0007R\u0014\u0010\t\u001a\u00020\nX\u0086D\u00a2\u0006\b\n\u0000\u001a\u0004\b\u000b\u0010\u0007R/\u0010\f\u001a\u00020\r8\u0006X\u0087\u0004\u0092\u0002\u0016\b\u0010\u0012\u0012\b\u0011\u0012\u000e\b\fJ\u0004\b\b(\u0002J\u0004\b\b(\t\u00a2\u0006\b\n\u0000\u001a\u0004\b\u000e\u0010\u000f"}, d2 = {"Llayers/Sized;", "", "out", "Llayers/Size;", "<init>", "(ILkotlin/jvm/internal/DefaultConstructorMarker;)V", "getOut-QmJnyn4", "()I", "I", "inFeatures", "", "getInFeatures", "weight", "", "getWeight", "()[F", "Ldev/kinit/KaimingInit;", "shapeFields"})
public final class Sized {
    private final int out = 0;
    private final int inFeatures = 2;
    @dev.kinit.KaimingInit(shapeFields = {"out", "inFeatures"})
    @org.jetbrains.annotations.NotNull()
    private final float[] weight = null;
    
    private Sized(int out) {
        super();
    }
    
    public final int getInFeatures() {
        return 0;
    }
    
    @org.jetbrains.annotations.NotNull()
    public final float[] getWeight() {
        return null;
    }
}