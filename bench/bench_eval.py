#!/usr/bin/python3
"""The reference side of bench_eval: scikit-learn 1.2 timings for the same metrics on the same
arrays (written by bench_eval as raw little-endian files). Prints one JSON object
{"sklearn": version, "seconds": {metric: best seconds}}.

  /usr/bin/python3 bench/bench_eval.py --dir /tmp/bench_eval --n 1000000 --classes 10 --repeat 3
"""
import argparse
import json
import os
import time

import numpy as np
import sklearn
from sklearn import metrics as m
from sklearn.calibration import calibration_curve


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", required=True)
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--classes", type=int, required=True)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    n, k = a.n, a.classes

    def load(name, dtype, shape=None):
        x = np.fromfile(os.path.join(a.dir, name), dtype=dtype)
        return x.reshape(shape) if shape else x

    yb = load("binary_truth.i32", np.int32)
    pb = load("binary_pred.i32", np.int32)
    sb = load("binary_score.f64", np.float64)
    ym = load("multi_truth.i32", np.int32)
    pm = load("multi_pred.i32", np.int32)
    P = load("multi_probs.f64", np.float64, (n, k))
    t = load("reg_truth.f64", np.float64)
    e = load("reg_pred.f64", np.float64)
    labels = list(range(k))

    cases = {
        "accuracy": lambda: m.accuracy_score(ym, pm),
        "balanced_accuracy": lambda: m.balanced_accuracy_score(ym, pm),
        "precision_recall_f1 (macro)": lambda: m.precision_recall_fscore_support(
            ym, pm, average="macro", zero_division=0),
        "confusion_matrix": lambda: m.confusion_matrix(ym, pm, labels=labels),
        "roc_curve (binary)": lambda: m.roc_curve(yb, sb),
        "roc_auc (binary)": lambda: m.roc_auc_score(yb, sb),
        "precision_recall_curve": lambda: m.precision_recall_curve(yb, sb),
        "average_precision": lambda: m.average_precision_score(yb, sb),
        "brier (binary)": lambda: m.brier_score_loss(yb, sb),
        "calibration_curve uniform": lambda: calibration_curve(yb, sb, n_bins=10),
        "calibration_curve quantile": lambda: calibration_curve(yb, sb, n_bins=10,
                                                                strategy="quantile"),
        f"log_loss ({k} classes)": lambda: m.log_loss(ym, P, labels=labels),
        f"top_5_accuracy ({k} classes)": lambda: m.top_k_accuracy_score(ym, P, k=5,
                                                                        labels=labels),
        f"roc_auc ovr macro ({k} classes)": lambda: m.roc_auc_score(
            ym, P, multi_class="ovr", average="macro", labels=labels),
        "regression (mse, mae, r2, mape, ev)": lambda: (
            m.mean_squared_error(t, e), m.mean_absolute_error(t, e), m.r2_score(t, e),
            m.mean_absolute_percentage_error(t, e), m.explained_variance_score(t, e)),
    }
    seconds = {}
    for name, f in cases.items():
        best = float("inf")
        for _ in range(a.repeat):
            start = time.perf_counter()
            f()
            best = min(best, time.perf_counter() - start)
        seconds[name] = best
    print(json.dumps({"sklearn": sklearn.__version__, "seconds": seconds}))


if __name__ == "__main__":
    main()
