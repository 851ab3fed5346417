"""Which features give a kind's members away, role by role: the account-level tells behind a per-kind ROC.

    python3 bench/quality/roles.py DATA_DIR [--kinds muleChain,accountTakeover] [--top N] [--same-type]

For each suspicious kind and each account role in it, prints the single features (separability.py's account
features) on which that role's accounts differ most from background accounts: the AUC of the feature alone (members
against the background; above 0.5 means members sit higher), with the members' and the background's medians, and
how the role's account types compare to the background's. Not part of the test suite.
"""

import argparse
import sys

import pandas as pd

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from separability import CATEGORICAL, account_features, load, safe_auc  # noqa: E402


def member_roles(t):
    m = t["pattern_members"].merge(t["patterns"][["id", "kind", "suspicious"]], left_on="pattern_id", right_on="id")
    return m[m["suspicious"] & m["entity_type"].eq("account")][["entity_id", "kind", "role"]]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("--kinds", default="")
    ap.add_argument("--top", type=int, default=8)
    ap.add_argument("--same-type", action="store_true", help="compare with background accounts of the same types")
    a = ap.parse_args()
    t = load(a.data)
    x = account_features(t)
    roles = member_roles(t)
    members = set(t["pattern_members"].loc[t["pattern_members"]["entity_type"].eq("account"), "entity_id"])
    bg = bg_all = x[~x.index.isin(members)]
    num = [c for c in x.columns if c not in CATEGORICAL]
    kinds = a.kinds.split(",") if a.kinds else sorted(roles["kind"].unique())
    for kind in kinds:
        for role, g in roles[roles["kind"].eq(kind)].groupby("role"):
            xs = x.reindex(g["entity_id"].unique())
            if a.same_type:  # against background accounts of the role's own types: the tells beyond the type
                bg = bg_all[bg_all["account_type"].isin(xs["account_type"].unique())
                            & bg_all["owner_type"].isin(xs["owner_type"].unique())]
            y = pd.Series([1] * len(xs) + [0] * len(bg))
            rows = []
            for c in num:
                v = pd.concat([xs[c], bg[c]]).astype(float).fillna(-1).values
                auc = safe_auc(y.values, v)
                if auc is not None:
                    rows.append((c, auc, xs[c].median(), bg[c].median()))
            rows.sort(key=lambda r: -abs(r[1] - 0.5))
            print(f"\n{kind} / {role}: {len(xs)} accounts")
            for c, auc, mm, bm in rows[: a.top]:
                print(f"  {c:28s} auc {auc:.3f}  member median {mm:12.2f}  background median {bm:12.2f}")
            types = xs["account_type"].value_counts(normalize=True).round(2).to_dict()
            print(f"  account types: {types}  (background {bg['account_type'].value_counts(normalize=True).round(2).head(5).to_dict()})")


if __name__ == "__main__":
    sys.exit(main())
