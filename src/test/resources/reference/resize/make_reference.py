"""Reference values for the resize modes, computed independently of the Java code.

Bilinear modes: numpy implementations of the three libraries' coordinate rules (TF1 resize_bilinear with
align_corners=False, torch.nn.functional.interpolate(bilinear, align_corners=False), align_corners=True).
PIL bicubic: Pillow itself. Run with Debian's python3 (apt python3-pil python3-numpy):
    /usr/bin/python3 make_reference.py
"""
import json

import numpy as np
from PIL import Image


def synthetic(size=64):
    y, x = np.mgrid[0:size, 0:size]
    r = (7 * x + 3 * y) % 256
    g = np.floor(128 + 127 * np.sin(x / 5.0) * np.cos(y / 7.0))
    b = (5 * (x ^ y)) % 256
    return np.stack([r, g, b], axis=-1).astype(np.uint8)


def bilinear(img, out, mode):
    h, w, _ = img.shape
    src = img.astype(np.float64)

    def coords(n_in, n_out):
        d = np.arange(n_out, dtype=np.float64)
        if mode == "TF1_BILINEAR":
            s = d * (n_in / n_out)
        elif mode == "PYTORCH_BILINEAR":
            s = np.maximum((d + 0.5) * (n_in / n_out) - 0.5, 0)
        else:
            s = d * ((n_in - 1) / (n_out - 1))
        lo = np.minimum(np.floor(s).astype(int), n_in - 1)
        hi = np.minimum(lo + 1, n_in - 1)
        return lo, hi, s - lo

    y0, y1, fy = coords(h, out)
    x0, x1, fx = coords(w, out)
    top = src[y0][:, x0] + (src[y0][:, x1] - src[y0][:, x0]) * fx[None, :, None]
    bottom = src[y1][:, x0] + (src[y1][:, x1] - src[y1][:, x0]) * fx[None, :, None]
    return top + (bottom - top) * fy[:, None, None]


img = synthetic()
Image.fromarray(img).save("synthetic64.png")
cases = {}
for size in (13, 299):
    for mode in ("TF1_BILINEAR", "PYTORCH_BILINEAR", "BILINEAR_ALIGN_CORNERS"):
        cases[f"{mode}_{size}"] = bilinear(img, size, mode)
    cases[f"PIL_BICUBIC_{size}"] = np.asarray(Image.fromarray(img).resize((size, size), Image.BICUBIC)).astype(np.float64)
out = {}
for key, arr in cases.items():
    flat = arr.reshape(-1)
    idx = np.linspace(0, flat.size - 1, 997).astype(int)
    out[key] = {"sum": float(flat.sum()), "indices": idx.tolist(), "values": flat[idx].tolist()}
with open("expected.json", "w") as f:
    json.dump(out, f)
print({k: round(v["sum"], 3) for k, v in out.items()})
