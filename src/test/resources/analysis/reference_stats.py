#!/usr/bin/env python3
"""Reference values for the leaderboard analysis tests (org.mifid.workbench.analysis, service.LeaderboardReport).

Run from this folder:  python3 reference_stats.py [path/to/kaggle-dogs-results-sample.csv]
  - writes synthetic-leaderboard.csv (a fixed-seed fixture with ties) and expected-synthetic.json;
  - with the released-results sample, writes expected-kaggle-sample.json (the CSV itself is never committed).
Correlations come from scipy.stats (spearmanr, kendalltau with its default tau-b, pearsonr, rankdata); the AUC is
computed by brute force over all (memorizer, clean) pairs, lower distance meaning memorizer, ties one half.
"""
import csv
import json
import sys

import numpy as np
from scipy import stats


def auc_brute(dist, labels):
    mem = [d for d, l in zip(dist, labels) if l not in ("", "non-mem")]
    clean = [d for d, l in zip(dist, labels) if l == "non-mem"]
    if not mem or not clean:
        return None
    wins = 0.0
    for m in mem:
        for c in clean:
            wins += 1.0 if m < c else (0.5 if m == c else 0.0)
    return wins / (len(mem) * len(clean))


def counts(dist, labels, eps):
    flag = [d < eps for d in dist]
    mem = [l not in ("", "non-mem") for l in labels]
    clean = [l == "non-mem" for l in labels]
    return {
        "threshold": eps,
        "submissions": len(dist),
        "flagged": sum(flag),
        "labelled_memorizers": sum(mem),
        "flagged_memorizers": sum(f and m for f, m in zip(flag, mem)),
        "labelled_clean": sum(clean),
        "flagged_clean": sum(f and c for f, c in zip(flag, clean)),
    }


def top_k(a, b, k):
    # stable argsort: ties broken by position, as the Java side documents
    best_a = set(np.argsort(a, kind="stable")[:k].tolist())
    best_b = set(np.argsort(b, kind="stable")[:k].tolist())
    return len(best_a & best_b) / k


def agreement(a, b):
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    ra = stats.rankdata(a)
    rb = stats.rankdata(b)
    return {
        "n": len(a),
        "spearman": float(stats.spearmanr(a, b).statistic),
        "kendall_tau_b": float(stats.kendalltau(a, b).statistic),
        "pearson": float(stats.pearsonr(a, b).statistic),
        "mean_abs_rank_diff": float(np.mean(np.abs(ra - rb))),
        "top_10_overlap": top_k(a, b, 10),
        "top_50_overlap": top_k(a, b, 50),
    }


def synthetic():
    rng = np.random.default_rng(20190801)
    n = 120
    fid_public = np.round(rng.normal(60, 15, n), 0)          # whole numbers: many ties
    fid_private = np.round(fid_public * 1.6 + rng.normal(0, 12, n), 0)
    distance = np.round(rng.uniform(0.05, 0.45, n), 2)        # two decimals: ties in the AUC
    kinds = rng.choice(["", "", "non-mem", "mgan", "aug"], n)
    labels = [str(k) for k in kinds]
    # memorizers get smaller distances on average, with overlap
    distance = np.where(np.isin(kinds, ["mgan", "aug"]), np.round(distance * 0.6, 2), distance)
    with open("synthetic-leaderboard.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "fid_public", "fid_private", "distance", "label"])
        for i in range(n):
            w.writerow([f"s{i}", repr(float(fid_public[i])), repr(float(fid_private[i])),
                        repr(float(distance[i])), labels[i]])
    # read back what was written so both sides see the same doubles
    rows = list(csv.DictReader(open("synthetic-leaderboard.csv")))
    fp = [float(r["fid_public"]) for r in rows]
    fq = [float(r["fid_private"]) for r in rows]
    d = [float(r["distance"]) for r in rows]
    lab = [r["label"] for r in rows]
    grid = [i * 0.05 for i in range(11)]
    out = {
        "agreement": agreement(fp, fq),
        "auc": auc_brute(d, lab),
        "counts_at_0.2": counts(d, lab, 0.2),
        "sweep": [counts(d, lab, t) for t in grid],
    }
    json.dump(out, open("expected-synthetic.json", "w"), indent=2)


def kaggle(path):
    rows = list(csv.DictReader(open(path)))
    lab = [r["labels"] for r in rows]
    out = {}
    for board, eps in (("public", 0.1), ("private", 0.25)):
        d = [float(r["distance_" + board]) for r in rows]
        out[board] = {"auc": auc_brute(d, lab), "counts": counts(d, lab, eps)}
    out["fid_agreement"] = agreement([float(r["FID_public"]) for r in rows],
                                     [float(r["FID_private"]) for r in rows])
    out["disqualified_private"] = sum(1 for r in rows if float(r["private_score"]) == 999999.0)
    json.dump(out, open("expected-kaggle-sample.json", "w"), indent=2)


if __name__ == "__main__":
    synthetic()
    if len(sys.argv) > 1:
        kaggle(sys.argv[1])
