#!/usr/bin/env python3
"""The Python side of bench_train_mlp: the same model, optimizer (Adam), batch size and data as
Flightdeck's Trainer, in PyTorch. Prints `epoch_samples_per_sec=<e1>,<e2>,...` and
`samples_per_sec=<float>` (the median epoch; training loop only, like
Flightdeck's RunResult::samplesPerSecond).

--model mlp  784-256-128-10 (ReLU)
--model cnn  the fashion_cnn template: conv 32@5x5 pad 2, ReLU, max-pool 2, conv 64@5x5 pad 2,
             ReLU, max-pool 2, flatten, linear 1024, ReLU, dropout 0.4, linear 10

--variant shipped  the loop as first shipped: per-feature standardization inside forward (as
                   Flightdeck's model has it), opt.zero_grad() (zeroing, torch 1.13's default),
                   loss.item() every step
--variant plain    the idiomatic fast loop: the data standardized once before training (the same
                   arithmetic, hoisted out of the step), nn.Sequential, zero_grad(set_to_none=True),
                   loss.item() every step (Flightdeck records train/loss every step too)

The allocator is the environment's: the bench runs this script under glibc's defaults,
MALLOC_MMAP_THRESHOLD_ and LD_PRELOAD'ed allocators and reports the fastest.

  python3 bench/train_mlp.py --images train-images-idx3-ubyte.gz --labels train-labels-idx1-ubyte.gz
  python3 bench/train_mlp.py --synthetic 60000 --model cnn --limit 6400 --epochs 3
"""
import argparse
import gzip
import statistics
import struct
import time

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn


def read_idx(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    _zero, dtype, ndim = struct.unpack(">HBB", data[:4])
    if dtype != 0x08:
        raise ValueError(f"{path}: expected ubyte data")
    dims = struct.unpack(">" + "I" * ndim, data[4:4 + 4 * ndim])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)


def body(kind, classes):
    if kind == "mlp":
        return [nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(),
                nn.Linear(128, classes)]
    return [nn.Unflatten(1, (1, 28, 28)),
            nn.Conv2d(1, 32, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(64 * 7 * 7, 1024), nn.ReLU(), nn.Dropout(0.4),
            nn.Linear(1024, classes)]


class Standardized(nn.Module):
    """The model with the standardization inside, as Flightdeck's TorchScript module has it."""

    def __init__(self, mean, std, layers):
        super().__init__()
        self.register_buffer("mean", mean)
        self.register_buffer("std", std)
        self.net = nn.Sequential(*layers)

    def forward(self, x):
        return self.net((x - self.mean) / self.std)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--images")
    ap.add_argument("--labels")
    ap.add_argument("--synthetic", type=int, default=0, help="rows of random 784-wide data")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--epochs", type=int, default=1)
    ap.add_argument("--batch", type=int, default=128)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--model", choices=["mlp", "cnn"], default="mlp")
    ap.add_argument("--variant", choices=["shipped", "plain"], default="plain")
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    if args.synthetic:
        rng = np.random.default_rng(args.seed)
        x = rng.random((args.synthetic, 784), dtype=np.float32)
        y = rng.integers(0, 10, args.synthetic).astype(np.int64)
    else:
        x = read_idx(args.images).reshape(-1, 28 * 28).astype(np.float32) / 255.0
        y = read_idx(args.labels).astype(np.int64)
    if args.limit:
        x, y = x[:args.limit], y[:args.limit]
    x = torch.from_numpy(np.ascontiguousarray(x))
    y = torch.from_numpy(np.ascontiguousarray(y))
    mean = x.double().mean(0).float()
    std = x.double().std(0, unbiased=False).float()
    std[std <= 1e-12] = 1.0

    layers = body(args.model, 10)
    if args.variant == "shipped":
        model = Standardized(mean, std, layers)
    else:
        model = nn.Sequential(*layers)
        x = (x - mean) / std   # once, outside the timed loop
    model.train()
    opt = torch.optim.Adam(model.parameters(), lr=args.lr)
    set_to_none = args.variant == "plain"
    n = x.shape[0]
    gen = torch.Generator().manual_seed(args.seed)

    rates = []
    loss_sum = 0.0
    for _epoch in range(args.epochs):
        loss_sum = 0.0
        start = time.perf_counter()
        perm = torch.randperm(n, generator=gen)
        for b in range(0, n, args.batch):
            idx = perm[b:b + args.batch]
            xb = x.index_select(0, idx)
            yb = y.index_select(0, idx)
            opt.zero_grad(set_to_none=set_to_none)
            loss = F.cross_entropy(model(xb), yb)
            loss.backward()
            opt.step()
            loss_sum += loss.item() * idx.shape[0]
        rates.append(n / (time.perf_counter() - start))
    print(f"torch={torch.__version__} threads={torch.get_num_threads()} rows={n} "
          f"model={args.model} variant={args.variant} "
          f"mean_train_loss_last_epoch={loss_sum / n:.4f}")
    print("epoch_samples_per_sec=" + ",".join(f"{r:.1f}" for r in rates))
    print(f"samples_per_sec={statistics.median(rates):.1f}")


if __name__ == "__main__":
    main()
