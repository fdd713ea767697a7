package net;

@kotlin.Metadata(mv = {2, 4, 0}, k = 1, xi = 48, d1 = {"\u0000\u0014\n\u0002\u0018\u0002\n\u0002\u0010\u0000\n\u0002\u0018\u0002\n\u0002\u0018\u0002\n\u0002\u0018\u0002\bv\u0018\u00002\u00020\u0001\u0082\u0001\u0003\u0002\u0003\u0004\u00c0\u0006\u0003"}, d2 = {"Lnet/Piece;", "", "Lnet/Conv;", "Lnet/Norm;", "Lnet/Relu;"})
public abstract interface Piece {
}