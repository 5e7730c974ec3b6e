"""SciPy / NumPy reference values for tests/monitor/test_drift_parity.cpp.

Usage: python3 drift_parity.py CASES.json DATA.bin OUT.json
CASES.json is a list of {"kind": ..., arguments}; sample arguments name slices
[offset, count] of DATA.bin (float64, native order). Writes one result object per case.
Non-finite numbers are written as strings ("nan", "inf", "-inf") so the output is strict JSON.
"""
import json
import sys
import warnings

import numpy as np
import scipy
from scipy import special, stats
from scipy.spatial import distance

warnings.simplefilter("ignore")


def num(x):
    x = float(x)
    if np.isnan(x):
        return "nan"
    if np.isinf(x):
        return "inf" if x > 0 else "-inf"
    return x


def psi_numpy(ref, cur, bins, eps):
    qs = np.quantile(ref, np.linspace(0, 1, bins + 1))
    edges = np.unique(qs)
    inner = edges[1:-1]
    nb = len(inner) + 1
    r = np.bincount(np.searchsorted(inner, ref, side="right"), minlength=nb) / len(ref)
    c = np.bincount(np.searchsorted(inner, cur, side="right"), minlength=nb) / len(cur)
    r = np.maximum(r, eps)
    c = np.maximum(c, eps)
    return float(np.sum((c - r) * np.log(c / r))), edges


def evidently_binned(ref, cur):
    """Evidently's get_binned_data(..., feel_zeroes=False) for a numerical column."""
    if len(np.unique(ref)) > 20:
        bins = np.histogram_bin_edges(np.concatenate([ref, cur]), bins="sturges")
        return (np.histogram(ref, bins)[0] / len(ref), np.histogram(cur, bins)[0] / len(cur),
                bins)
    keys = sorted(set(ref.tolist()) | set(cur.tolist()))
    rc = {k: 0 for k in keys}
    cc = {k: 0 for k in keys}
    for x in ref.tolist():
        rc[x] += 1
    for x in cur.tolist():
        cc[x] += 1
    return (np.array([rc[k] / len(ref) for k in keys]),
            np.array([cc[k] / len(cur) for k in keys]), np.array(keys, dtype=float))


def evidently_chisquare(ref, cur):
    keys = sorted(set(ref.tolist()) | set(cur.tolist()))
    rc = {k: 0 for k in keys}
    cc = {k: 0 for k in keys}
    for x in ref.tolist():
        rc[x] += 1
    for x in cur.tolist():
        cc[x] += 1
    k_norm = len(cur) / len(ref)
    f_exp = [rc[k] * k_norm for k in keys]
    f_obs = [cc[k] for k in keys]
    return stats.chisquare(f_obs, f_exp)


def main():
    cases = json.load(open(sys.argv[1]))
    data = np.fromfile(sys.argv[2], dtype=np.float64)

    def sample(ref):
        off, cnt = ref
        return data[off:off + cnt].copy()

    out = []
    for c in cases:
        k = c["kind"]
        if k == "ks":
            r = stats.ks_2samp(sample(c["a"]), sample(c["b"]), method=c["method"])
            out.append({"statistic": num(r.statistic), "pvalue": num(r.pvalue)})
        elif k == "kolmogorov":
            out.append({"value": num(special.kolmogorov(c["x"]))})
        elif k == "smirnov":
            out.append({"value": num(special.smirnov(c["n"], c["x"]))})
        elif k == "kstwo":
            out.append({"value": num(stats.kstwo.sf(c["x"], c["n"]))})
        elif k == "gammaincc":
            out.append({"value": num(special.gammaincc(c["a"], c["x"]))})
        elif k == "chi2sf":
            out.append({"value": num(stats.chi2.sf(c["x"], c["dof"]))})
        elif k == "chisquare":
            r = evidently_chisquare(sample(c["ref"]), sample(c["cur"]))
            out.append({"statistic": num(r[0]), "pvalue": num(r[1])})
        elif k == "contingency":
            table = np.array(c["table"], dtype=float).reshape(c["rows"], c["cols"])
            r = stats.chi2_contingency(table, correction=c["correction"])
            out.append({"statistic": num(r[0]), "pvalue": num(r[1]), "dof": num(r[2])})
        elif k == "wasserstein":
            out.append({"value": num(stats.wasserstein_distance(sample(c["a"]), sample(c["b"])))})
        elif k == "jensenshannon":
            rp, cp, bins = evidently_binned(sample(c["ref"]), sample(c["cur"]))
            base = c["base"] if c["base"] > 0 else None
            out.append({"value": num(distance.jensenshannon(rp, cp, base)),
                        "edges": [num(e) for e in bins], "ref": [num(x) for x in rp],
                        "cur": [num(x) for x in cp]})
        elif k == "psi":
            value, edges = psi_numpy(sample(c["ref"]), sample(c["cur"]), c["bins"], c["eps"])
            out.append({"value": num(value), "edges": [num(e) for e in edges]})
        else:
            raise SystemExit("unknown case kind " + k)
    json.dump({"scipy": scipy.__version__, "numpy": np.__version__, "results": out},
              open(sys.argv[3], "w"), allow_nan=False)


if __name__ == "__main__":
    main()
