"""The benchmark's native reference: the same 784-16-16-10 ReLU network, softmax
cross-entropy and Adam step as models/mnist-mlp/reference, in float32 NumPy, on the same batches
(rows 64k..64k+63 of the train split, cycling) from the same initial weights
(written by run.ts). Usage: numpy_mlp.py DATA.dlmn.gz INIT.f32 OPTIONS_JSON.
Prints one JSON object: detail, blocksMs, costs (every step's batch cost)."""

import gzip
import json
import struct
import sys
import time

import numpy as np


def load_train(path):
    raw = gzip.open(path, "rb").read()
    if raw[:4] != b"DLMN":
        raise SystemExit("not a DLMN file")
    rows, cols = raw[6], raw[7]
    (splits,) = struct.unpack_from("<I", raw, 8)
    for i in range(splits):
        entry = 16 + 16 * i
        name = raw[entry:entry + 8].rstrip(b"\0").decode()
        count, offset = struct.unpack_from("<II", raw, entry + 8)
        if name == "train":
            size = rows * cols
            labels = np.frombuffer(raw, np.uint8, count, offset)
            pixels = np.frombuffer(raw, np.uint8, count * size, offset + count).reshape(count, size)
            return labels, pixels
    raise SystemExit("no train split")


def main():
    data_path, init_path, options = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
    sizes, batch, adam = options["sizes"], options["batch"], options["adam"]
    labels, pixels = load_train(data_path)
    n_batches = len(labels) // batch
    xs = [(pixels[k * batch:(k + 1) * batch].astype(np.float32) / np.float32(255)) for k in range(n_batches)]
    ys = []
    for k in range(n_batches):
        y = np.zeros((batch, sizes[-1]), np.float32)
        y[np.arange(batch), labels[k * batch:(k + 1) * batch]] = 1
        ys.append(y)

    flat = np.fromfile(init_path, np.float32)
    params, at = [], 0
    for l in range(1, len(sizes)):
        for shape in ((sizes[l], sizes[l - 1]), (sizes[l],)):
            n = int(np.prod(shape))
            params.append(flat[at:at + n].reshape(shape).copy())
            at += n
    m1 = [np.zeros_like(p) for p in params]
    m2 = [np.zeros_like(p) for p in params]
    eta, b1, b2, eps = (np.float32(adam[k]) for k in ("eta", "beta1", "beta2", "epsilon"))
    L = len(sizes) - 1
    state = {"t": 0}

    def step(x, y):
        a, zs = [x], []
        for l in range(L):
            z = a[-1] @ params[2 * l].T + params[2 * l + 1]
            zs.append(z)
            a.append(np.maximum(z, 0) if l < L - 1 else z)
        z = zs[-1]
        zmax = z.max(axis=1, keepdims=True)
        e = np.exp(z - zmax)
        s = e.sum(axis=1, keepdims=True)
        cost = float(np.mean(np.log(s[:, 0]) + zmax[:, 0] - (z * y).sum(axis=1)))
        delta = (e / s - y) / np.float32(len(x))
        grads = [None] * len(params)
        for l in range(L - 1, -1, -1):
            grads[2 * l] = delta.T @ a[l]
            grads[2 * l + 1] = delta.sum(axis=0)
            if l > 0:
                delta = (delta @ params[2 * l]) * (zs[l - 1] > 0)
        state["t"] += 1
        t = state["t"]
        c1 = np.float32(1 - float(b1) ** t)
        c2 = np.float32(1 - float(b2) ** t)
        for p, g, m, v in zip(params, grads, m1, m2):
            m *= b1
            m += (1 - b1) * g
            v *= b2
            v += (1 - b2) * g * g
            p -= eta * (m / c1) / (np.sqrt(v / c2) + eps)
        return cost

    costs = []
    k = 0
    for _ in range(options["warmup"]):
        costs.append(step(xs[k % n_batches], ys[k % n_batches]))
        k += 1
    blocks = []
    for _ in range(options["repeats"]):
        t0 = time.perf_counter()
        for _ in range(options["steps"]):
            costs.append(step(xs[k % n_batches], ys[k % n_batches]))
            k += 1
        blocks.append((time.perf_counter() - t0) * 1000)
    # The BLAS library actually loaded (Debian picks it with update-alternatives).
    with open("/proc/self/maps") as maps:
        libs = sorted({line.split()[-1] for line in maps if "blas" in line.split()[-1]})
    named = [lib for lib in libs if "libopenblas" in lib] or libs
    blas = ", ".join(lib.rsplit("/", 1)[-1] for lib in named) or "?"
    detail = f"NumPy {np.__version__} (BLAS {blas}), Python {sys.version.split()[0]}, float32"
    json.dump({"detail": detail, "blocksMs": blocks, "costs": costs}, sys.stdout)


main()
