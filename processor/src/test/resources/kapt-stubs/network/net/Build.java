package net;

@kotlin.Metadata(mv = {2, 4, 0}, k = 1, xi = 48, d1 = {"\u0000\u0016\n\u0002\u0018\u0002\n\u0002\u0010\u0000\n\u0002\b\u0003\n\u0002\u0018\u0002\n\u0000\n\u0002\u0018\u0002\b\u00c6\u0002\u0018\u00002\u00020\u0001B\t\b\u0002\u00a2\u0006\u0004\b\u0002\u0010\u0003J\u000e\u0010\u0004\u001a\u00020\u00052\u0006\u0010\u0006\u001a\u00020\u0007"}, d2 = {"Lnet/Build;", "", "<init>", "()V", "net", "Lnet/Net;", "random", "Ljava/util/random/RandomGenerator;"})
public final class Build {
    @org.jetbrains.annotations.NotNull()
    public static final net.Build INSTANCE = null;
    
    private Build() {
        super();
    }
    
    @org.jetbrains.annotations.NotNull()
    public final net.Net net(@org.jetbrains.annotations.NotNull()
    java.util.random.RandomGenerator random) {
        return null;
    }
}