"""Independent reference figures for the cemkit NPS tests.

Written from the formulas of docs/research/nps.md section 1 (and from first principles where
noted), NOT by porting the Java. Every number hard-coded in a *ReferenceTest comes from the
output of this script; run it to regenerate:

    cd nps/src/test/resources/reference && python3 nps_reference.py

Generated with Python 3, NumPy 2.4.6, SciPy 1.17.1, mpmath 1.3.0. Sections:

  [z]          critical values  Phi^-1((1+c)/2): scipy.stats.norm.ppf, checked with mpmath.erfinv
  [wald]       Wald and adjusted Wald (Rocks: +3/4 D, +3/2 A, +3/4 P, centred on NPS', clamped)
  [score]      score interval, brute force: the constrained MLE of pi_D re-derived from the trinomial
               likelihood and maximised numerically (no closed-form quadratic), then
               {Delta : |S(Delta)| <= z}; endpoints by bisection in mpmath (80 digits) and checked
               against scipy (minimize_scalar for the MLE + grid scan + brentq on S)
  [two]        two-sample Wald / adjusted Wald tests and the one-sample benchmark test
  [weighted]   weighted NPS, Kish n_eff and SE, and the linearised SE computed per observation,
               V = n/(n-1) * sum_i (w_i (x_i - r))^2 / (sum w)^2, on weighted_answers.csv
  [size]       sample sizes n = z^2 s^2/E^2 - 3 and (z_a + z_b)^2 (s_a^2 + s_b^2)/Delta^2 - 3
  [normal]     scipy.stats.norm cdf / sf / ppf, with the mpmath (50 digits) relative difference
  [posterior]  Dirichlet posterior mean and sd from scipy.stats.dirichlet mean()/cov(); credible
               interval and probabilities by NumPy Monte Carlo (40 M draws) with the Monte Carlo
               standard error a 200 000-draw estimate would have
  [impact]     leave-one-out impact vs Qualtrics' k(T - O)/(N - k)
  [json]       the figures of the estimate whose JSON NpsJsonTest reads back
  [ranking]    agent rankings (N5): DerSimonian-Laird prior strength, shrunken scores, each agent
               against the rest pooled with Holm / Benjamini-Hochberg adjusted p-values, and rank
               ranges from Bonferroni-adjusted pairwise tests, for NpsRankingReferenceTest
"""
import csv
import math
import os

import mpmath as mp
import numpy as np
import scipy
from scipy import optimize, stats

mp.mp.dps = 80
HERE = os.path.dirname(os.path.abspath(__file__))


def r(x):
    """Shortest repr that round-trips a double: paste straight into Java."""
    return repr(float(x))


def z_of(confidence):
    return stats.norm.ppf((1 + confidence) / 2)


# ---------------------------------------------------------------- [z]
def section_z():
    print("[z]")
    for c in (0.80, 0.90, 0.95, 0.99, 0.999):
        exact = mp.sqrt(2) * mp.erfinv(mp.mpf(c))
        print(f"z({c}) = {r(z_of(c))}   mpmath {mp.nstr(exact, 20)}")


# ---------------------------------------------------------------- [wald]
def nps_se(D, A, P):
    n = D + A + P
    p, d = P / n, D / n
    s2 = p + d - (p - d) ** 2
    return 100 * (p - d), 100 * math.sqrt(s2 / n), s2


def wald(D, A, P, conf):
    nps, se, _ = nps_se(D, A, P)
    z = z_of(conf)
    return nps - z * se, nps + z * se


def adjusted(D, A, P):
    """Augmented counts: 3 pseudo-observations split 3/4, 3/2, 3/4."""
    return D + 0.75, A + 1.5, P + 0.75


def adjusted_wald(D, A, P, conf):
    Da, Aa, Pa = adjusted(D, A, P)
    n = Da + Aa + Pa
    p, d = Pa / n, Da / n
    centre = p - d
    se = math.sqrt((p + d - (p - d) ** 2) / n)
    z = z_of(conf)
    lo, hi = centre - z * se, centre + z * se
    return 100 * max(-1, lo), 100 * min(1, hi), 100 * lo, 100 * hi


WALD_CASES = [(2, 3, 5), (0, 0, 5), (5, 0, 0), (0, 7, 0), (1, 0, 1), (10, 20, 70), (300, 250, 450),
              (0, 1, 9), (1, 0, 999), (3, 4, 3), (1, 0, 0)]


