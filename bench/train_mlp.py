#!/usr/bin/env python3
"""The reference side of bench_train_mlp: the same MLP, optimizer, batch order scheme and data as
Flightdeck's Trainer, in plain PyTorch. Prints one line `samples_per_sec=<float>` (training loop
only, like Flightdeck's RunResult::samplesPerSecond).

  python3 bench/train_mlp.py --images train-images-idx3-ubyte.gz --labels train-labels-idx1-ubyte.gz
  python3 bench/train_mlp.py --synthetic 60000
"""
import argparse
import gzip
import struct
import time

import numpy as np
import torch
import torch.nn.functional as F


def read_idx(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    _zero, dtype, ndim = struct.unpack(">HBB", data[:4])
    if dtype != 0x08:
        raise ValueError(f"{path}: expected ubyte data")
    dims = struct.unpack(">" + "I" * ndim, data[4:4 + 4 * ndim])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)


class Mlp(torch.nn.Module):
    """784-256-128-10 with the standardization inside, as Flightdeck's model has it."""

    def __init__(self, mean, std, inputs, classes):
        super().__init__()
        self.register_buffer("mean", mean)
        self.register_buffer("std", std)
        self.fc0 = torch.nn.Linear(inputs, 256)
        self.fc1 = torch.nn.Linear(256, 128)
        self.head = torch.nn.Linear(128, classes)

    def forward(self, x):
        x = (x - self.mean) / self.std
        x = torch.relu(self.fc0(x))
        x = torch.relu(self.fc1(x))
        return self.head(x)


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

    model = Mlp(mean, std, x.shape[1], 10)
    opt = torch.optim.Adam(model.parameters(), lr=args.lr)
    n = x.shape[0]
    gen = torch.Generator().manual_seed(args.seed)

    samples = 0
    loss_sum = 0.0
    start = time.perf_counter()
    for _epoch in range(args.epochs):
        loss_sum = 0.0
        perm = torch.randperm(n, generator=gen)
        for b in range(0, n, args.batch):
            idx = perm[b:b + args.batch]
            xb = x.index_select(0, idx)
            yb = y.index_select(0, idx)
            opt.zero_grad()
            loss = F.cross_entropy(model(xb), yb)
            loss.backward()
            opt.step()
            # Flightdeck reads the loss every step (train/loss) and sums it for the epoch mean.
            loss_sum += loss.item() * idx.shape[0]
            samples += idx.shape[0]
    seconds = time.perf_counter() - start
    print(f"torch={torch.__version__} threads={torch.get_num_threads()} rows={n} "
          f"mean_train_loss_last_epoch={loss_sum / n:.4f}")
    print(f"samples_per_sec={samples / seconds:.1f}")


if __name__ == "__main__":
    main()
