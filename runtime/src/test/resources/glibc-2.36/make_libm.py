"""Writes reference values of the C library functions that PyTorch's trunc_normal_ goes through,
and of torch.erfinv itself, to stdout as JSON.

Run on x86-64 Linux with glibc 2.36 on a CPU with AVX2 and FMA (glibc then picks its _fma variants
of exp, log, expf and logf) and PyTorch 1.13.1 from Debian's python3-torch:
  /usr/bin/python3 make_libm.py > libm.json
Values are IEEE-754 bit patterns in hex: 8 digits for float, 16 for double. erfinv is computed by
torch.erfinv on float32 and float64 tensors with ATEN_CPU_CAPABILITY=avx2 and =default (in
subprocesses).
"""
import ctypes, json, math, os, random, struct, subprocess, sys

libm = ctypes.CDLL("libm.so.6")
for name, t in [("erff", ctypes.c_float), ("expf", ctypes.c_float), ("logf", ctypes.c_float),
                ("erf", ctypes.c_double), ("exp", ctypes.c_double), ("log", ctypes.c_double)]:
    getattr(libm, name).restype = t
    getattr(libm, name).argtypes = [t]

def f2h(x): return "7fc00000" if math.isnan(x) else "%08x" % struct.unpack("<I", struct.pack("<f", x))[0]
def d2h(x): return "7ff8000000000000" if math.isnan(x) else "%016x" % struct.unpack("<Q", struct.pack("<d", x))[0]
def h2f(h): return struct.unpack("<f", struct.pack("<I", int(h, 16)))[0]
def rf(x): return struct.unpack("<f", struct.pack("<f", x))[0]

if len(sys.argv) > 1 and sys.argv[1] == "--erfinv":
    import torch
    request = json.loads(sys.stdin.read())
    inputs = [h2f(h) for h in request["float"]]
    out = torch.erfinv(torch.tensor(inputs, dtype=torch.float32)).tolist()
    out64 = torch.erfinv(torch.tensor(request["double"], dtype=torch.float64)).tolist()
    print(json.dumps({"float": [f2h(v) for v in out], "double": [d2h(v) for v in out64]}))
    sys.exit(0)

def fbits(b): return struct.unpack("<f", struct.pack("<I", b))[0]
def fbits_of(x): return struct.unpack("<I", struct.pack("<f", x))[0]
def dbits(b): return struct.unpack("<d", struct.pack("<Q", b))[0]
def dbits_of(x): return struct.unpack("<Q", struct.pack("<d", x))[0]
def around_f(b): return [fbits(b - 1), fbits(b), fbits(b + 1)]
def around_d(b): return [dbits(b - 1), dbits(b), dbits(b + 1)]
inf, nan = float("inf"), float("nan")

# Each branch of the ports decided at its edges (and the tiny inputs, subnormal ones among them,
# that erf and erff scale by 16 to keep their precision) (the float or double on both sides of each bound
# the C code compares with), special values, and (exp) the range whose results are subnormal.
EDGE_FLOATS = ([nan, inf, -inf, -1.0, fbits(1), fbits(0x00800000 - 1), fbits(0x00800000), 3.4028234663852886e38]
               + around_f(0x3f580000) + around_f(0x31800000) + around_f(0x04000000) + around_f(0x3fa00000)
               + around_f(0x40c00000) + around_f(0x4036DB6E) + around_f(0x3f800000)
               + [-x for x in around_f(0x3f580000) + around_f(0x3fa00000) + around_f(0x4036DB6E)]
               + [fbits(k) for k in range(2, 64)] + [fbits(0x00123457), fbits(0x02345679), fbits(0x03fedcbb)]
               + around_f(0x42b00000) + [-x for x in around_f(0x42b00000)]
               + around_f(fbits_of(float.fromhex("0x1.62e42ep6"))) + around_f(fbits_of(-float.fromhex("0x1.9fe368p6"))))