def section_wald():
    print("[wald]  D A P conf: nps se sigma2 | wald lo hi | adjusted lo hi (unclamped lo hi)")
    for (D, A, P) in WALD_CASES:
        for conf in (0.95, 0.90, 0.99):
            nps, se, s2 = nps_se(D, A, P)
            wl, wh = wald(D, A, P, conf)
            al, ah, ul, uh = adjusted_wald(D, A, P, conf)
            print(f"{D} {A} {P} {conf}: nps={r(nps)} se={r(se)} s2={r(s2)} | wald {r(wl)} {r(wh)} |"
                  f" adj {r(al)} {r(ah)} ({r(ul)} {r(uh)})")


# ---------------------------------------------------------------- [score]
def loglik_derivative(q, delta, D, A, P):
    """d/dq of D log q + A log(1 - 2q - delta) + P log(q + delta), with pi_P = q + delta."""
    g = mp.mpf(0)
    if D:
        g += D / q
    if A:
        g -= 2 * A / (1 - 2 * q - delta)
    if P:
        g += P / (q + delta)
    return g


def constrained_mle_mp(delta, D, A, P):
    """The pi_D maximising the trinomial likelihood subject to pi_P - pi_D = delta.

    Feasible q: pi_D >= 0, pi_P = q + delta >= 0, pi_A = 1 - 2q - delta >= 0. The log-likelihood is
    concave in q, so its derivative falls; bisect on it (or take the boundary it points at).
    """
    lo = max(mp.mpf(0), -delta)
    hi = (1 - delta) / 2
    if hi - lo <= 0:
        return lo
    eps = (hi - lo) * mp.mpf(10) ** -30
    if loglik_derivative(lo + eps, delta, D, A, P) <= 0:
        return lo
    if loglik_derivative(hi - eps, delta, D, A, P) >= 0:
        return hi
    a, b = lo + eps, hi - eps
    for _ in range(200):
        m = (a + b) / 2
        if loglik_derivative(m, delta, D, A, P) > 0:
            a = m
        else:
            b = m
    return (a + b) / 2


def score_stat_mp(delta, D, A, P):
    """S(delta) = (P - D - n delta) / sqrt(n Var_0(X)), Var_0(X) = pi_P + pi_D - delta^2 at the MLE."""
    n = D + A + P
    q = constrained_mle_mp(delta, D, A, P)
    var = (q + delta) + q - delta ** 2
    num = P - D - n * delta
    if var <= 0:
        return mp.inf if num > 0 else (-mp.inf if num < 0 else mp.mpf(0))
    return num / mp.sqrt(n * var)


def score_interval_mp(D, A, P, conf):
    n = D + A + P
    z = mp.sqrt(2) * mp.erfinv(mp.mpf(conf))
    est = mp.mpf(P - D) / n

    def solve(target, a, b):
        # S falls as delta grows: keep S(a) > target >= S(b).
        for _ in range(160):
            m = (a + b) / 2
            if score_stat_mp(m, D, A, P) > target:
                a = m
            else:
                b = m
        return (a + b) / 2

    # Endpoints where no delta beyond the estimate is rejected stay at +/-1 (P = n or D = n).
    low = mp.mpf(-1) if score_stat_mp(mp.mpf(-1) + mp.mpf(10) ** -20, D, A, P) <= z else solve(z, mp.mpf(-1), est)
    high = mp.mpf(1) if score_stat_mp(mp.mpf(1) - mp.mpf(10) ** -20, D, A, P) >= -z else solve(-z, est, mp.mpf(1))
    return 100 * low, 100 * high


def score_stat_scipy(delta, D, A, P):
    """The same statistic with the MLE from scipy.optimize.minimize_scalar (float precision)."""
    n = D + A + P
    lo = max(0.0, -delta)
    hi = (1 - delta) / 2

    def nll(q):
        terms = 0.0
        for count, prob in ((D, q), (A, 1 - 2 * q - delta), (P, q + delta)):
            if count:
                terms += count * math.log(max(prob, 1e-300))
        return -terms

    if hi - lo < 1e-15:
        q = lo
    else:
        q = optimize.minimize_scalar(nll, bounds=(lo, hi), method="bounded",
                                     options={"xatol": 1e-13}).x
    var = 2 * q + delta - delta ** 2
    num = P - D - n * delta
    if var <= 0:
        return math.copysign(math.inf, num) if num else 0.0
    return num / math.sqrt(n * var)


