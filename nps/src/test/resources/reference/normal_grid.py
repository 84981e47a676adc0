"""Writes normal_grid.csv: the standard normal upper tail and quantile on a grid, in mpmath at
50 digits, printed to 20 significant digits, for NormalAccuracyTest.

    python3 normal_grid.py > normal_grid.csv      (mpmath 1.3.0)

tail,x,Q(x)       for x = 0, 0.05, ..., 37.6 (beyond, Q(x) is subnormal or 0)
quantile,p,z      for p = i/500 (i = 1..499) and p = 10^-k (k = 1..300)
"""
import mpmath as mp

mp.mp.dps = 50
print("kind,argument,value")
for i in range(0, 753):
    x = i / 20  # exact decimal in the CSV, same double in Java and Python
    print(f"tail,{x!r},{mp.nstr(mp.ncdf(-mp.mpf(x)), 20)}")


def quantile(p):
    p = mp.mpf(p)
    if p == mp.mpf(1) / 2:
        return mp.mpf(0)
    if p < 0.5:
        start = -mp.sqrt(-2 * mp.log(p)) if p < 1e-3 else mp.sqrt(2) * mp.erfinv(2 * p - 1)
        return mp.findroot(lambda t: mp.log(mp.ncdf(t)) - mp.log(p), start)
    return -quantile(1 - p)


for i in range(1, 500):
    p = i / 500
    print(f"quantile,{p!r},{mp.nstr(quantile(mp.mpf(p)), 20)}")
for k in range(1, 301):
    p = float(f"1e-{k}")
    print(f"quantile,{p!r},{mp.nstr(quantile(mp.mpf(p)), 20)}")
