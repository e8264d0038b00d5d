#!/usr/bin/env python3
"""Reference values for the demos' seeded displays, computed independently of the TypeScript code:
numpy float64 with numpy's SVD (the demos use one-sided Jacobi) and the update rules re-written
here from their published forms (torch SGD/Adam/AdamW, Bernstein et al. Signum, google/automl
lion_pytorch.py, bojone/tiger tiger.py, KellerJordan/Muon muon.py). Only the random numbers are
shared: mulberry32 + Box-Muller, ported below, so both sides see the same matrices.

Run: python3 tests/demos/ref/seeded_reference.py   (numpy only; prints what the tests keep)
"""
import math
import numpy as np

M32 = 0xFFFFFFFF


def mulberry32(seed):
    state = [seed & M32]

    def rnd():
        state[0] = (state[0] + 0x6D2B79F5) & M32
        t = state[0]
        t = ((t ^ (t >> 15)) * (t | 1)) & M32
        t ^= (t + (((t ^ (t >> 7)) * (t | 61)) & M32)) & M32
        return ((t ^ (t >> 14)) & M32) / 4294967296

    return rnd


def gaussian_array(size, seed, scale=1.0):
    r = mulberry32(seed)
    out = np.empty(size)
    for k in range(size):
        u1 = r()
        u2 = r()
        out[k] = math.sqrt(-2 * math.log(1 - u1)) * math.cos(2 * math.pi * u2) * scale
    return out


A, B, C = 3.4445, -4.7750, 2.0315


def ns(G, steps=5):
    X = G.T if G.shape[0] > G.shape[1] else G.copy()
    X = X / (np.linalg.norm(X) + 1e-7)
    for _ in range(steps):
        Am = X @ X.T
        X = A * X + (B * Am + C * Am @ Am) @ X
    return X.T if G.shape[0] > G.shape[1] else X


def band():
    # critical points of p(x) = a x + b x^3 + c x^5: p'(x) = a + 3b y + 5c y^2 = 0, y = x^2
    ys = np.roots([5 * C, 3 * B, A])
    vals = [A * math.sqrt(y) + B * y ** 1.5 + C * y ** 2.5 for y in ys if y > 0]
    return min(vals), max(vals)


def newton_schulz_view():
    lo, hi = band()
    print("band [%.10f, %.10f]" % (lo, hi))
    for rows, cols, seed in [(64, 32, 1), (128, 128, 1)]:
        G = gaussian_array(rows * cols, seed).reshape(rows, cols)
        for steps in (5, 6, 7, 8):
            s = np.linalg.svd(ns(G, steps), compute_uv=False)
            inside = int(np.sum((s >= lo - 1e-12) & (s <= hi + 1e-12)))
            print("NS %dx%d seed %d steps %d: sigma in [%.10f, %.10f], %d of %d in band" % (rows, cols, seed, steps, s.min(), s.max(), inside, len(s)))


def muon_scale(rows=64, cols=32, steps=200, signal=0.5, lr=0.02, wd=0.1, beta2=0.999, seed=11):
    size = rows * cols
    a = gaussian_array(rows, seed)
    b = gaussian_array(cols, seed + 1)
    S = signal * math.sqrt(size) * np.outer(a, b) / (np.linalg.norm(a) * np.linalg.norm(b))
    W0 = gaussian_array(size, seed + 2, 1 / math.sqrt(cols)).reshape(rows, cols)
    Wa, Wm, Wn = W0.copy(), W0.copy(), W0.copy()
    m = np.zeros_like(W0); v = np.zeros_like(W0); M = np.zeros_like(W0)
    b1, eps, mom = 0.9, 1e-8, 0.95
    moon = 0.2 * math.sqrt(max(rows, cols)); kel = math.sqrt(max(1, rows / cols))
    ra, rk, rm = [], [], []
    wa, wm, wn = [], [], []
    for t in range(1, steps + 1):
        G = gaussian_array(size, seed + 1000 + t).reshape(rows, cols) + S
        m = b1 * m + (1 - b1) * G
        v = beta2 * v + (1 - beta2) * G * G
        U = (m / (1 - b1 ** t)) / (np.sqrt(v / (1 - beta2 ** t)) + eps)
        Wa = Wa * (1 - lr * wd) - lr * U
        ra.append(np.sqrt(np.mean(U ** 2)))
        M = mom * M + (1 - mom) * G
        O = ns((1 - mom) * G + mom * M)
        rk.append(kel * np.sqrt(np.mean(O ** 2))); rm.append(moon * np.sqrt(np.mean(O ** 2)))
        Wm = Wm * (1 - lr * wd) - lr * moon * O
        Wn = Wn - lr * moon * O
        wa.append(np.sqrt(np.mean(Wa ** 2))); wm.append(np.sqrt(np.mean(Wm ** 2))); wn.append(np.sqrt(np.mean(Wn ** 2)))
    h = steps // 2
    sv = lambda W: np.linalg.svd(W, compute_uv=False)[0]
    print("muon scale %dx%d: steady RMS adamw %.10f keller %.10f moonlight %.10f" % (rows, cols, np.mean(ra[h:]), np.mean(rk[h:]), np.mean(rm[h:])))
    print("  norms: initial %.10f muon %.10f muon-no-decay %.10f ; final weight RMS adamw %.10f muon %.10f no-decay %.10f"
          % (sv(W0), sv(Wm), sv(Wn), wa[-1], wm[-1], wn[-1]))


