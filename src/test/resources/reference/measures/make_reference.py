"""Reference values for the copying measures, computed independently of the Java code.

Copy share and percentiles with numpy.percentile; authenticity as Alaa et al. (ICML 2022): a generated sample
fails when it is closer to its nearest real sample than that real sample is to its own nearest real neighbour;
the data-copying test C_T as Meehan, Chaudhuri and Dasgupta (AISTATS 2020): k-means cells on the training set
(scikit-learn's KMeans from given initial centres), in each cell scipy's Mann-Whitney U of the generated
samples' nearest in-cell training distances against the held-out samples', z-scored with the authors' 0.5
continuity correction, averaged with the held-out shares of the cells holding more than tau of the generated
samples. Distances are the workbench's cosine distance 1 - |cos|; per-image distances are rounded to float32,
as the workbench stores them. Run from this folder: /usr/bin/python3 make_reference.py
"""
import json

import numpy as np
from scipy.stats import mannwhitneyu
from sklearn.cluster import KMeans


def normalize_rows(x):
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def distances(a, b):
    return 1.0 - np.abs(normalize_rows(a.astype(np.float64)) @ normalize_rows(b.astype(np.float64)).T)


def self_nearest(train):
    d = distances(train, train)
    np.fill_diagonal(d, np.inf)
    return d.min(axis=1).astype(np.float32)


def zu(lq, lp):
    m, n = len(lq), len(lp)
    u, _ = mannwhitneyu(lq, lp, alternative='less')
    return (u - (n * m / 2 - 0.5)) / np.sqrt(n * m * (n + m + 1) / 12)


def c_t(gen, held, train, init_rows, tau):
    train_n = normalize_rows(train.astype(np.float64))
    km = KMeans(n_clusters=len(init_rows), init=train_n[init_rows], n_init=1, tol=0, max_iter=300,
                algorithm='lloyd').fit(train_n)
    cells = lambda x: km.predict(normalize_rows(x.astype(np.float64)))
    gc, hc, tc = cells(gen), cells(held), km.labels_
    total, weights, used = 0.0, 0.0, 0
    for c in range(len(init_rows)):
        g, h, t = gen[gc == c], held[hc == c], train[tc == c]
        if len(g) / len(gen) <= tau or len(h) == 0 or len(t) == 0:
            continue
        lg = distances(g, t).min(axis=1).astype(np.float32)
        lh = distances(h, t).min(axis=1).astype(np.float32)
        w = len(h) / len(held)
        total += w * zu(lg, lh)
        weights += w
        used += 1
    return total / weights, used, km.labels_.tolist()


def case(name, rng, n_train, n_gen, n_held, dim, copies, cells):
    train = rng.normal(size=(n_train, dim)).astype(np.float32) + 0.5
    held = rng.normal(size=(n_held, dim)).astype(np.float32) + 0.5
    gen = rng.normal(size=(n_gen, dim)).astype(np.float32) + 0.5
    copied = rng.choice(n_train, size=copies, replace=False)
    gen[:copies] = train[copied] + 0.01 * rng.normal(size=(copies, dim)).astype(np.float32)
    for suffix, x in (('train', train), ('gen', gen), ('held', held)):
        np.save(f'{name}_{suffix}.npy', x)
    d = distances(gen, train)
    nearest = d.min(axis=1).astype(np.float32)
    nearest_row = d.argmin(axis=1)
    own = self_nearest(train)
    threshold = float(np.percentile(own.astype(np.float64), 5))
    init_rows = list(range(0, n_train, n_train // cells))[:cells]
    tau = 20 / n_gen
    ct, used, labels = c_t(gen, held, train, init_rows, tau)
    x, y = rng.random(40), rng.random(30)
    x[:5] = y[:5]  # ties
    return {
        'name': name,
        'threshold': threshold,
        'copy_share': float(np.mean(nearest.astype(np.float64) <= threshold)),
        'p5': float(np.percentile(nearest.astype(np.float64), 5)),
        'median': float(np.percentile(nearest.astype(np.float64), 50)),
        'inauthentic_share': float(np.mean(nearest < own[nearest_row])),
        'init_rows': init_rows,
        'tau': tau,
        'ct': float(ct),
        'cells_used': used,
        'train_cells': labels,
        'mw_x': x.tolist(), 'mw_y': y.tolist(),
        'mw_u': float(mannwhitneyu(x, y, alternative='less').statistic),
    }


rng = np.random.default_rng(15)
cases = [case('honest', rng, 300, 200, 150, 12, 0, 4), case('copier', rng, 300, 200, 150, 12, 40, 4)]
with open('expected.json', 'w') as f:
    json.dump(cases, f, indent=1)
for c in cases:
    print(c['name'], c['threshold'], c['copy_share'], c['p5'], c['median'], c['inauthentic_share'], c['ct'],
          c['cells_used'])
