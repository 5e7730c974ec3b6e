#!/usr/bin/python3
"""Reference values for test_eval's parity checks: scikit-learn 1.2 (and, for what scikit-learn
does not have, a few lines of NumPy) on the cases the C++ test generates.

Reads {"cases": [...]} as JSON on stdin and prints {"sklearn": version, "results": [...]}, one
result per case. A classification case is {"kind": "classification", "k", "truth", "pred",
"probs" (rows x k, flattened), "bins": [...]}; a regression case is {"kind": "regression",
"truth", "pred"}. Undefined values (NaN in scikit-learn) are written as null.
Run with Debian's /usr/bin/python3 (python3-sklearn, python3-numpy).
"""
import json
import math
import sys
import warnings

import numpy as np
import sklearn
from sklearn import metrics as m
from sklearn.calibration import calibration_curve
from sklearn.utils.multiclass import unique_labels

warnings.simplefilter("ignore")


def num(x):
    x = float(x)
    return None if math.isnan(x) else x


def arr(a):
    return [num(x) for x in np.asarray(a, dtype=np.float64).ravel()]


def calibration(y, p, bins):
    out = {}
    for strategy in ("uniform", "quantile"):
        for nb in bins:
            prob_true, prob_pred = calibration_curve(y, p, n_bins=nb, strategy=strategy)
            if strategy == "quantile":
                edges = np.percentile(p, np.linspace(0, 1, nb + 1) * 100)
            else:
                edges = np.linspace(0.0, 1.0, nb + 1)
            ids = np.searchsorted(edges[1:-1], p)
            counts = np.bincount(ids, minlength=len(edges))
            out[f"{strategy}{nb}"] = {"prob_true": arr(prob_true), "prob_pred": arr(prob_pred),
                                      "counts": [int(c) for c in counts if c], "edges": arr(edges)}
    return out


def ece(y, P, nb):
    """Top-label expected calibration error, written independently of Flightdeck's code."""
    conf = P.max(axis=1)
    correct = (P.argmax(axis=1) == y).astype(np.float64)
    ids = np.searchsorted(np.linspace(0.0, 1.0, nb + 1)[1:-1], conf)
    total = 0.0
    for b in range(nb):
        mask = ids == b
        if mask.any():
            total += mask.sum() / len(y) * abs(correct[mask].mean() - conf[mask].mean())
    return total


