"""Every single feature's AUC, not just the top five: where the labels still give themselves away.

    python3 bench/quality/tells.py DATA_DIR [--top N] [--background BG_DIR]

For accounts and transactions of one CLI output (CSV), prints each label-free feature of separability.py with its
single-feature ROC-AUC (max(a, 1 - a); a category scored by its own positive rate, as separability.py does), overall
and per suspicious kind, plus, for accounts, how many positives the pattern opened itself versus chose from the
background (BG_DIR: the same config and seed with no patterns, whose accounts are the background's). Not part of
the test suite.
"""

import argparse
import sys

import pandas as pd

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from separability import (CATEGORICAL, account_features, load, safe_auc, suspicious_accounts,  # noqa: E402
                          transaction_features)


def auc_of(x, y, c):
    v = x[c]
    if c in CATEGORICAL:
        v = v.map(pd.Series(y, index=x.index).groupby(v).mean())
    a = safe_auc(y, pd.to_numeric(v, errors="coerce").fillna(-1))
    return None if a is None else max(a, 1 - a)


def table(x, y, kinds, top):
    cols = {"all": [auc_of(x, y, c) for c in x.columns]}
    for k in sorted(kinds.dropna().unique()):
        sel = ((kinds == k) | (y == 0)).values
        xs, ys = x[sel], (kinds[sel] == k).astype(int).values
        cols[k] = [auc_of(xs, ys, c) for c in x.columns]
    t = pd.DataFrame(cols, index=x.columns).sort_values("all", ascending=False)
    with pd.option_context("display.max_rows", None, "display.width", 250, "display.max_columns", None, "display.float_format", "{:.3f}".format):
        print(t.head(top))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--background")
    a = ap.parse_args()
    t = load(a.data)
    xa = account_features(t)
    la = suspicious_accounts(t)
    ya = xa.index.isin(la.index).astype(int)
    print(f"accounts: {len(xa)} rows, {ya.sum()} suspicious")
    if a.background:
        bg = set(pd.read_csv(f"{a.background}/accounts.csv", usecols=["id"], dtype=str)["id"])
        created = la[~la.index.isin(bg)]
        print(f"  opened by a pattern: {len(created)} ({created.value_counts().to_dict()})")
    table(xa, ya, la.reindex(xa.index), a.top)
    xt = transaction_features(t, xa)
    tx = t["transactions"]
    p = t["patterns"].set_index("id")
    kind = tx["pattern_id"].map(p["kind"].where(p["suspicious"]))
    kind = kind.where(tx["is_suspicious"].eq("true")) if "is_suspicious" in tx else kind
    yt = kind.notna().astype(int).values
    print(f"\ntransactions: {len(xt)} rows, {yt.sum()} suspicious")
    table(xt, yt, kind, a.top)


if __name__ == "__main__":
    sys.exit(main())
