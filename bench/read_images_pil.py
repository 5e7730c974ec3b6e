"""The Python side of bench/bench_import_images, each at its best.

folder DIR --size WxH [--processes P] [--repeat R]
    An ImageFolder (one subfolder per class) read with PIL into one preallocated numpy uint8
    array [N, H, W, 3] with int32 labels from the folder names, files in path order. Images of
    another size are resized with PIL's BICUBIC (stb_image_resize, which the importer uses, is
    cubic as well). --processes 1 runs the plain loop; P > 1 forks a multiprocessing.Pool of P
    workers that decode ranges of 64 files straight into an anonymous shared mmap (no pickling
    of pixels); the pool's start-up is included, as in a user's script.
idx DIR [--repeat R]
    Every <prefix>-images-idx3-ubyte.gz / -labels-idx1-ubyte.gz pair read with
    gzip.decompress + numpy.frombuffer into one [N, 28, 28] uint8 array and int32 labels.

Prints "RUN <seconds>" per repetition, then "RESULT <peak RSS MB> <details>" (ru_maxrss of
this process: the interpreter, numpy and PIL included).
"""
import argparse
import gzip
import mmap
import os
import resource
import sys
import time

import numpy as np

# Set before the pool forks; the workers inherit them (fork start method).
_ARR = None
_PATHS = None
_SIZE = None


def list_folder(root):
    classes = sorted(e.name for e in os.scandir(root) if e.is_dir() and not e.name.startswith("."))
    paths, labels = [], []
    for ci, c in enumerate(classes):
        names = sorted(e.name for e in os.scandir(os.path.join(root, c))
                       if e.is_file() and not e.name.startswith("."))
        paths.extend(os.path.join(root, c, n) for n in names)
        labels.extend([ci] * len(names))
    return paths, np.asarray(labels, dtype=np.int32), classes


def load_into(arr, i, path, size):
    from PIL import Image

    with Image.open(path) as im:
        if im.mode != "RGB":
            im = im.convert("RGB")
        if im.size != size:
            im = im.resize(size, Image.BICUBIC)
        arr[i] = np.asarray(im)


def _work(rng):
    for i in range(rng[0], rng[1]):
        load_into(_ARR, i, _PATHS[i], _SIZE)
    return rng[1] - rng[0]


def read_folder(root, size, processes):
    global _ARR, _PATHS, _SIZE
    paths, labels, classes = list_folder(root)
    n = len(paths)
    w, h = size
    if processes <= 1:
        arr = np.empty((n, h, w, 3), dtype=np.uint8)
        for i, p in enumerate(paths):
            load_into(arr, i, p, size)
        return arr, labels, classes
    import multiprocessing as mp

    buf = mmap.mmap(-1, max(1, n * h * w * 3))   # anonymous, MAP_SHARED: the workers write it
    arr = np.frombuffer(buf, dtype=np.uint8, count=n * h * w * 3).reshape(n, h, w, 3)
    _ARR, _PATHS, _SIZE = arr, paths, size
    chunks = [(s, min(n, s + 64)) for s in range(0, n, 64)]
    ctx = mp.get_context("fork")
    with ctx.Pool(processes) as pool:
        done = sum(pool.imap_unordered(_work, chunks))
    assert done == n
    return arr, labels, classes


def read_idx(root):
    names = sorted(os.listdir(root))
    prefixes = sorted({f.split("-images-")[0] for f in names if "-images-idx3-ubyte" in f},
                      key=lambda p: (p != "train", p))
    images, labels = [], []
    for p in prefixes:
        img = [f for f in names if f.startswith(p + "-images-idx3-ubyte")][0]
        lab = [f for f in names if f.startswith(p + "-labels-idx1-ubyte")][0]
        with open(os.path.join(root, img), "rb") as f:
            raw = f.read()
        data = gzip.decompress(raw) if img.endswith(".gz") else raw
        n, rows, cols = (int.from_bytes(data[o:o + 4], "big") for o in (4, 8, 12))
        images.append(np.frombuffer(data, dtype=np.uint8, offset=16).reshape(n, rows, cols))
        with open(os.path.join(root, lab), "rb") as f:
            raw = f.read()
        data = gzip.decompress(raw) if lab.endswith(".gz") else raw
        labels.append(np.frombuffer(data, dtype=np.uint8, offset=8).astype(np.int32))
    return np.concatenate(images), np.concatenate(labels)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["folder", "idx"])
    parser.add_argument("path")
    parser.add_argument("--size", default="64x64")
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    from PIL import Image, __version__ as pil_version

    Image.preinit()   # PIL and its PNG plugin loaded before the clock starts

    detail = ""
    for _ in range(max(1, args.repeat)):
        start = time.perf_counter()
        if args.mode == "folder":
            w, h = (int(v) for v in args.size.split("x"))
            arr, labels, classes = read_folder(args.path, (w, h), args.processes)
            elapsed = time.perf_counter() - start
            detail = "%d images %s, %d classes, %d processes, Pillow %s, checksum %d" % (
                arr.shape[0], "x".join(map(str, arr.shape[1:])), len(classes), args.processes,
                pil_version, int(arr[:, 0, 0, 0].sum()))
        else:
            arr, labels = read_idx(args.path)
            elapsed = time.perf_counter() - start
            detail = "%d images %s, numpy %s" % (arr.shape[0], "x".join(map(str, arr.shape[1:])),
                                                  np.__version__)
        print("RUN", elapsed, flush=True)
        del arr, labels
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("RESULT", peak, detail)


if __name__ == "__main__":
    sys.exit(main())
