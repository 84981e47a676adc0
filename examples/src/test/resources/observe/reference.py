"""Independent reference figures for ObserveCommandTest (cemkit journey observe).

Run:  python3 reference.py generate > events.csv
      python3 reference.py expect events.csv awareness,consideration,purchase,onboarding [WINDOW_SECONDS] [strict]
The second prints the JSON the command must produce (numbers compared to 1e-9 relative in the test).

Written from the documented definitions, not from the Java code, and with different algorithms:
- customers' events: stable sort by (time) of the rows in file order;
- funnel: brute force over every s0 event as a start, greedy earliest match from it (no dynamic programming);
  strict: over collapsed stage visits, every start visit tried;
- gaps: exact integer nanoseconds, means with fractions, medians by sorting;
- attribution: numpy.linalg.solve of the absorbing chain, one state removed at a time.
"""
import csv, json, random, sys
from datetime import datetime, timezone
from fractions import Fraction
from collections import Counter, defaultdict
import numpy as np

STAGES = ["awareness", "consideration", "purchase", "onboarding", "service"]
TOUCHPOINTS = {"awareness": ["ad", "friend"], "consideration": ["site", "compare"],
               "purchase": ["checkout"], "onboarding": ["welcome", "card"], "service": ["support"]}
CHANNELS = ["web", "app", "branch"]


def generate():
    rnd = random.Random(20261124)
    rows = []
    base = 1_767_225_600  # 2026-01-01T00:00:00Z
    for c in range(60):
        cust = "c%02d" % c
        t = base + rnd.randrange(0, 86400 * 20)
        first = 0 if rnd.random() < 0.85 else rnd.randrange(1, 3)
        stage_i = first
        n = rnd.randrange(1, 12)
        channel = rnd.choice(CHANNELS)
        for _ in range(n):
            stage = STAGES[stage_i]
            tp = rnd.choice(TOUCHPOINTS[stage])
            if rnd.random() < 0.3:
                channel = rnd.choice(CHANNELS)
            millis = rnd.choice([0, 0, 0, 250, 500])
            rows.append((cust, t, millis, tp, stage, channel))
            step = rnd.random()
            # ties: sometimes the same second
            t += 0 if rnd.random() < 0.1 else rnd.randrange(1, 3 * 86400)
            if step < 0.55 and stage_i < len(STAGES) - 1:
                stage_i += 1
            elif step < 0.7 and stage_i > 0:
                stage_i -= 1
    rnd.shuffle(rows)
    # keep ties of one customer in a fixed relative order (the shuffle decides it; the file order is the truth)
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["customer_id", "timestamp", "touchpoint", "stage", "channel"])
    for i, (cust, t, millis, tp, stage, channel) in enumerate(rows):
        dt = datetime.fromtimestamp(t, timezone.utc)
        if i % 3 == 0:
            stamp = dt.strftime("%Y-%m-%dT%H:%M:%S") + (".%03d" % millis if millis else "") + "Z"
        elif i % 3 == 1:
            local = datetime.fromtimestamp(t + 7200, timezone.utc)
            stamp = local.strftime("%Y-%m-%dT%H:%M:%S") + (".%03d" % millis if millis else "") + "+02:00"
        else:
            stamp = dt.strftime("%Y-%m-%dT%H:%M:%S") + (".%03d" % millis if millis else "")
        out.writerow([cust, stamp, tp, stage, channel])


def nanos(stamp):
    s = stamp.replace("Z", "+00:00")
    dt = datetime.fromisoformat(s)
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    delta = dt - datetime(1970, 1, 1, tzinfo=timezone.utc)
    return (delta.days * 86400 + delta.seconds) * 10**9 + delta.microseconds * 1000