LANDS = {
    "rosenbrock": (lambda x, y: (1 - x) ** 2 + 100 * (y - x * x) ** 2, (-1.5, 2.5), (1, 1)),
    "beale": (lambda x, y: (1.5 - x + x * y) ** 2 + (2.25 - x + x * y * y) ** 2 + (2.625 - x + x * y ** 3) ** 2, (-3, -3), (3, 0.5)),
    "saddle": (lambda x, y: x * x - y * y + y ** 4 / 4, (-1.8, 1e-3), (0, math.sqrt(2))),
    "ill-conditioned": (lambda x, y: (x * x + 100 * y * y) / 2, (-1.8, 0.6), (0, 0)),
}


def grad(name, x, y):
    if name == "rosenbrock":
        return np.array([-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)])
    if name == "beale":
        t1, t2, t3 = 1.5 - x + x * y, 2.25 - x + x * y * y, 2.625 - x + x * y ** 3
        return np.array([2 * t1 * (y - 1) + 2 * t2 * (y * y - 1) + 2 * t3 * (y ** 3 - 1), 2 * t1 * x + 4 * t2 * x * y + 6 * t3 * x * y * y])
    if name == "saddle":
        return np.array([2 * x, -2 * y + y ** 3])
    return np.array([x, 100 * y])


def landscape(name, kind, steps=400, adam_lr=0.05, k=3, sgd_lr=1e-3, wd=0.0):
    f, start, mn = LANDS[name]
    th = np.array(start, dtype=float)
    m = np.zeros(2); v = np.zeros(2)
    sign_lr = adam_lr / k
    for t in range(steps + 1):
        if not (abs(th[0]) <= 1e6 and abs(th[1]) <= 1e6 and math.isfinite(f(*th))):
            return "diverged at step %d" % t
        if t == steps:
            break
        g = grad(name, *th)
        if kind == "sgdm":                       # torch SGD, mu = 0.9
            m = 0.9 * m + g; th = th - sgd_lr * m
        elif kind in ("adam", "adamw"):          # Adam paper / torch AdamW, (0.9, 0.999), eps 1e-8
            g2 = g + (wd * th if kind == "adam" else 0)
            if kind == "adamw":
                th = th * (1 - adam_lr * wd)
            m = 0.9 * m + 0.1 * g2; v = 0.999 * v + 0.001 * g2 * g2
            th = th - adam_lr * (m / (1 - 0.9 ** (t + 1))) / (np.sqrt(v / (1 - 0.999 ** (t + 1))) + 1e-8)
        elif kind == "signum":                   # Bernstein et al., beta 0.9, no decay
            m = 0.9 * m + 0.1 * g; th = th - sign_lr * np.sign(m)
        elif kind == "lion":                     # lion_pytorch.py: decay, sign of interpolation, then momentum
            c = 0.9 * m + 0.1 * g
            th = th * (1 - sign_lr * wd * k) - sign_lr * np.sign(c)
            m = 0.99 * m + 0.01 * g
        elif kind == "tiger":                    # tiger.py: beta 0.945, lr x RMS(theta) for a weight tensor
            lr = sign_lr * math.sqrt(np.mean(th ** 2))
            m = 0.945 * m + 0.055 * g
            th = th - lr * (np.sign(m) + wd * k * th)
    return "%.6e" % (f(*th) - f(*mn))


if __name__ == "__main__":
    newton_schulz_view()
    muon_scale()
    for name in LANDS:
        print(name, {kind: landscape(name, kind) for kind in ["sgdm", "adam", "adamw", "signum", "lion", "tiger"]})
    # Su's mixed base at b = 0.5 (demos.md gives 0.625 and 0.75): divisor of digit m = exp(a m^b), a (d/2)^b = ln k
    k, d = 8, 128
    for bexp in (0.5, 0.625, 0.75, 1.0):
        a = math.log(k) / (d / 2) ** bexp
        print("mixed k=8 b=%.3f a=%.10f divisors m=1,16,32,64: %s" % (bexp, a, ", ".join("%.10f" % math.exp(a * mm ** bexp) for mm in (1, 16, 32, 64))))
    lam = k ** (2 / d)
    print("NTK-fixed k=8: lambda^m at m=1,16,32,64: %s" % ", ".join("%.10f" % lam ** mm for mm in (1, 16, 32, 64)))
    th = 10000.0 ** (-np.arange(64) * 2 / 128)
    print("frequencies with L*theta >= 2pi (d=128, b=1e4, L=4096):", int(np.sum(4096 * th >= 2 * math.pi)))
    print("digits of 2024 base 10:", [(2024 // 10 ** i) % 10 for i in range(4)], "angles mod 2pi:", ["%.10f" % ((2024 / 10 ** i) % (2 * math.pi)) for i in range(4)])