def classification(c):
    k = c["k"]
    y = np.asarray(c["truth"], dtype=np.int64)
    yp = np.asarray(c["pred"], dtype=np.int64)
    n = len(y)
    P = np.asarray(c["probs"], dtype=np.float64).reshape(n, k)
    labels = list(range(k))
    present = sorted(set(y.tolist()))
    r = {"accuracy": m.accuracy_score(y, yp), "balanced_accuracy": m.balanced_accuracy_score(y, yp)}
    for zd in (0, 1):
        p, rc, f, s = m.precision_recall_fscore_support(y, yp, zero_division=zd)
        entry = {"labels": unique_labels(y, yp).tolist(), "precision": arr(p), "recall": arr(rc),
                 "f1": arr(f), "support": [int(x) for x in s]}
        for avg in ("macro", "micro", "weighted"):
            entry[avg] = arr(m.precision_recall_fscore_support(
                y, yp, average=avg, zero_division=zd)[:3])
        entry["f1_score_macro"] = m.f1_score(y, yp, average="macro", zero_division=zd)
        p, rc, f, s = m.precision_recall_fscore_support(y, yp, labels=labels, zero_division=zd)
        entry["all"] = {"precision": arr(p), "recall": arr(rc), "f1": arr(f),
                        "macro": arr(m.precision_recall_fscore_support(
                            y, yp, labels=labels, average="macro", zero_division=zd)[:3])}
        r[f"prf{zd}"] = entry
    r["confusion"] = m.confusion_matrix(y, yp, labels=labels).tolist()
    for norm in ("true", "pred", "all"):
        r[f"confusion_{norm}"] = arr(m.confusion_matrix(y, yp, labels=labels, normalize=norm))
    r["log_loss"] = m.log_loss(y, P, labels=labels) if k >= 2 else None
    sorted_pred = np.argsort(P, axis=1, kind="mergesort")[:, ::-1]  # top_k_accuracy_score's way
    r["top_k"] = [float(np.average((y == sorted_pred[:, :kk].T).any(axis=0)))
                  for kk in range(1, k + 1)]
    conf = P.max(axis=1)
    correct = P.argmax(axis=1) == y
    r["top_label_calibration"] = calibration(correct, conf, c["bins"])
    r["ece"] = {str(nb): ece(y, P, nb) for nb in c["bins"]}
    Y = np.eye(k)[y]
    r["brier_multiclass"] = float(((P - Y) ** 2).sum(axis=1).mean())
    if k == 2:
        s = P[:, 1]
        r["brier"] = m.brier_score_loss(y, s, pos_label=1)
        r["log_loss_1d"] = m.log_loss(y, s, labels=[0, 1])
        r["calibration"] = calibration(y == 1, s, c["bins"])
        if len(present) == 2:
            fpr, tpr, thr = m.roc_curve(y, s)
            r["roc"] = {"fpr": arr(fpr), "tpr": arr(tpr), "thresholds": arr(thr)}
            fpr, tpr, thr = m.roc_curve(y, s, drop_intermediate=False)
            r["roc_all"] = {"fpr": arr(fpr), "tpr": arr(tpr), "thresholds": arr(thr)}
            r["roc_auc"] = m.roc_auc_score(y, s)
        if 1 in present:
            pr, rc, thr = m.precision_recall_curve(y, s)
            r["pr"] = {"precision": arr(pr), "recall": arr(rc), "thresholds": arr(thr)}
            r["average_precision"] = m.average_precision_score(y, s)
    elif len(present) >= 2:
        cols = present
        r["ovr_auc"] = {"per_class": dict(zip(map(str, cols), arr(
            m.roc_auc_score(Y[:, cols], P[:, cols], average=None)))),
            "macro": m.roc_auc_score(Y[:, cols], P[:, cols], average="macro"),
            "weighted": m.roc_auc_score(Y[:, cols], P[:, cols], average="weighted"),
            "micro": m.roc_auc_score(Y, P, average="micro")}
        if len(present) == k and np.allclose(1, P.sum(axis=1)):
            for avg in ("macro", "weighted", "micro"):
                r["ovr_auc"]["multiclass_" + avg] = m.roc_auc_score(
                    y, P, multi_class="ovr", average=avg, labels=labels)
        r["ovr_ap"] = {"per_class": dict(zip(map(str, cols), arr(
            m.average_precision_score(Y[:, cols], P[:, cols], average=None)))),
            "macro": m.average_precision_score(Y[:, cols], P[:, cols], average="macro"),
            "weighted": m.average_precision_score(Y[:, cols], P[:, cols], average="weighted"),
            "micro": m.average_precision_score(Y, P, average="micro")}
        if k >= 3:
            r["top_k_sklearn"] = [m.top_k_accuracy_score(y, P, k=kk, labels=labels)
                                  for kk in range(1, k + 1)]
    return r


def regression(c):
    t = np.asarray(c["truth"], dtype=np.float64)
    p = np.asarray(c["pred"], dtype=np.float64)
    return {"mse": m.mean_squared_error(t, p),
            "rmse": m.mean_squared_error(t, p, squared=False),
            "mae": m.mean_absolute_error(t, p),
            "r2": num(m.r2_score(t, p)),
            "mape": m.mean_absolute_percentage_error(t, p),
            "explained_variance": m.explained_variance_score(t, p)}


def main():
    cases = json.load(sys.stdin)["cases"]
    results = [classification(c) if c["kind"] == "classification" else regression(c)
               for c in cases]
    json.dump({"sklearn": sklearn.__version__, "results": results}, sys.stdout, allow_nan=False)


if __name__ == "__main__":
    main()