def load(path):
    by = defaultdict(list)
    first_seen = []
    with open(path, newline="") as f:
        for i, r in enumerate(csv.DictReader(f)):
            c = r["customer_id"]
            if c not in by:
                first_seen.append(c)
            by[c].append((nanos(r["timestamp"]), i, r["touchpoint"], r["stage"], r["channel"]))
    for c in by:
        by[c].sort(key=lambda e: (e[0], e[1]))
    return by, first_seen


def median_seconds(values):
    v = sorted(values)
    n = len(v)
    return (v[(n - 1) // 2] + v[n // 2]) / 2 / 1e9


def mean_seconds(values):
    return float(Fraction(sum(values), len(values)) / 10**9)


def edges(pairs):
    out = []
    for (a, b), gaps in pairs.items():
        out.append({"from": a, "to": b, "count": len(gaps), "meanGapSeconds": mean_seconds(gaps),
                    "medianGapSeconds": median_seconds(gaps)})
    out.sort(key=lambda e: (-e["count"], e["from"], e["to"]))
    return out


def greedy(evs, start, stages, window):
    """From start index: positions of steps 0..k-1 matched earliest, stopping at the window."""
    pos = [start]
    j = start + 1
    for s in stages[1:]:
        while j < len(evs) and evs[j][3] != s:
            j += 1
        if j == len(evs) or evs[j][0] - evs[start][0] > window:
            break
        pos.append(j)
        j += 1
    return pos


def funnel_customer(evs, stages, window, strict):
    """Steps reached, and per reached step (position of first completion, time to convert)."""
    k = len(stages)
    chains = []  # (start position, positions of steps)
    if not strict:
        for s in range(len(evs)):
            if evs[s][3] == stages[0]:
                chains.append(greedy(evs, s, stages, window))
    else:
        visits = [p for p in range(len(evs)) if p == 0 or evs[p][3] != evs[p - 1][3]]
        for vi, v in enumerate(visits):
            if evs[v][3] != stages[0]:
                continue
            pos = [v]
            for i in range(1, k):
                if vi + i < len(visits) and evs[visits[vi + i]][3] == stages[i] \
                        and evs[visits[vi + i]][0] - evs[v][0] <= window:
                    pos.append(visits[vi + i])
                else:
                    break
            chains.append(pos)
    level = max((len(c) for c in chains), default=0)
    first = []
    for i in range(level):
        p = min(c[i] for c in chains if len(c) > i)
        if strict:
            start = max(c[0] for c in chains if len(c) > i and c[i] == p)
        else:
            # latest s0 before p from which step i-1 completes before p (within the window of p)
            start = None
            for s in range(p, -1, -1):
                if evs[s][3] != stages[0] or (i > 0 and s >= p):
                    continue
                if i == 0:
                    start = s if s == p else start
                    continue
                g = greedy(evs, s, stages[:i], window)
                if len(g) == i and g[-1] < p and evs[p][0] - evs[s][0] <= window:
                    start = s
                    break
        first.append((p, evs[p][0] - evs[start][0]))
    return level, first


def attribution(by, order, stages, window, strict):
    paths = []
    for c in order:
        evs = by[c]
        level, first = funnel_customer(evs, stages, window, strict)
        if level == len(stages):
            paths.append(([e[2] for e in evs[:first[-1][0] + 1]], True))
        else:
            paths.append(([e[2] for e in evs], False))
    tps = sorted({t for p, _ in paths for t in p})
    idx = {t: i + 1 for i, t in enumerate(tps)}
    n = len(tps) + 1
    counts = np.zeros((n, n)); conv = np.zeros(n); lost = np.zeros(n)
    for p, converted in paths:
        prev = 0
        for t in p:
            counts[prev, idx[t]] += 1
            prev = idx[t]
        (conv if converted else lost)[prev] += 1

    def p_conv(removed):
        out = counts.sum(axis=1) + conv + lost
        Q = np.zeros((n, n)); r = np.zeros(n)
        for i in range(n):
            if out[i] == 0 or i == removed:
                continue
            Q[i] = counts[i] / out[i]
            r[i] = conv[i] / out[i]
        if removed >= 0:
            Q[:, removed] = 0
        x = np.linalg.solve(np.eye(n) - Q, r)
        return x[0]

    base = p_conv(-1)
    effects = {t: (max(0.0, 1 - p_conv(idx[t]) / base) if base > 0 else 0.0) for t in tps}
    total = sum(effects.values())
    conversions = sum(1 for _, cv in paths if cv)
    rows = []
    for t in tps:
        share = effects[t] / total if total else 0.0
        rows.append({"touchpoint": t, "removalEffect": effects[t], "share": share, "conversions": share * conversions})
    rows.sort(key=lambda r: (-r["removalEffect"], r["touchpoint"]))
    return {"paths": len(paths), "conversions": conversions, "conversionProbability": base, "touchpoints": rows}


def expect(path, stages, window, strict):
    by, order = load(path)
    out = {"events": sum(len(v) for v in by.values()), "customers": len(by)}
    switches = 0; resumed = Counter(); pairs = defaultdict(list); stage_pairs = defaultdict(list)
    variants = Counter()
    for c in order:
        evs = by[c]
        variants[tuple(e[2] for e in evs)] += 1
        for a, b in zip(evs, evs[1:]):
            pairs[(a[2], b[2])].append(b[0] - a[0])
            if a[4] != b[4]:
                switches += 1
                if a[3] == b[3]:
                    resumed[a[3]] += 1
        visits = [p for p in range(len(evs)) if p == 0 or evs[p][3] != evs[p - 1][3]]
        for v, w in zip(visits, visits[1:]):
            stage_pairs[(evs[v][3], evs[w][3])].append(evs[w][0] - evs[v][0])
    out["channelSwitches"] = switches
    out["resumptions"] = sum(resumed.values())
    out["resumptionsByStage"] = dict(sorted(resumed.items()))
    out["transitions"] = edges(pairs)
    k = len(stages)
    reached = [0] * k; ttc = [[] for _ in range(k)]; nxt = [Counter() for _ in range(k)]
    for c in order:
        evs = by[c]
        level, first = funnel_customer(evs, stages, window, strict)
        for i in range(level):
            reached[i] += 1
            if i > 0:
                ttc[i].append(first[i][1])
        if 0 < level < k:
            p = first[level - 1][0] + 1
            nxt[level][evs[p][2] if p < len(evs) else "(end)"] += 1
    steps = []
    for i in range(k):
        prev = reached[0] if i == 0 else reached[i - 1]
        conv = (1.0 if reached[0] else 0.0) if i == 0 else (reached[i] / prev if prev else 0.0)
        steps.append({"stage": stages[i], "customers": reached[i], "conversion": conv,
                      "overallConversion": reached[i] / reached[0] if reached[0] else 0.0,
                      "dropOff": prev - reached[i],
                      "medianSecondsToConvert": median_seconds(ttc[i]) if ttc[i] else None,
                      "meanSecondsToConvert": mean_seconds(ttc[i]) if ttc[i] else None,
                      "nextAfterDropOff": dict(sorted(nxt[i].items(), key=lambda kv: (-kv[1], kv[0])))})
    out["funnel"] = steps
    out["stageTransitions"] = edges(stage_pairs)
    vs = sorted(variants.items(), key=lambda kv: (-kv[1], list(kv[0])))[:10]
    out["variants"] = [{"path": list(p), "customers": n} for p, n in vs]
    out["attribution"] = attribution(by, order, stages, window, strict)
    return out


if __name__ == "__main__":
    if sys.argv[1] == "generate":
        generate()
    else:
        window = int(sys.argv[4]) * 10**9 if len(sys.argv) > 4 and sys.argv[4] != "none" else float("inf")
        strict = len(sys.argv) > 5 and sys.argv[5] == "strict"
        print(json.dumps(expect(sys.argv[2], sys.argv[3].split(","), window, strict), indent=2))