def score_interval_scipy(D, A, P, conf):
    """Grid scan of |S| <= z on 4001 points, then brentq at each crossing."""
    z = z_of(conf)
    grid = np.linspace(-1, 1, 4001)
    inside = [abs(score_stat_scipy(x, D, A, P)) <= z for x in grid]
    idx = [i for i, ok in enumerate(inside) if ok]
    i0, i1 = idx[0], idx[-1]
    f = lambda x, t: score_stat_scipy(x, D, A, P) - t
    low = -1.0 if i0 == 0 else optimize.brentq(f, grid[i0 - 1], grid[i0], args=(z,), xtol=1e-14)
    high = 1.0 if i1 == len(grid) - 1 else optimize.brentq(f, grid[i1], grid[i1 + 1], args=(-z,), xtol=1e-14)
    return 100 * low, 100 * high


SCORE_CASES = [(2, 3, 5, 0.95), (0, 0, 5, 0.95), (5, 0, 0, 0.95), (0, 7, 0, 0.95), (1, 0, 0, 0.95),
               (1, 0, 1, 0.95), (10, 20, 70, 0.95), (300, 250, 450, 0.95), (0, 1, 9, 0.95),
               (1, 0, 999, 0.95), (3, 4, 3, 0.95), (2, 3, 5, 0.90), (2, 3, 5, 0.99),
               (10, 20, 70, 0.99), (0, 0, 1, 0.95), (40, 25, 35, 0.80),
               (1, 1000000, 1, 0.95), (123456, 234567, 345678, 0.95), (0, 1000, 1, 0.95)]


def section_score():
    print("[score]  D A P conf: low high (mpmath bisection)  | scipy brentq diff")
    for (D, A, P, conf) in SCORE_CASES:
        lo, hi = score_interval_mp(D, A, P, conf)
        slo, shi = score_interval_scipy(D, A, P, conf)
        print(f"{D} {A} {P} {conf}: {r(lo)} {r(hi)}  | scipy {r(slo)} {r(shi)}"
              f" diff {abs(float(lo) - slo):.2e} {abs(float(hi) - shi):.2e}")


# ---------------------------------------------------------------- [two]
def shares(D, A, P, adjust):
    if adjust:
        D, A, P = adjusted(D, A, P)
    n = D + A + P
    return P / n, D / n, n


def two_sample(a, b, adjust, conf):
    pa, da, na = shares(*a, adjust)
    pb, db, nb = shares(*b, adjust)
    diff = 100 * ((pa - da) - (pb - db))
    se = 100 * math.sqrt((pa + da - (pa - da) ** 2) / na + (pb + db - (pb - db) ** 2) / nb)
    zs = diff / se
    p = 2 * stats.norm.sf(abs(zs))
    zc = z_of(conf)
    return diff, se, zs, p, diff - zc * se, diff + zc * se


def benchmark(a, value, adjust, conf):
    pa, da, na = shares(*a, adjust)
    diff = 100 * (pa - da) - value
    se = 100 * math.sqrt((pa + da - (pa - da) ** 2) / na)
    zs = diff / se
    p = 2 * stats.norm.sf(abs(zs))
    zc = z_of(conf)
    return diff, se, zs, p, diff - zc * se, diff + zc * se


TWO_CASES = [((10, 27, 50), (13, 31, 50)), ((20, 30, 50), (35, 30, 35)), ((0, 0, 5), (2, 3, 5)),
             ((300, 250, 450), (280, 300, 420))]


def section_two():
    print("[two]  a b method conf: diff se z p lo hi")
    for a, b in TWO_CASES:
        for adjust in (False, True):
            for conf in (0.95, 0.90):
                out = two_sample(a, b, adjust, conf)
                print(f"{a} {b} {'ADJ' if adjust else 'WALD'} {conf}: " + " ".join(r(x) for x in out))
    for a, value in (((10, 27, 50), 32.0), ((20, 30, 50), 72.0)):
        for adjust in (False, True):
            out = benchmark(a, value, adjust, 0.95)
            print(f"benchmark {a} vs {value} {'ADJ' if adjust else 'WALD'} 0.95: " + " ".join(r(x) for x in out))


