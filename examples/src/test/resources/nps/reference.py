"""Independent reference figures for NpsCommandTest, from the formulas in shared/docs/research/nps.md.

Run: python3 reference.py answers.csv  (numpy/scipy). Prints the expected JSON figures the test hard-codes.
Written from the formulas, not from the Java code: the score interval is found with scipy's brentq on the
score statistic, whose constrained MLE is maximised numerically (scipy minimize_scalar), not from the quadratic.
"""
import csv, json, math, sys
from collections import OrderedDict
from scipy.stats import norm
from scipy.optimize import brentq, minimize_scalar

def cat(s): return 'D' if s <= 6 else ('A' if s <= 8 else 'P')

def wald(D, A, P, z):
    n = D + A + P; p, d = P/n, D/n
    nps = p - d; var = p + d - nps**2; se = math.sqrt(var/n)
    return 100*nps, 100*se, [100*(nps - z*se), 100*(nps + z*se)]

def adjusted(D, A, P, z):
    n = D + A + P + 3; p, d = (P+.75)/n, (D+.75)/n
    c = p - d; se = math.sqrt((p + d - c*c)/n)
    return [max(-100, 100*(c - z*se)), min(100, 100*(c + z*se))]

def constrained_q(D, A, P, delta):
    # maximise D log q + P log(q+delta) + A log(1-2q-delta) over feasible q
    lo = max(0, -delta) + 1e-15; hi = (1 - delta)/2 - 1e-15
    def nll(q):
        v = 0
        if D: v -= D*math.log(q)
        if P: v -= P*math.log(q + delta)
        if A: v -= A*math.log(1 - 2*q - delta)
        return v
    r = minimize_scalar(nll, bounds=(lo, hi), method='bounded', options={'xatol': 1e-14})
    return r.x

def score_stat(D, A, P, delta):
    n = D + A + P; q = constrained_q(D, A, P, delta)
    return (P - D - n*delta)/math.sqrt(n*(2*q + delta*(1 - delta)))

def score(D, A, P, z):
    n = D + A + P; est = (P - D)/n
    lo = -1 if D == n else brentq(lambda x: score_stat(D, A, P, x) - z, -1 + 1e-12, est, xtol=1e-14)
    hi = 1 if P == n else brentq(lambda x: score_stat(D, A, P, x) + z, est, 1 - 1e-12, xtol=1e-14)
    return [100*lo, 100*hi]

def weighted(ws, z):
    W = sum(w for w, _ in ws); W2 = sum(w*w for w, _ in ws)
    pw = sum(w for w, c in ws if c == 'P')/W; dw = sum(w for w, c in ws if c == 'D')/W
    neff = W*W/W2; se = 100*math.sqrt((pw + dw - (pw - dw)**2)/neff)
    return OrderedDict(nps=100*(pw - dw), effectiveSampleSize=neff, standardError=se,
                       interval=[100*(pw - dw) - z*se, 100*(pw - dw) + z*se])

def report(rows, z, weight):
    D = sum(1 for r in rows if cat(r['score']) == 'D'); A = sum(1 for r in rows if cat(r['score']) == 'A')
    P = len(rows) - D - A
    nps, se, w = wald(D, A, P, z)
    out = OrderedDict(n=len(rows), promoters=P, passives=A, detractors=D, nps=nps, standardError=se,
                      intervals=OrderedDict(wald=w, adjustedWald=adjusted(D, A, P, z), score=score(D, A, P, z)))
    if weight:
        out['weighted'] = weighted([(r['weight'], cat(r['score'])) for r in rows], z)
    return out

def compare(a, b, z, adjusted_method):
    def shares(rows):
        D = sum(1 for r in rows if cat(r['score']) == 'D'); P = sum(1 for r in rows if cat(r['score']) == 'P')
        n = len(rows); A = n - D - P
        if adjusted_method: D, A, P, n = D + .75, A + 1.5, P + .75, n + 3
        return P/n, D/n, n
    pa, da, na = shares(a); pb, db, nb = shares(b)
    diff = 100*((pa - da) - (pb - db))
    se = 100*math.sqrt((pa + da - (pa - da)**2)/na + (pb + db - (pb - db)**2)/nb)
    zz = diff/se
    return OrderedDict(difference=diff, standardError=se, z=zz, pValue=2*norm.sf(abs(zz)),
                       interval=[diff - z*se, diff + z*se])

if __name__ == '__main__':
    rows = [dict(r, score=int(r['score']), weight=float(r['weight'])) for r in csv.DictReader(open(sys.argv[1]))]
    z = norm.ppf(0.975)
    print('overall', json.dumps(report(rows, z, True)))
    for b in ['north', 'south']:
        print(b, json.dumps(report([r for r in rows if r['branch'] == b], z, True)))
    for m in ['2025-01', '2025-02', '2025-03', '2025-04']:
        sub = [r for r in rows if r['branch'] == 'north' and r['answered_at'][:7] == m]
        if sub: print('north', m, json.dumps(report(sub, norm.ppf(0.95), False)))
    a = [r for r in rows if r['branch'] == 'north']; b = [r for r in rows if r['branch'] == 'south']
    print('compare wald', json.dumps(compare(a, b, z, False)))
    print('compare adjusted', json.dumps(compare(a, b, z, True)))
