package net;

@kotlin.Metadata(mv = {2, 4, 0}, k = 1, xi = 48, d1 = {"\u0000H\n\u0002\u0018\u0002\n\u0002\u0010\u0000\n\u0002\b\u0003\n\u0002\u0018\u0002\n\u0002\b\u0003\n\u0002\u0010 \n\u0002\u0018\u0002\n\u0002\b\u0003\n\u0002\u0018\u0002\n\u0002\b\u0006\n\u0002\u0018\u0002\n\u0002\u0018\u0002\n\u0002\b\u0004\n\u0002\u0018\u0002\n\u0000\n\u0002\u0018\u0002\n\u0002\b\u0002\n\u0002\u0018\u0002\n\u0000\b\u0007\u0018\u00002\u00020\u0001B\u0007\u00a2\u0006\u0004\b\u0002\u0010\u0003R\u0011\u0010\u0004\u001a\u00020\u0005\u00a2\u0006\b\n\u0000\u001a\u0004\b\u0006\u0010\u0007R\u0017\u0010\b\u001a\b\u0012\u0004\u0012\u00020\n0\t\u00a2\u0006\b\n\u0000\u001a\u0004\b\u000b\u0010\fR\u0014\u0010\r\u001a\u00020\u000eX\u0080\u0004\u00a2\u0006\b\n\u0000\u001a\u0004\b\u000f\u0010\u0010R\u0011\u0010\u0011\u001a\u00020\u000e\u00a2\u0006\b\n\u0000\u001a\u0004\b\u0012\u0010\u0010R\u0013\u0010\u0013\u001a\u0004\u0018\u00010\u000e\u00a2\u0006\b\n\u0000\u001a\u0004\b\u0014\u0010\u0010\u00ca\u0001\u0002\b\u0015\u00ca\u0001>\b\u0016\u0012\b\b\u0017\u0012\u0004\b\t0\u0005\u0012\b\b\u0018\u0012\u0004\b\b(\u0019\u0012&\b\u001a\u0012\"\b\fJ\u001e\b\u000bB\u001a\b\u001b\u0012\n\b\u001c\u0012\u0006\b\n0\u001d8\u001e\u0012\n\b\u001f\u0012\u0006\b\n0 8!"}, d2 = {"Lnet/Net;", "", "<init>", "()V", "stem", "Lnet/Conv;", "getStem", "()Lnet/Conv;", "features", "", "Lnet/Piece;", "getFeatures", "()Ljava/util/List;", "head", "Lnet/Linear;", "getHead$main", "()Lnet/Linear;", "tail", "getTail", "extra", "getExtra", "Ldev/kinit/Network;", "Ldev/kinit/Reinit;", "module", "parameter", "weight", "kaiming", "Ldev/kinit/KaimingInit;", "mode", "Ldev/kinit/FanMode;", "FAN_OUT", "nonlinearity", "Ldev/kinit/Nonlinearity;", "RELU"})
@dev.kinit.Network()
@dev.kinit.Reinit(module = net.Conv.class, parameter = "weight", kaiming = {@dev.kinit.KaimingInit(mode = dev.kinit.FanMode.FAN_OUT, nonlinearity = dev.kinit.Nonlinearity.RELU)})
public final class Net {
    @org.jetbrains.annotations.NotNull()
    private final net.Conv stem = null;
    @org.jetbrains.annotations.NotNull()
    private final java.util.List<net.Piece> features = null;
    @org.jetbrains.annotations.NotNull()
    private final net.Linear head = null;
    @org.jetbrains.annotations.NotNull()
    private final net.Linear tail = null;
    @org.jetbrains.annotations.Nullable()
    private final net.Linear extra = null;
    
    public Net() {
        super();
    }
    
    @org.jetbrains.annotations.NotNull()
    public final net.Conv getStem() {
        return null;
    }
    
    @org.jetbrains.annotations.NotNull()
    public final java.util.List<net.Piece> getFeatures() {
        return null;
    }
    
    @org.jetbrains.annotations.NotNull()
    public final net.Linear getHead$main() {
        return null;
    }
    
    @org.jetbrains.annotations.NotNull()
    public final net.Linear getTail() {
        return null;
    }
    
    @org.jetbrains.annotations.Nullable()
    public final net.Linear getExtra() {
        return null;
    }
}