# ---------------------------------------------------------------- [weighted]
def section_weighted():
    with open(os.path.join(HERE, "weighted_answers.csv")) as f:
        rows = list(csv.DictReader(f))
    s = np.array([int(row["score"]) for row in rows])
    w = np.array([float(row["weight"]) for row in rows])
    x = np.where(s >= 9, 1.0, np.where(s <= 6, -1.0, 0.0))
    print("[weighted]")

    def report(label, s_, w_, x_, conf=0.95):
        n = len(x_)
        W = w_.sum()
        r_ = (w_ * x_).sum() / W
        pw = w_[x_ == 1].sum() / W
        dw = w_[x_ == -1].sum() / W
        neff = W ** 2 / (w_ ** 2).sum()
        se_kish = 100 * math.sqrt((pw + dw - (pw - dw) ** 2) / neff)
        # svymean, one-stage design with ids = ~1: residuals per observation.
        v_lin = n / (n - 1) * ((w_ * (x_ - r_)) ** 2).sum() / W ** 2
        zc = z_of(conf)
        print(f"{label}: n={n} nps_w={r(100 * r_)} n_eff={r(neff)} se_kish={r(se_kish)}"
              f" kish_interval=({r(100 * r_ - zc * se_kish)}, {r(100 * r_ + zc * se_kish)})"
              f" se_lin={r(100 * math.sqrt(v_lin))} sumW={r(W)} sumW2={r((w_ ** 2).sum())}")

    report("all 240", s, w, x)
    report("first 100", s[:100], w[:100], x[:100])
    # Unit weights: the linearised SE is the Wald SE times sqrt(n/(n-1)).
    report("all 240 unit weights", s, np.ones_like(w), x)
    report("all 240 at 0.90", s, w, x, 0.90)


# ---------------------------------------------------------------- [size]
def section_size():
    print("[size]  exact | ceil | nearest")
    for margin in (5, 10, 3, 1):
        for s2 in (1.0, 0.75, 0.6):
            exact = z_of(0.95) ** 2 * s2 / (margin / 100) ** 2 - 3
            print(f"margin {margin} s2 {s2} 0.95: {r(exact)} | {math.ceil(exact)} | {round(exact)}")
    for margin, conf, s2 in ((5, 0.90, 1.0), (5, 0.99, 0.75), (50, 0.95, 0.6), (100, 0.95, 1.0)):
        exact = z_of(conf) ** 2 * s2 / (margin / 100) ** 2 - 3
        print(f"margin {margin} s2 {s2} {conf}: {r(exact)} | {math.ceil(exact)} | {round(exact)}")
    for delta, power, sa, sb, conf in ((10, 0.8, .75, .75, .95), (5, 0.8, .75, .75, .95),
                                        (10, 0.9, 1.0, 0.6, .95), (5, 0.8, 1, 1, .99), (20, 0.5, .75, .75, .95)):
        zb = stats.norm.ppf(power)
        exact = (z_of(conf) + zb) ** 2 * (sa + sb) / (delta / 100) ** 2 - 3
        print(f"difference {delta} power {power} s2 {sa},{sb} {conf}: {r(exact)} | {math.ceil(exact)} | {round(exact)}")


# ---------------------------------------------------------------- [normal]
def section_normal():
    mp.mp.dps = 50
    print("[normal]  x: cdf sf (relative difference to mpmath)")
    for x in (-40, -38, -37.5, -20, -10, -8, -5, -3.5, -3, -2.5, -1, -0.5, 0, 0.5, 1, 1.959963984540054,
              2.5, 2.9999, 3, 3.0001, 3.5, 5, 8, 10, 20, 30, 37, 38):
        c, s = stats.norm.cdf(x), stats.norm.sf(x)
        mc, ms = mp.ncdf(x), mp.ncdf(-x)
        rel = lambda a, b: float(abs(a - b) / b) if b != 0 else float(abs(a))
        print(f"x={x}: cdf={r(c)} sf={r(s)} pdf={r(stats.norm.pdf(x))}  rel {rel(mp.mpf(c), mc):.1e}"
              f" {rel(mp.mpf(s), ms):.1e}  mpmath cdf {mp.nstr(mc, 17)} sf {mp.nstr(ms, 17)}")
    print("[normal]  p: ppf (relative difference to mpmath)")
    for p in (1e-300, 1e-100, 1e-20, 1e-10, 1e-5, 0.001, 0.02, 0.02425, 0.025, 0.1, 0.3, 0.5, 0.7, 0.8, 0.9,
              0.95, 0.975, 0.97575, 0.99, 0.995, 0.999, 1 - 1e-10):
        q = stats.norm.ppf(p)
        # Solve ncdf(x) = p (or its upper tail) in 50 digits; erfinv(2p - 1) would round 2p - 1 to -1.
        if p == 0.5:
            mq = mp.mpf(0)
        elif p < 0.5:
            mq = mp.findroot(lambda t: mp.log(mp.ncdf(t)) - mp.log(p), q)
        else:
            mq = mp.findroot(lambda t: mp.log(mp.ncdf(-t)) - mp.log(1 - mp.mpf(p)), q)
        print(f"p={r(p)}: ppf={r(q)} isf(p)={r(stats.norm.isf(p))} mpmath {mp.nstr(mq, 20)}"
              f"  rel {float(abs(mp.mpf(q) - mq) / abs(mq)) if mq != 0 else abs(q):.1e}")
    mp.mp.dps = 80


