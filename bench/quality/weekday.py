"""Weekend and night shares of events by group: where pattern rows still keep a clock of their own.

    python3 bench/quality/weekday.py DATA_DIR [DATA_DIR ...] [--kinds]

For each CLI output (CSV), the share of rows on a local weekend (Saturday, Sunday) and at local night (hour < 6)
for background rows (no pattern), suspicious pattern rows, look-alike rows (a pattern row that is not suspicious
and not camouflage) and camouflage rows (role `camouflage`: a pattern account's ordinary life), then per look-alike
kind (patterns.kind). Transactions are also split by the background's two weeks: office kinds (salary, rent, bills,
invoices) and banking kinds (transfers, wires, cash deposits); spending (card purchases, cash withdrawals) goes on
at weekends and is left out of those two. "Local" is the acting party's clock as the engine draws it (the fixed
offsets of src/engine/reference/time-zones.ts): a transaction's paying account (the receiving one for a cash
deposit), an access event's country, a trade's account, a document's issuer, a travel's departure country. With
--kinds, transactions' shares per transaction kind and group too. Last, per family (a suspicious kind and the
look-alikes resembling it): each instance's share of its own payments (spending left out) at a weekend, the mean
over suspicious and over look-alike instances, and the ROC-AUC of that share for suspicious against look-alike
(0.5: the weekday cannot tell an alert's instance from a false positive; above 0.5 the suspicious ones are the
weekend-heavier). Not part of the test suite.
"""

import argparse
import re
from pathlib import Path

import pandas as pd
from sklearn.metrics import roc_auc_score

ROOT = Path(__file__).resolve().parents[2]
OFFICE = {"salary", "rent", "bill_payment", "invoice_payment"}
BANKING = {"transfer", "wire", "cash_deposit"}


def offsets():
    text = (ROOT / "src/engine/reference/time-zones.ts").read_text()
    return {c: int(m) * 60 for c, m in re.findall(r"^\s+([A-Z]{2}): (-?\d+),$", text, re.M)}


def local(ts, country, off):
    t = pd.to_datetime(ts, utc=True) + pd.to_timedelta(country.map(off).fillna(0), unit="s")
    return pd.DataFrame({"weekend": t.dt.weekday >= 5, "night": t.dt.hour < 6}, index=ts.index)


def read(folder, name, **kw):
    return pd.read_csv(f"{folder}/{name}.csv", dtype=str, keep_default_na=False, **kw)


def groups(df, kinds):
    """The group of each row and, for look-alike rows, the look-alike kind."""
    pat = df["pattern_id"] != ""
    camo = df["pattern_role"] == "camouflage"
    sus = df["is_suspicious"] == "true"
    g = pd.Series("background", index=df.index)
    g[pat & sus & ~camo] = "suspicious"
    g[pat & ~sus & ~camo] = "lookalike"
    g[pat & camo] = "camouflage"
    look = df["pattern_id"].map(kinds).where(g == "lookalike")
    return g, look


def shares(flags, by):
    s = flags.groupby(by).agg(n=("weekend", "size"), weekend=("weekend", "mean"), night=("night", "mean"))
    return s


def fmt(s, title):
    if len(s) == 0:
        return
    print(f"  {title}")
    for k, r in s.iterrows():
        k = k if isinstance(k, str) else " / ".join(map(str, k))
        print(f"    {k:40} n={int(r.n):6}  weekend {100 * r.weekend:5.1f} %  night {100 * r.night:5.1f} %")


def families(tx, f, g, p):
    own = (g == "suspicious") | (g == "lookalike")
    paid = own & ~tx["kind"].isin(["card_purchase", "cash_withdrawal"])
    per = f[paid].assign(pattern_id=tx["pattern_id"][paid]).groupby("pattern_id")["weekend"].mean().to_frame()
    info = p.set_index("id")
    per["suspicious"] = per.index.map(info["is_suspicious"]) == "true"
    per["family"] = [info.at[i, "kind"] if s else info.at[i, "resembles"] for i, s in zip(per.index, per["suspicious"])]
    print("  instances' weekend share of own payments, suspicious vs look-alike (family: mean sus / mean look, AUC)")
    for fam, h in [("all", per), *per.groupby("family")]:
        if h["suspicious"].nunique() < 2:
            continue
        auc = roc_auc_score(h["suspicious"], h["weekend"])
        sus, look = h[h["suspicious"]]["weekend"].mean(), h[~h["suspicious"]]["weekend"].mean()
        print(f"    {fam:20} {100 * sus:5.1f} % / {100 * look:5.1f} %  AUC {auc:.2f}  ({h['suspicious'].sum()} / {(~h['suspicious']).sum()})")


def report(folder, per_kind):
    off = offsets()
    p = read(folder, "patterns")
    kinds = p.set_index("id")["kind"]
    acc = read(folder, "accounts", usecols=["id", "country"]).set_index("id")["country"]
    print(f"== {folder}")

    tx = read(folder, "transactions", usecols=["timestamp", "kind", "from_account_id", "to_account_id",
                                               "pattern_id", "pattern_role", "is_suspicious"])
    actor = tx["from_account_id"].where(tx["from_account_id"] != "", tx["to_account_id"])
    f = local(tx["timestamp"], actor.map(acc), off)
    g, look = groups(tx, kinds)
    week = tx["kind"].map(lambda k: "office" if k in OFFICE else "banking" if k in BANKING else "spending")
    print(" transactions")
    fmt(shares(f, g), "by group")
    for w in ["banking", "office"]:
        sel = week == w
        fmt(shares(f[sel], g[sel]), f"{w} kinds ({', '.join(sorted(BANKING if w == 'banking' else OFFICE))})")
    sel = look.notna()
    fmt(shares(f[sel], [look[sel], week[sel]]), "look-alike kind / week")
    if per_kind:
        fmt(shares(f, [tx["kind"], g]), "transaction kind / group")
    families(tx, f, g, p)

    comp = read(folder, "companies", usecols=["id", "registration_country"]).set_index("id")["registration_country"]
    pers = read(folder, "persons", usecols=["id", "residence_country"]).set_index("id")["residence_country"]
    others = [
        ("access_events", "timestamp", lambda d: d["country"]),
        ("trades", "timestamp", lambda d: d["account_id"].map(acc)),
        ("documents", "issued_at", lambda d: d["issuer_id"].map(comp)),
        ("travels", "departure_at", lambda d: d["from_country"]),
        ("communications", "timestamp", lambda d: d["sender_id"].map(pers)),
    ]
    for name, col, country in others:
        d = read(folder, name)
        f = local(d[col], country(d), off)
        g, look = groups(d, kinds)
        print(f" {name}")
        fmt(shares(f, g), "by group")
        sel = look.notna()
        fmt(shares(f[sel], look[sel]), "look-alike kind")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data", nargs="+")
    ap.add_argument("--kinds", action="store_true")
    a = ap.parse_args()
    for folder in a.data:
        report(folder, a.kinds)


if __name__ == "__main__":
    main()
