"""Writes reference values of the C library functions that PyTorch's trunc_normal_ goes through,
and of torch.erfinv itself, to stdout as JSON.

Run on x86-64 Linux with glibc 2.36 on a CPU with AVX2 and FMA (glibc then picks its _fma variants
of exp, log, expf and logf) and PyTorch 1.13.1 from Debian's python3-torch:
  /usr/bin/python3 make_libm.py > libm.json
Values are IEEE-754 bit patterns in hex: 8 digits for float, 16 for double. erfinv is computed by
torch.erfinv on float32 tensors with ATEN_CPU_CAPABILITY=avx2 and =default (in subprocesses).
"""
import ctypes, json, math, os, random, struct, subprocess, sys

libm = ctypes.CDLL("libm.so.6")
for name, t in [("erff", ctypes.c_float), ("expf", ctypes.c_float), ("logf", ctypes.c_float),
                ("erf", ctypes.c_double), ("exp", ctypes.c_double), ("log", ctypes.c_double)]:
    getattr(libm, name).restype = t
    getattr(libm, name).argtypes = [t]

def f2h(x): return "%08x" % struct.unpack("<I", struct.pack("<f", x))[0]
def d2h(x): return "%016x" % struct.unpack("<Q", struct.pack("<d", x))[0]
def h2f(h): return struct.unpack("<f", struct.pack("<I", int(h, 16)))[0]
def rf(x): return struct.unpack("<f", struct.pack("<f", x))[0]

if len(sys.argv) > 1 and sys.argv[1] == "--erfinv":
    import torch
    inputs = [h2f(h) for h in json.loads(sys.stdin.read())]
    out = torch.erfinv(torch.tensor(inputs, dtype=torch.float32)).tolist()
    print(json.dumps([f2h(v) for v in out]))
    sys.exit(0)

rng = random.Random(2024)
floats = sorted(set([0.0, -0.0, 1e-30, 0.5, 0.84375, 1.25, 2.857, 6.0, -6.5, 10.0, 88.0, -87.5, -103.0,
                     1e-38, 1.0, 0.15, 2.0 ** -24]
                    + [rf(rng.uniform(-7, 7)) for _ in range(300)]
                    + [rf(rng.uniform(0, 0.2)) for _ in range(100)]
                    + [rf(-rng.uniform(0, 20)) for _ in range(100)]), key=lambda x: (x, str(x)))
doubles = ([0.0, 1e-300, 0.5, 0.84375, 1.25, 2.857142857142857, 6.0, -6.5, 1.0, 1.0 - 2.0 ** -53,
            0.9375, 1.06, 700.0, -740.0, 5e-324]
           + [rng.uniform(-7, 7) for _ in range(300)] + [rng.uniform(0, 0.2) for _ in range(100)]
           + [-rng.uniform(0, 40) for _ in range(100)] + [rng.uniform(0.9, 1.1) for _ in range(100)])
erfinv_inputs = sorted(set([0.0, 1e-30, rf(0.7), 0.0, -1.0, 1.0, rf(1.0000001), 1 - 2.0 ** -24,
                            -(1 - 2.0 ** -24), 1 - 2.0 ** -23]
                           + [struct.unpack("<f", struct.pack("<I", struct.unpack("<I", struct.pack("<f", rf(0.7)))[0] + d))[0]
                              for d in (-2, -1, 1, 2)]
                           + [rf(rng.uniform(-1, 1)) for _ in range(1500)]
                           + [rf(math.copysign(1 - 10 ** rng.uniform(-7.2, -1), rng.uniform(-1, 1))) for _ in range(500)]))

def positive(x): return x > 0
result = {
    "float": [{"x": f2h(x), "erff": f2h(libm.erff(x)), "expf": f2h(libm.expf(x)),
               "logf": f2h(libm.logf(x)) if positive(x) else None} for x in floats],
    "double": [{"x": d2h(x), "erf": d2h(libm.erf(x)), "math_erf": d2h(math.erf(x)), "exp": d2h(libm.exp(x)),
                "log": d2h(libm.log(x)) if positive(x) else None} for x in doubles],
    "erfinv": {"x": [f2h(x) for x in erfinv_inputs]},
}
for capability in ["avx2", "default"]:
    env = dict(os.environ, ATEN_CPU_CAPABILITY=capability, OMP_NUM_THREADS="1")
    out = subprocess.run([sys.executable, __file__, "--erfinv"], input=json.dumps(result["erfinv"]["x"]),
                         capture_output=True, text=True, env=env, check=True).stdout
    result["erfinv"][capability] = json.loads(out)
print(json.dumps(result, indent=1))