# ---------------------------------------------------------------- [posterior]
def dirichlet_nps(alpha):
    """Mean and sd of 100 (p_P - p_D) from the Dirichlet's own mean vector and covariance matrix."""
    d = stats.dirichlet(alpha)
    m = d.mean()
    cov = d.cov()
    mean = 100 * (m[2] - m[0])
    var = cov[2, 2] + cov[0, 0] - 2 * cov[0, 2]
    return mean, 100 * math.sqrt(var)


def mc_draws(alpha, draws, seed):
    rng = np.random.default_rng(seed)
    out = np.empty(draws)
    chunk = 4_000_000
    for i in range(0, draws, chunk):
        k = min(chunk, draws - i)
        x = rng.dirichlet(alpha, size=k)
        out[i:i + k] = 100 * (x[:, 2] - x[:, 0])
    return out


POSTERIOR_CASES = [(2, 3, 5), (0, 0, 5), (40, 25, 35), (0, 0, 0), (5, 0, 0)]
JAVA_DRAWS = 200_000
REF_DRAWS = 40_000_000


def section_posterior():
    print(f"[posterior]  prior Dirichlet(0.75, 1.5, 0.75); Monte Carlo {REF_DRAWS} draws; tol = 5 x (MC SE of a "
          f"{JAVA_DRAWS}-draw estimate + MC SE of the reference)")
    samples = {}
    for k, (D, A, P) in enumerate(POSTERIOR_CASES):
        alpha = [D + 0.75, A + 1.5, P + 0.75]
        mean, sd = dirichlet_nps(alpha)
        x = np.sort(mc_draws(alpha, REF_DRAWS, 1000 + k))
        samples[(D, A, P)] = x
        line = f"{D} {A} {P} alpha={alpha}: mean={r(mean)} sd={r(sd)} (mc mean {x.mean():.4f} sd {x.std():.4f})"
        for level in (0.95, 0.80):
            out = []
            for prob in ((1 - level) / 2, (1 + level) / 2):
                qv = np.quantile(x, prob)
                h = 0.25 * sd * len(x) ** -0.2  # density at the quantile by a local window count
                dens = (np.searchsorted(x, qv + h) - np.searchsorted(x, qv - h)) / len(x) / (2 * h)
                se = math.sqrt(prob * (1 - prob)) / dens
                tol = 5 * se * (1 / math.sqrt(JAVA_DRAWS) + 1 / math.sqrt(REF_DRAWS))
                out.append(f"{qv:.4f} (tol {tol:.3f})")
            line += f" | cred{level}: " + " ".join(out)
        for v in (0.0, 50.0):
            pr = np.mean(x > v)
            tol = 5 * math.sqrt(pr * (1 - pr)) * (1 / math.sqrt(JAVA_DRAWS) + 1 / math.sqrt(REF_DRAWS))
            line += f" | P(>{v})={pr:.5f} (tol {tol:.4f})"
        print(line)
    # P(NPS_a > NPS_b) for independent posteriors, pairing independent draws.
    for a, b in (((40, 25, 35), (2, 3, 5)), ((2, 3, 5), (0, 0, 5))):
        xa = samples[a]
        xb = mc_draws([b[0] + 0.75, b[1] + 1.5, b[2] + 0.75], REF_DRAWS, 77)
        rng = np.random.default_rng(78)
        pr = np.mean(rng.permutation(xa) > xb)
        tol = 5 * math.sqrt(pr * (1 - pr)) * (1 / math.sqrt(JAVA_DRAWS) + 1 / math.sqrt(REF_DRAWS))
        print(f"P({a} > {b}) = {pr:.5f} (tol {tol:.4f})")
    # A different prior: Jeffreys-like Dirichlet(0.5, 0.5, 0.5).
    for (D, A, P) in ((2, 3, 5), (0, 0, 5)):
        mean, sd = dirichlet_nps([D + 0.5, A + 0.5, P + 0.5])
        print(f"prior 0.5,0.5,0.5 {D} {A} {P}: mean={r(mean)} sd={r(sd)}")