EDGE_DOUBLES = ([nan, inf, -inf, -0.0, -1.0, 1e-310, 1.7976931348623157e308, -1000.0, 1000.0, 709.78, -745.2]
                + around_d(0x3feb000000000000) + around_d(0x3e30000000000000) + around_d(0x0080000000000000)
                + around_d(0x3ff4000000000000) + around_d(0x4018000000000000) + around_d(0x4006DB6E00000000)
                + [-x for x in around_d(0x3feb000000000000) + around_d(0x3ff4000000000000) + around_d(0x4006DB6E00000000)]
                + around_d(0x3c90000000000000) + around_d(0x4080000000000000) + around_d(0x4090000000000000)
                + [-x for x in around_d(0x3c90000000000000) + around_d(0x4080000000000000) + around_d(0x4090000000000000)]
                + around_d(dbits_of(1.0 - 2.0 ** -4)) + around_d(dbits_of(1.0 + float.fromhex("0x1.09p-4")))
                + around_d(0x0010000000000000)
                + [dbits(k) for k in range(2, 64)] + [dbits(0x0001234567890abd), dbits(0x0076543210fedcbb)]
                + [-708.4 - 36.8 * i / 199 for i in range(200)])

rng = random.Random(2024)
floats = sorted(set([0.0, -0.0, 1e-30, 0.5, 0.84375, 1.25, 2.857, 6.0, -6.5, 10.0, 88.0, -87.5, -103.0,
                     1e-38, 1.0, 0.15, 2.0 ** -24]
                    + EDGE_FLOATS
                    + [rf(rng.uniform(-7, 7)) for _ in range(300)]
                    + [rf(rng.uniform(0, 0.2)) for _ in range(100)]
                    + [rf(-rng.uniform(0, 20)) for _ in range(100)]), key=lambda x: (math.isnan(x), x, str(x)))
doubles = ([0.0, 1e-300, 0.5, 0.84375, 1.25, 2.857142857142857, 6.0, -6.5, 1.0, 1.0 - 2.0 ** -53,
            0.9375, 1.06, 700.0, -740.0, 5e-324]
           + EDGE_DOUBLES
           + [rng.uniform(-7, 7) for _ in range(300)] + [rng.uniform(0, 0.2) for _ in range(100)]
           + [-rng.uniform(0, 40) for _ in range(100)] + [rng.uniform(0.9, 1.1) for _ in range(100)])
erfinv_inputs = sorted(set([0.0, 1e-30, rf(0.7), 0.0, -1.0, 1.0, rf(1.0000001), 1 - 2.0 ** -24,
                            -(1 - 2.0 ** -24), 1 - 2.0 ** -23]
                           + [struct.unpack("<f", struct.pack("<I", struct.unpack("<I", struct.pack("<f", rf(0.7)))[0] + d))[0]
                              for d in (-2, -1, 1, 2)]
                           + [rf(rng.uniform(-1, 1)) for _ in range(1500)]
                           + [rf(math.copysign(1 - 10 ** rng.uniform(-7.2, -1), rng.uniform(-1, 1))) for _ in range(500)]))

rng64 = random.Random(64)
erfinv64_inputs = ([0.0, 0.7, -0.7, math.nextafter(0.7, 0), math.nextafter(0.7, 1), 1.0, -1.0, 1 - 2.0 ** -53]
                   + [rng64.uniform(-1, 1) for _ in range(1000)]
                   + [math.copysign(1 - 10 ** rng64.uniform(-15, -1), rng64.uniform(-1, 1)) for _ in range(300)])
result = {
    "float": [{"x": f2h(x), "erff": f2h(libm.erff(x)), "expf": f2h(libm.expf(x)),
               "logf": f2h(libm.logf(x))} for x in floats],
    "double": [{"x": d2h(x), "erf": d2h(libm.erf(x)), "math_erf": d2h(math.erf(x)), "exp": d2h(libm.exp(x)),
                "log": d2h(libm.log(x))} for x in doubles],
    "erfinv": {"x": [f2h(x) for x in erfinv_inputs]},
    "erfinv64": {"x": [d2h(x) for x in erfinv64_inputs]},
}
for capability in ["avx2", "default"]:
    env = dict(os.environ, ATEN_CPU_CAPABILITY=capability, OMP_NUM_THREADS="1")
    request = {"float": result["erfinv"]["x"], "double": erfinv64_inputs}
    out = json.loads(subprocess.run([sys.executable, __file__, "--erfinv"], input=json.dumps(request),
                                    capture_output=True, text=True, env=env, check=True).stdout)
    result["erfinv"][capability] = out["float"]
    result["erfinv64"][capability] = out["double"]
print(json.dumps(result, indent=1))
