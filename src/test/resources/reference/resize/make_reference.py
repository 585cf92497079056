#!/usr/bin/python3
"""Reference values for org.mifid.workbench.imaging.ResizeMode, from the libraries themselves where they exist.

Run with Debian's python3 (apt-get install python3-numpy python3-pil python3-torch):
    /usr/bin/python3 make_reference.py > expected.json
- PYTORCH_BILINEAR, BILINEAR_ALIGN_CORNERS: torch.nn.functional.interpolate (bilinear, antialias=False)
- PIL_BICUBIC: PIL Image.resize(BICUBIC) on float ("F") images, one channel at a time, as clean-fid does
- TF1_BILINEAR: TensorFlow is not packaged here; numpy transcription of TF1's legacy resize_bilinear
  (tensorflow/core/kernels/image/resize_bilinear_op.cc: in = out * scale, no half-pixel offset)
"""
import json

import numpy as np
import torch
from PIL import Image


def synthetic(c, h, w):
    y, x = np.mgrid[0:h, 0:w]
    planes = [(7 * x + 3 * y) % 256, 128 + 127 * np.sin(x / 1.7) * np.cos(y / 2.3), (5 * (x ^ y)) % 256]
    return np.stack(planes[:c]).astype(np.float32)


def tf1_bilinear(img, oh, ow):
    c, h, w = img.shape
    def coords(n_in, n_out):
        src = np.arange(n_out) * (n_in / n_out)
        lo = np.floor(src).astype(int)
        hi = np.minimum(lo + 1, n_in - 1)
        return lo, hi, (src - lo)
    ylo, yhi, yf = coords(h, oh)
    xlo, xhi, xf = coords(w, ow)
    top = img[:, ylo][:, :, xlo] * (1 - xf) + img[:, ylo][:, :, xhi] * xf
    bottom = img[:, yhi][:, :, xlo] * (1 - xf) + img[:, yhi][:, :, xhi] * xf
    return top * (1 - yf[:, None]) + bottom * yf[:, None]


def torch_bilinear(img, oh, ow, align):
    t = torch.from_numpy(img)[None].double()
    return torch.nn.functional.interpolate(t, size=(oh, ow), mode="bilinear", align_corners=align,
                                           antialias=False)[0].numpy()


def pil_bicubic(img, oh, ow):
    return np.stack([np.asarray(Image.fromarray(p, mode="F").resize((ow, oh), Image.BICUBIC)) for p in img])


cases = []
for (h, w, oh, ow) in [(5, 7, 11, 13), (16, 16, 37, 37), (13, 11, 5, 4), (6, 9, 6, 3)]:
    img = synthetic(3, h, w)
    out = {
        "TF1_BILINEAR": tf1_bilinear(img.astype(np.float64), oh, ow),
        "PYTORCH_BILINEAR": torch_bilinear(img, oh, ow, False),
        "BILINEAR_ALIGN_CORNERS": torch_bilinear(img, oh, ow, True),
        "PIL_BICUBIC": pil_bicubic(img, oh, ow),
    }
    cases.append({"in": [3, h, w], "out": [oh, ow], "input": img.ravel().tolist(),
                  "expected": {k: np.asarray(v, dtype=np.float64).ravel().tolist() for k, v in out.items()}})
print(json.dumps({"versions": {"numpy": np.__version__, "torch": torch.__version__,
                               "PIL": Image.__version__}, "cases": cases}))
