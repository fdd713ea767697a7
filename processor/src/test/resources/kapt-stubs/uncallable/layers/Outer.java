package layers;

@kotlin.Metadata(mv = {2, 4, 0}, k = 1, xi = 48, d1 = {"\u0000\f\n\u0002\u0018\u0002\n\u0002\u0010\u0000\n\u0002\b\u0003\u0018\u00002\u00020\u0001:\u0001\u0004B\u0007\u00a2\u0006\u0004\b\u0002\u0010\u0003"}, d2 = {"Llayers/Outer;", "", "<init>", "()V", "Hidden"})
public final class Outer {
    
    public Outer() {
        super();
    }
    
    @kotlin.Metadata(mv = {2, 4, 0}, k = 1, xi = 48, d1 = {"\u0000\u001c\n\u0002\u0018\u0002\n\u0002\u0010\u0000\n\u0002\b\u0003\n\u0002\u0010\u0011\n\u0002\u0010\u0014\n\u0002\b\u0003\n\u0002\u0018\u0002\b\u0002\u0018\u00002\u00020\u0001B\u0007\u00a2\u0006\u0004\b\u0002\u0010\u0003R#\u0010\u0004\u001a\b\u0012\u0004\u0012\u00020\u00060\u00058\u0006X\u0087\u0004\u0092\u0002\u0002\b\n\u00a2\u0006\n\n\u0002\u0010\t\u001a\u0004\b\u0007\u0010\b"}, d2 = {"Llayers/Outer$Hidden;", "", "<init>", "()V", "weight", "", "", "getWeight", "()[[F", "[[F", "Ldev/kinit/KaimingInit;"})
    static final class Hidden {
        @dev.kinit.KaimingInit()
        @org.jetbrains.annotations.NotNull()
        private final float[][] weight = null;
        
        public Hidden() {
            super();
        }
        
        @org.jetbrains.annotations.NotNull()
        public final float[][] getWeight() {
            return null;
        }
    }
}