#!/usr/bin/python3
"""Writes the golden files of test_eval's real-data checks: predictions of simple models on
scikit-learn's own breast_cancer, wine and diabetes data, and the metrics scikit-learn 1.2
computes on them (plus NumPy for the few Flightdeck metrics scikit-learn lacks: ECE, multi-class
Brier, residual summary, slices).

  /usr/bin/python3 tests/eval/make_eval_golden.py    # rewrites tests/data/eval_*.{csv,json}

The predictions are out-of-fold (5-fold cross_val_predict, fixed seeds), so they are realistic:
imperfect, with ties only where the model makes them. Floats are written in shortest
round-trip form, so the C++ side reads exactly the doubles scikit-learn saw.
The golden JSON mirrors the layout of flightdeck::eval::metricsReportJson; the test compares
every number in it with the report produced from the CSV.
"""
import csv
import json
import os
import sys
import warnings

import numpy as np
import sklearn
from sklearn import datasets
from sklearn import metrics as m
from sklearn.calibration import calibration_curve
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.model_selection import KFold, StratifiedKFold, cross_val_predict
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

warnings.simplefilter("ignore")
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data")
BINS = 10


def floats(a):
    return [float(x) for x in np.asarray(a, dtype=np.float64).ravel()]


def write_csv(name, header, rows):
    with open(os.path.join(DATA, f"eval_{name}.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for row in rows:
            w.writerow([repr(v) if isinstance(v, float) else v for v in row])


def write_golden(name, expected):
    doc = {"generated_by": "tests/eval/make_eval_golden.py", "sklearn": sklearn.__version__,
           "numpy": np.__version__, "csv": f"eval_{name}.csv", "expected": expected}
    with open(os.path.join(DATA, f"eval_{name}_sklearn.json"), "w") as f:
        json.dump(doc, f, indent=1, allow_nan=False)
        f.write("\n")


def ece(correct, conf, nb=BINS):
    ids = np.searchsorted(np.linspace(0.0, 1.0, nb + 1)[1:-1], conf)
    total = 0.0
    for b in range(nb):
        mask = ids == b
        if mask.any():
            total += mask.sum() / len(conf) * abs(correct[mask].mean() - conf[mask].mean())
    return total


def calibration_entry(y, p, kind):
    prob_true, prob_pred = calibration_curve(y, p, n_bins=BINS, strategy="uniform")
    counts = np.bincount(np.searchsorted(np.linspace(0, 1, BINS + 1)[1:-1], p), minlength=BINS)
    return {"kind": kind, "strategy": "uniform", "bins": BINS, "prob_true": floats(prob_true),
            "prob_pred": floats(prob_pred), "counts": [int(c) for c in counts if c],
            "edges": floats(np.linspace(0, 1, BINS + 1))}


def slices(values, score, higher_is_better):
    out = []
    for v in sorted(set(values)):
        mask = np.asarray(values) == v
        out.append({"value": v, "count": int(mask.sum()), "score": float(score(mask))})
    out.sort(key=lambda s: ((s["score"] if higher_is_better else -s["score"]), -s["count"],
                            s["value"]))
    return out


def classification_expected(y, pred, P, names, positive):
    """y, pred: class indices into names (sorted as Flightdeck sorts them)."""
    k = len(names)
    labels = list(range(k))
    metrics = {"accuracy": m.accuracy_score(y, pred),
               "balanced_accuracy": m.balanced_accuracy_score(y, pred),
               "log_loss": m.log_loss(y, P, labels=labels)}
    for avg in ("macro", "micro", "weighted"):
        p, r, f, _ = m.precision_recall_fscore_support(y, pred, average=avg, zero_division=0)
        metrics.update({f"precision_{avg}": p, f"recall_{avg}": r, f"f1_{avg}": f})
    conf = P.max(axis=1)
    correct = (P.argmax(axis=1) == y).astype(np.float64)
    metrics["ece"] = ece(correct, conf)
    p, r, f, s = m.precision_recall_fscore_support(y, pred, labels=labels, zero_division=0)
    per_class = [{"class": names[c], "precision": float(p[c]), "recall": float(r[c]),
                  "f1": float(f[c]), "support": int(s[c])} for c in labels]
    cm = m.confusion_matrix(y, pred, labels=labels)
    expected = {"task": "classification", "samples": len(y), "classes": names,
                "confusion_matrix": {"counts": cm.tolist()}, "per_class": per_class}
    for norm in ("true", "pred", "all"):
        expected["confusion_matrix"][f"normalized_{norm}"] = m.confusion_matrix(
            y, pred, labels=labels, normalize=norm).tolist()
    curves = {}
    if k == 2:
        s = P[:, positive]
        yb = (y == positive).astype(int)
        metrics.update({"roc_auc": m.roc_auc_score(yb, s),
                        "average_precision": m.average_precision_score(yb, s),
                        "brier": m.brier_score_loss(yb, s)})
        fpr, tpr, thr = m.roc_curve(yb, s)
        curves["roc"] = {"fpr": floats(fpr), "tpr": floats(tpr), "thresholds": floats(thr)}
        pr, rc, thr = m.precision_recall_curve(yb, s)
        curves["precision_recall"] = {"precision": floats(pr), "recall": floats(rc),
                                      "thresholds": floats(thr)}
        curves["calibration"] = calibration_entry(yb, s, "positive_class")
        expected["positive_class"] = names[positive]
    else:
        Y = np.eye(k)[y]
        for avg in ("macro", "weighted", "micro"):
            key = "roc_auc" if avg == "macro" else f"roc_auc_{avg}"
            metrics[key] = m.roc_auc_score(y, P, multi_class="ovr", average=avg, labels=labels)
            key = "average_precision" if avg == "macro" else f"average_precision_{avg}"
            metrics[key] = m.average_precision_score(Y, P, average=avg)
        per_auc = m.roc_auc_score(Y, P, average=None)
        per_ap = m.average_precision_score(Y, P, average=None)
        for c in labels:
            per_class[c]["roc_auc"] = float(per_auc[c])
            per_class[c]["average_precision"] = float(per_ap[c])
        metrics["brier"] = float(((P - Y) ** 2).sum(axis=1).mean())
        for kk in (2, 3, 5):
            if kk < k:
                metrics[f"top_{kk}_accuracy"] = m.top_k_accuracy_score(y, P, k=kk, labels=labels)
        curves["calibration"] = calibration_entry(correct, conf, "top_label")
    expected["metrics"] = {key: float(v) for key, v in metrics.items()}
    expected["curves"] = curves
    return expected


def classifier_predictions(X, y, seed):
    model = make_pipeline(StandardScaler(), LogisticRegression(C=0.05, max_iter=5000))
    folds = StratifiedKFold(5, shuffle=True, random_state=seed)
    return cross_val_predict(model, X, y, cv=folds, method="predict_proba")


def breast_cancer():
    data = datasets.load_breast_cancer()
    P_orig = classifier_predictions(data.data, data.target, 0)
    # Text labels: Flightdeck orders them as text, benign < malignant, so malignant (sklearn's
    # class 0) is the positive class of the report.
    names = ["benign", "malignant"]
    to_flight = {0: 1, 1: 0}  # sklearn target -> Flightdeck index
    y = np.array([to_flight[t] for t in data.target])
    P = P_orig[:, [1, 0]]
    pred = P.argmax(axis=1)
    radius = data.data[:, 0]
    cut = np.quantile(radius, [1 / 3, 2 / 3])
    size = np.where(radius <= cut[0], "small", np.where(radius <= cut[1], "medium", "large"))
    rows = [[names[y[i]], names[pred[i]], float(P[i, 1]), float(P[i, 0]), size[i]]
            for i in range(len(y))]
    write_csv("breast_cancer", ["truth", "pred", "prob_malignant", "prob_benign", "size"], rows)
    expected = classification_expected(y, pred, P, names, positive=1)
    expected["slices"] = {"column": "size", "metric": "accuracy", "slices": [
        {"value": s["value"], "count": s["count"], "accuracy": s["score"]}
        for s in slices(size.tolist(), lambda mask: m.accuracy_score(y[mask], pred[mask]), True)]}
    write_golden("breast_cancer", expected)


def wine():
    data = datasets.load_wine()
    P = classifier_predictions(data.data, data.target, 1)
    y = data.target
    names = [str(n) for n in data.target_names]  # class_0, class_1, class_2
    # No prediction column: the report takes the arg max of the scores, as np.argmax does.
    pred = P.argmax(axis=1)
    alcohol = np.where(data.data[:, 0] > np.median(data.data[:, 0]), "high", "low")
    rows = [[names[y[i]]] + floats(P[i]) + [alcohol[i]] for i in range(len(y))]
    write_csv("wine", ["label"] + [f"prob_{n}" for n in names] + ["alcohol"], rows)
    expected = classification_expected(y, pred, P, names, positive=None)
    expected["slices"] = {"column": "alcohol", "metric": "log_loss", "slices": [
        {"value": s["value"], "count": s["count"], "log_loss": s["score"]}
        for s in slices(alcohol.tolist(),
                        lambda mask: m.log_loss(y[mask], P[mask], labels=[0, 1, 2]), False)]}
    write_golden("wine", expected)


def diabetes():
    data = datasets.load_diabetes()
    model = make_pipeline(StandardScaler(), Ridge(alpha=1.0))
    pred = cross_val_predict(model, data.data, data.target, cv=KFold(5, shuffle=True,
                                                                     random_state=2))
    t = data.target.astype(np.float64)
    sex = np.where(data.data[:, 1] > 0, "sex_b", "sex_a")
    rows = [[float(t[i]), float(pred[i]), sex[i]] for i in range(len(t))]
    write_csv("diabetes", ["target", "prediction", "sex"], rows)
    r = t - pred
    expected = {"task": "regression", "samples": len(t), "zero_targets": 0, "metrics": {
        "mse": m.mean_squared_error(t, pred),
        "rmse": m.mean_squared_error(t, pred, squared=False),
        "mae": m.mean_absolute_error(t, pred), "r2": m.r2_score(t, pred),
        "mape": m.mean_absolute_percentage_error(t, pred),
        "explained_variance": m.explained_variance_score(t, pred)},
        "residuals": {"mean": float(np.mean(r)), "std": float(np.std(r)), "percentiles": {
            str(q): float(v) for q, v in zip((0, 5, 25, 50, 75, 95, 100),
                                             np.percentile(r, [0, 5, 25, 50, 75, 95, 100]))}}}
    expected["metrics"] = {k: float(v) for k, v in expected["metrics"].items()}
    expected["slices"] = {"column": "sex", "metric": "rmse", "slices": [
        {"value": s["value"], "count": s["count"], "rmse": s["score"]}
        for s in slices(sex.tolist(),
                        lambda mask: m.mean_squared_error(t[mask], pred[mask], squared=False),
                        False)]}
    write_golden("diabetes", expected)


if __name__ == "__main__":
    if sklearn.__version__ != "1.2.1":
        sys.exit(f"expected scikit-learn 1.2.1, got {sklearn.__version__}")
    breast_cancer()
    wine()
    diabetes()
