"""PyTorch's gradients for the shipped 784-16-16-10 network on one MNIST test digit, for
tests/unit/mnist-mlp/backprop-torch.test.ts: an independent check of the Backprop lab's
TypeScript backpropagation (models/mnist-mlp/reference/backprop.ts).

Both costs in the lessons' convention, one example:
  cross-entropy: a^(L) = softmax(z^(L)), C_0 = -ln a^(L)_target
  quadratic:     a^(L) = sigmoid(z^(L)), C_0 = sum_j (a^(L)_j - y_j)^2
with the network's own hidden activation (ReLU). Computed in float64 from the float32 weights.

Usage (from the repository root): python3 models/mnist-mlp/make_backprop_fixture.py
Writes tests/fixtures/backprop/torch-gradients.json.
"""
import gzip
import json
import struct
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "models" / "mnist-mlp"
OUT = ROOT / "tests" / "fixtures" / "backprop" / "torch-gradients.json"
# Test image 0 of the official MNIST test set (a 7) and one target the network does not guess.
TEST_INDEX = 0
TARGETS = [7, 3]


def read_weights(path):
    data = path.read_bytes()
    assert data[:4] == b"MLPW"
    (h,) = struct.unpack_from("<I", data, 4)
    header = json.loads(data[8 : 8 + h].decode("utf-8"))
    off = 8 + h
    tensors = {}
    for t in header["tensors"]:
        n = 1
        for d in t["shape"]:
            n *= d
        vals = struct.unpack_from(f"<{n}f", data, off)
        off += 4 * n
        tensors[t["name"]] = torch.tensor(vals, dtype=torch.float64).reshape(t["shape"])
    return header, tensors


def read_test_image(path, index):
    data = gzip.decompress(path.read_bytes())
    assert data[:4] == b"DLMN"
    rows, cols = data[6], data[7]
    (splits,) = struct.unpack_from("<I", data, 8)
    for s in range(splits):
        entry = 16 + 16 * s
        name = data[entry : entry + 8].rstrip(b"\0").decode("ascii")
        count, offset = struct.unpack_from("<II", data, entry + 8)
        if name == "test":
            d = rows * cols
            label = data[offset + index]
            start = offset + count + index * d
            pixels = [p / 255 for p in data[start : start + d]]
            return label, pixels
    raise SystemExit("no test split")


def main():
    header, tensors = read_weights(MODEL / "weights.bin")
    sizes = header["sizes"]
    L = len(sizes) - 1
    label, pixels = read_test_image(MODEL / "mnist-lab.dlmn.gz", TEST_INDEX)
    x = torch.tensor(pixels, dtype=torch.float64)
    cases = []
    for cost in ["cross-entropy", "quadratic"]:
        for target in TARGETS:
            W = [None] + [tensors[f"W{l}"].clone().requires_grad_(True) for l in range(1, L + 1)]
            b = [None] + [tensors[f"b{l}"].clone().requires_grad_(True) for l in range(1, L + 1)]
            a = x
            for l in range(1, L + 1):
                z = W[l] @ a + b[l]
                if l < L:
                    a = torch.relu(z) if header["activation"] == "relu" else torch.sigmoid(z)
                elif cost == "cross-entropy":
                    a = torch.softmax(z, dim=0)
                    C = -torch.log_softmax(z, dim=0)[target]
                else:
                    a = torch.sigmoid(z)
                    y = torch.zeros(sizes[L], dtype=torch.float64)
                    y[target] = 1
                    C = ((a - y) ** 2).sum()
            C.backward()
            grad_W = [None]
            for l in range(1, L + 1):
                g = W[l].grad.reshape(-1)
                if l == 1:
                    # The first layer's gradient is zero on every blank pixel: store the rest only.
                    nz = torch.nonzero(g).reshape(-1)
                    grad_W.append({"index": nz.tolist(), "value": g[nz].tolist(), "length": g.numel()})
                else:
                    grad_W.append(g.tolist())
            cases.append(
                {
                    "cost": cost,
                    "target": target,
                    "a_L": a.detach().tolist(),
                    "cost_value": C.item(),
                    "grad_W": grad_W,
                    "grad_b": [None] + [b[l].grad.tolist() for l in range(1, L + 1)],
                }
            )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(
        json.dumps(
            {
                "source": "models/mnist-mlp/make_backprop_fixture.py",
                "torch": torch.__version__,
                "weights": "models/mnist-mlp/weights.bin",
                "sizes": sizes,
                "activation": header["activation"],
                "test_index": TEST_INDEX,
                "label": label,
                "cases": cases,
            }
        )
        + "\n"
    )
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes), label {label}")


if __name__ == "__main__":
    main()