# ---------------------------------------------------------------- [impact]
def section_impact():
    print("[impact]")
    for overall, topic in (((30, 30, 40), (12, 5, 3)), ((100, 200, 700), (1, 0, 9))):
        N = sum(overall)
        k = sum(topic)
        O = 100 * (overall[2] - overall[0]) / N
        T = 100 * (topic[2] - topic[0]) / k
        rest = [o - t for o, t in zip(overall, topic)]
        R = 100 * (rest[2] - rest[0]) / sum(rest)
        print(f"overall {overall} topic {topic}: O - NPS(rest) = {r(O - R)}  k(T - O)/(N - k) = {r(k * (T - O) / (N - k))}")


def section_json():
    """The estimate whose JSON the tests read back: answers 0, 5, 7, 8, 9, 10, 10, 3, 9, 9."""
    D, A, P = 3, 2, 5
    nps, se, _ = nps_se(D, A, P)
    wl, wh = wald(D, A, P, 0.95)
    al, ah, _, _ = adjusted_wald(D, A, P, 0.95)
    sl, sh = score_interval_mp(D, A, P, 0.95)
    print("[json]  D=3 A=2 P=5 at 0.95")
    print(f"nps={r(nps)} se={r(se)} wald {r(wl)} {r(wh)} adj {r(al)} {r(ah)} score {r(sl)} {r(sh)}")


# ---------------------------------------------------------------- [ranking]
def holm(p):
    """Holm's step-down adjusted p-values: max over j <= i of min(1, (m - j) p_(j))."""
    m = len(p)
    order = sorted(range(m), key=lambda i: p[i])
    out, running = [0.0] * m, 0.0
    for k, i in enumerate(order):
        running = max(running, min(1.0, (m - k) * p[i]))
        out[i] = running
    return out


def benjamini_hochberg(p):
    """BH step-up adjusted p-values: min over j >= i of min(1, m p_(j) / j)."""
    m = len(p)
    order = sorted(range(m), key=lambda i: p[i])
    out, running = [0.0] * m, 1.0
    for k in range(m - 1, -1, -1):
        running = min(running, min(1.0, m * p[order[k]] / (k + 1)))
        out[order[k]] = running
    return out


def dersimonian_laird_strength(agents, sigma2):
    """Random-effects between-agent variance tau^2 (DerSimonian-Laird, weights n_i / sigma^2) turned
    into the Dirichlet prior strength a0 = sigma^2 / tau^2 - 1; 1e9 (complete shrinkage) when
    tau^2 is nil, 0 for fewer than two agents."""
    if len(agents) < 2 or sigma2 == 0:
        return 0.0
    w = [sum(a) / sigma2 for a in agents]
    x = [(a[2] - a[0]) / sum(a) for a in agents]
    sw = sum(w)
    mean = sum(wi * xi for wi, xi in zip(w, x)) / sw
    q = sum(wi * (xi - mean) ** 2 for wi, xi in zip(w, x))
    tau2 = max(0.0, (q - (len(agents) - 1)) / (sw - sum(wi * wi for wi in w) / sw))
    return 1e9 if tau2 <= sigma2 / 1e9 else max(0.0, sigma2 / tau2 - 1)


