#!/usr/bin/python3
"""A tiny TorchScript feature extractor for TorchScriptExtractorTest (apt-get install python3-torch; /usr/bin/python3).

Conv 3->4 (3x3, valid) + ReLU + global average pool, output [n, 4, 1, 1] like pytorch-fid's pool_3.
Writes tiny.pt and expected.json: the features of one deterministic 8x8 input.
"""
import json

import torch

torch.manual_seed(0)


class Tiny(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = torch.nn.Conv2d(3, 4, 3)

    def forward(self, x):
        return torch.nn.functional.adaptive_avg_pool2d(torch.relu(self.conv(x)), (1, 1))


model = Tiny().eval()
scripted = torch.jit.script(model)
scripted.save("tiny.pt")
x = (torch.arange(3 * 8 * 8, dtype=torch.float32).reshape(1, 3, 8, 8) % 17) / 8.5 - 1
with torch.no_grad():
    y = model(x).flatten(1)[0]
print(json.dumps({"input": x.flatten().tolist(), "features": y.tolist(), "torch": torch.__version__}), file=open("expected.json", "w"))
