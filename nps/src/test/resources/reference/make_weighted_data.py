"""Writes weighted_answers.csv: 240 survey answers (score 0-10, weight with 3 decimals).

Run once; the CSV is committed and read by both nps_reference.py and WeightedNpsReferenceTest, so
the data never depends on NumPy's generator staying stable across versions.
    python3 make_weighted_data.py > weighted_answers.csv
"""
import numpy as np

rng = np.random.default_rng(20240501)
scores = rng.choice(11, size=240, p=[.04, .02, .03, .04, .05, .06, .08, .14, .16, .18, .20])
weights = np.maximum(0.05, np.round(rng.lognormal(0.0, 0.6, size=240), 3))
print("score,weight")
for s, w in zip(scores, weights):
    print(f"{int(s)},{w:.3f}")
