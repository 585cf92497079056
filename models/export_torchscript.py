#!/usr/bin/env python3
"""Exports the competition's feature networks to TorchScript for MiFID Workbench (run once by an organizer).

    pip install torch pytorch-fid timm
    python models/export_torchscript.py fid-inception  OUT_DIR   # -> OUT_DIR/fid-inception.pt (2048-d pool_3)
    python models/export_torchscript.py nasnet-large   OUT_DIR   # -> OUT_DIR/nasnet-large.pt  (4032-d)

Copy the files to <assets>/models/ (target/assets/models in a build, app/assets/models in the packaged app, or
the folder named by -Dmifid.assets / MIFID_ASSETS). Weights are downloaded by pytorch-fid / timm on the
organizer's machine; they are not redistributed with the workbench.

Both modules take an NCHW float batch already resized and normalised by the workbench (models/manifest.json:
TF1 bilinear resize, x/127.5 - 1), so neither module resizes or normalises again.
"""
import sys

import torch


class Features(torch.nn.Module):
    """Wraps a network so that forward(x) returns the pooled features, shape [n, d]."""

    def __init__(self, net, fid):
        super().__init__()
        self.net = net
        self.fid = fid

    def forward(self, x):
        if self.fid:
            return self.net(x)[0].flatten(1)  # pytorch-fid returns a list of block outputs; [0] is pool_3
        return self.net(x).flatten(1)


def build(name):
    if name == "fid-inception":
        from pytorch_fid.inception import InceptionV3
        # the FID weights (ported from the 2015 TF graph); the workbench resizes and normalises itself
        net = InceptionV3([InceptionV3.BLOCK_INDEX_BY_DIM[2048]], resize_input=False, normalize_input=False,
                          use_fid_inception=True)
        return Features(net, True), 299
    if name == "nasnet-large":
        import timm
        net = timm.create_model("nasnetalarge", pretrained=True, num_classes=0)  # global pool: 4032-d
        return Features(net, False), 331
    raise SystemExit("unknown network " + name + "; expected fid-inception or nasnet-large")


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    name, out = sys.argv[1], sys.argv[2]
    model, size = build(name)
    model.eval()
    example = torch.rand(2, 3, size, size) * 2 - 1
    with torch.no_grad():
        traced = torch.jit.trace(model, example)
        expected = model(example)
        assert torch.allclose(traced(example), expected, atol=1e-5), "traced module differs from eager"
    path = f"{out}/{name}.pt"
    traced.save(path)
    print(f"wrote {path}: input [n, 3, {size}, {size}] in [-1, 1], output [n, {expected.shape[1]}]")


if __name__ == "__main__":
    main()
