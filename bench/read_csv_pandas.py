"""pandas.read_csv on a CSV, timed: the reference side of bench/bench_import_csv.

Prints one line: RESULT <seconds> <peak RSS MB> <rows> <engine>. The engine is pyarrow when
pyarrow is importable (pandas' fastest reader), else pandas' default C engine; --engine forces
one. Peak RSS is ru_maxrss, so it includes the interpreter and pandas themselves (about 60 MB,
printed as BASELINE before the read).
"""
import argparse
import resource
import sys
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("csv")
    parser.add_argument("--engine", choices=["auto", "c", "pyarrow"], default="auto")
    args = parser.parse_args()

    import pandas as pd

    engine = args.engine
    if engine == "auto":
        try:
            import pyarrow  # noqa: F401

            engine = "pyarrow"
        except ImportError:
            engine = "c"
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("BASELINE", before, file=sys.stderr)
    start = time.perf_counter()
    frame = pd.read_csv(args.csv, engine=engine)
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("RESULT", elapsed, peak, len(frame), engine)


if __name__ == "__main__":
    main()
