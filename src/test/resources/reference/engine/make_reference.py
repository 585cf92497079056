"""Reference values for the engine tests, computed independently of the Java code.

FID exactly as the 2019 Kaggle scoring code (scipy.linalg.sqrtm), the memorization distance exactly as its
cosine_distance, MiFID with the 1e-15 offset. Run from this folder: python3 make_reference.py
"""
import json

import numpy as np
from scipy import linalg


def calculate_frechet_distance(mu1, sigma1, mu2, sigma2, eps=1e-6):
    # verbatim semantics of the competition code (itself from the TTUR reference implementation)
    diff = mu1 - mu2
    covmean = linalg.sqrtm(sigma1.dot(sigma2))
    if not np.isfinite(covmean).all():
        offset = np.eye(sigma1.shape[0]) * eps
        covmean = linalg.sqrtm((sigma1 + offset).dot(sigma2 + offset))
    if np.iscomplexobj(covmean):
        covmean = covmean.real
    return float(diff.dot(diff) + np.trace(sigma1) + np.trace(sigma2) - 2 * np.trace(covmean))


def normalize_rows(x):
    return np.nan_to_num(x / np.linalg.norm(x, ord=2, axis=1, keepdims=True))


def cosine_distance(features1, features2):
    features1_nozero = features1[np.sum(features1, axis=1) != 0]
    features2_nozero = features2[np.sum(features2, axis=1) != 0]
    norm_f1 = normalize_rows(features1_nozero)
    norm_f2 = normalize_rows(features2_nozero)
    d = 1.0 - np.abs(np.matmul(norm_f1, norm_f2.T))
    return float(np.mean(np.min(d, axis=1)))


def nearest(features1, features2, k):
    """Per generated row: the k nearest training rows (indices into the full matrix), -1 for dropped rows."""
    keep2 = np.nonzero(np.sum(features2, axis=1) != 0)[0]
    n2 = normalize_rows(features2[keep2].astype(np.float64))
    out = []
    for row in features1.astype(np.float64):
        if np.sum(row) == 0:
            out.append([-1] * k)
            continue
        d = 1.0 - np.abs(n2 @ (row / np.linalg.norm(row)))
        out.append([int(keep2[j]) for j in np.argsort(d, kind="stable")[:k]])
    return out


def stats(x):
    x = x.astype(np.float64)
    return np.mean(x, axis=0), np.cov(x, rowvar=False)


def case(name, gen, train, eps, fortran=False, dtype=np.float32):
    gen = gen.astype(dtype)
    train = train.astype(dtype)
    np.save(f"{name}_gen.npy", np.asfortranarray(gen) if fortran else gen)
    np.save(f"{name}_train.npy", np.asfortranarray(train) if fortran else train)
    mu1, s1 = stats(gen)
    mu2, s2 = stats(train)
    fid = calculate_frechet_distance(mu1, s1, mu2, s2)
    # an independent check of the same number through eigenvalues (not what the Java code does)
    w, v = np.linalg.eigh(s1)
    a = (v * np.sqrt(np.clip(w, 0, None))) @ v.T
    ev = np.linalg.eigvalsh(a @ s2 @ a)
    fid_eig = float((mu1 - mu2) @ (mu1 - mu2) + np.trace(s1) + np.trace(s2) - 2 * np.sqrt(np.clip(ev, 0, None)).sum())
    dist = cosine_distance(gen, train)
    thr = dist if dist < eps else 1.0
    # the same distance in float64: the scoring code's float32 matmul keeps ~1e-7 of it, which is most of a
    # memorizer's distance, so MiFID is checked against this one
    dist64 = cosine_distance(gen.astype(np.float64), train.astype(np.float64))
    thr64 = dist64 if dist64 < eps else 1.0
    return {
        "name": name, "eps": eps, "fid": fid, "fid_eigen": fid_eig, "distance": dist,
        "distance_thresholded": thr, "mifid": fid / (thr + 1e-15),
        "distance64": dist64, "mifid64": fid / (thr64 + 1e-15),
        "n_generated": int(gen.shape[0]), "n_train": int(train.shape[0]), "dim": int(gen.shape[1]),
        "rank_deficient": bool(gen.shape[0] <= gen.shape[1] or train.shape[0] <= train.shape[1]),
        "nearest3": nearest(gen, train, 3),
    }


rng = np.random.default_rng(2019)
mix = rng.normal(size=(24, 24))
cases = []
# full rank, signed correlated features (|cos| matters: some generated rows are negated training rows)
train = rng.normal(size=(400, 24)) @ mix
gen = rng.normal(size=(300, 24)) @ mix * 1.1 + 0.3
gen[:20] = -train[:20] * 0.97
cases.append(case("fullrank", gen, train, 0.1))
# the same data as float64 in Fortran order
cases.append(case("fortran64", gen, train, 0.1, fortran=True, dtype=np.float64))
# zero rows in both sets, and a row that sums to zero without being zero
train_z = train.copy()
train_z[5] = 0
gen_z = gen.copy()
gen_z[7] = 0
gen_z[9, :] = 0
gen_z[9, 0], gen_z[9, 1] = 2.0, -2.0
cases.append(case("zerorows", gen_z, train_z, 0.1))
# rank-deficient: fewer samples than dimensions in both sets
cases.append(case("rankdeficient", rng.normal(size=(12, 32)) + 0.5, rng.normal(size=(20, 32)), 0.1))
# a memorizer: near-copies of training rows, far below the threshold
mem = train[rng.choice(400, 200, replace=False)] * 1.02 + rng.normal(scale=0.01, size=(200, 24))
cases.append(case("memorizer", mem, train, 0.1))
# non-negative (ReLU-like) features, the usual case
relu_train = np.maximum(rng.normal(size=(500, 48)) @ rng.normal(size=(48, 48)), 0)
relu_gen = np.maximum(rng.normal(size=(350, 48)) @ rng.normal(size=(48, 48)), 0)
cases.append(case("relu", relu_gen, relu_train, 0.25))

# pytorch-fid style statistics files, stored and deflated, for the .npz reader and --train-stats
mu_t, s_t = stats(train.astype(np.float32))
np.savez("fullrank_train_stats.npz", mu=mu_t, sigma=s_t)
np.savez_compressed("fullrank_train_stats_compressed.npz", mu=mu_t, sigma=s_t)

with open("expected.json", "w") as f:
    json.dump(cases, f, indent=1)
for c in cases:
    print(c["name"], c["fid"], c["fid_eigen"], c["distance"], c["mifid"])