def ranking(fleet, basis="LOWER_BOUND", correction="HOLM", method="ADJUSTED_WALD", conf=0.95, strength=None):
    keys = list(fleet)
    agents = [fleet[k] for k in keys]
    m = len(agents)
    D, A, P = (sum(a[i] for a in agents) for i in range(3))
    n = D + A + P
    mp_, md = P / n, D / n
    a0 = dersimonian_laird_strength(agents, mp_ + md - (mp_ - md) ** 2) if strength is None else strength
    adjust = method != "WALD"  # the score interval has no two-sample form: its tests use the adjusted Wald
    rows = []
    for (d, a, p) in agents:
        shrunk = 100 * (p + a0 * mp_ - d - a0 * md) / (d + a + p + a0)
        bound = {"WALD": lambda: wald(d, a, p, conf)[0],
                 "ADJUSTED_WALD": lambda: adjusted_wald(d, a, p, conf)[0]}.get(method, lambda: None)()
        rest = (D - d, A - a, P - p)
        pa, da, na = shares(d, a, p, adjust)
        pb, db, nb = shares(*rest, adjust)
        diff = (pa - da) - (pb - db)
        se = math.sqrt((pa + da - (pa - da) ** 2) / na + (pb + db - (pb - db) ** 2) / nb)
        pvalue = (1.0 if diff == 0 else 0.0) if se == 0 else min(1.0, 2 * stats.norm.sf(abs(diff) / se))
        rows.append(dict(shrunk=shrunk, bound=bound, diff=diff, p=pvalue, n=d + a + p))
    adjusted_p = (holm if correction == "HOLM" else benjamini_hochberg)([row["p"] for row in rows])
    # Plausible rank range: 1 + (agents significantly above) .. m - (agents significantly below),
    # two-sided z tests of every pair at alpha / (m (m - 1) / 2).
    critical = stats.norm.ppf(1 - (1 - conf) / (m * (m - 1) / 2) / 2) if m > 1 else math.inf
    above, below = [0] * m, [0] * m
    for i in range(m):
        for j in range(i + 1, m):
            pi_, di, ni = shares(*agents[i], adjust)
            pj, dj, nj = shares(*agents[j], adjust)
            diff = (pi_ - di) - (pj - dj)
            se = math.sqrt((pi_ + di - (pi_ - di) ** 2) / ni + (pj + dj - (pj - dj) ** 2) / nj)
            if (diff != 0) if se == 0 else abs(diff) / se > critical:
                hi, lo = (i, j) if diff > 0 else (j, i)
                above[lo] += 1
                below[hi] += 1
    key = (lambda i: rows[i]["bound"]) if basis == "LOWER_BOUND" else (lambda i: rows[i]["shrunk"])
    order = sorted(range(m), key=lambda i: (-key(i), -rows[i]["n"], str(keys[i])))
    print(f"{basis} {correction} {method} {conf} strength={r(a0)} pooled={r(100 * (P - D) / n)}")
    for position, i in enumerate(order):
        flag = "NONE"
        if adjusted_p[i] < 1 - conf:
            flag = "BOTTOM" if rows[i]["diff"] < 0 else "TOP"
        print(f'    row("{keys[i]}", {position + 1}, {r(rows[i]["shrunk"])}, {1 + above[i]}, {m - below[i]}, '
              f'{r(rows[i]["p"])}, {r(adjusted_p[i])}, Flag.{flag}),')


RANKING_FLEET = {"A": (10, 20, 70), "B": (20, 30, 50), "C": (15, 25, 40), "D": (30, 30, 40), "E": (40, 20, 20),
                 "F": (25, 25, 50), "G": (34, 30, 35)}


def section_ranking():
    print("[ranking]  basis correction method conf: agent rank shrunken best worst p adjusted-p flag")
    ranking(RANKING_FLEET)
    ranking(RANKING_FLEET, correction="BENJAMINI_HOCHBERG")
    ranking(RANKING_FLEET, basis="SHRUNKEN", method="WALD", conf=0.90)
    ranking(RANKING_FLEET, basis="SHRUNKEN", method="SCORE")
    ranking({"A": (10, 30, 60), "B": (50, 30, 20)})
    ranking({"A": (0, 0, 40), "B": (40, 0, 0), "C": (0, 0, 40)}, method="WALD")
    ranking({"C": (5, 5, 10), "A": (5, 5, 10), "B": (10, 10, 20)}, basis="SHRUNKEN", strength=0.0)


SECTIONS = {"z": section_z, "wald": section_wald, "score": section_score, "two": section_two,
            "weighted": section_weighted, "size": section_size, "normal": section_normal,
            "posterior": section_posterior, "impact": section_impact, "json": section_json,
            "ranking": section_ranking}

if __name__ == "__main__":
    import sys
    print(f"numpy {np.__version__} scipy {scipy.__version__} mpmath {mp.__version__}")
    for name in sys.argv[1:] or SECTIONS:  # e.g. python3 nps_reference.py score normal
        SECTIONS[name]()
