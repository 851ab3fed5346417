"""Does the background behave like a bank's books? The realism figures of issue 10, measured as a data scientist would.

    python3 bench/quality/realism.py DIR [DIR ...] [--out realism.json]

Each DIR is a CSV output of the CLI (`bash bench/quality/realism.sh` makes two seeds of the medium config and runs
this). Only background rows (no `pattern_id`) are measured, since the question is what patterns hide in. Local time
uses the IANA zone of each country's largest population centre (real daylight saving), so it checks the engine's
fixed-offset table against the real clock rather than against itself. Needs pandas; not part of the test suite.

Definitions (per dataset):
- repeat_partner_share: of payments with a counterparty (another account, or a merchant for card purchases), the
  share whose (payer, counterparty) pair occurs more than once.
- recurring_share: the share of those payments in pairs of >= 3 payments whose gaps are regular (coefficient of
  variation of the gaps <= 0.35): standing orders, salaries, rent, subscriptions.
- out_degree: distinct account counterparties per paying account; p99, max and the continuous MLE tail exponent
  alpha = 1 + n / sum(ln(x / xmin)) over x >= xmin (xmin = 5); in_degree the same per receiving account (hubs).
- local_time: per account country (>= 200 card purchases), the share of card purchases at 00:00-05:59 and on
  Saturday/Sunday in local time.
- benford_mad: mean absolute deviation of the first-digit distribution of all amounts from Benford's law.
- negative_balance: background checking accounts whose balance (the balance columns, else the opening balance run
  forward) goes below zero at some point / ends below zero; with the columns also those without an overdraft that
  go below zero, and accounts of any type whose balance passes what they allow (below_floor).
- salary: employed persons outside suspicious instances paid in >= 11 distinct months (of a 12-month window).
- monthly: (payer, payee) pairs of rent and of bill payments paid in >= 11 distinct months, as a share of the pairs;
  the hubs: the three accounts with the most distinct counterparties out and in, with their holder's industry.
- mistakes: "Own account transfer" to another owner; accounts opened after the window yet active with a balance;
  duplicate (pattern, entity, role) rows; account holders without a customer-since date, or with one after their
  first account opened.
"""

import argparse
import json
import math
import sys
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

TEXT = {"dtype": str, "keep_default_na": False}
ZONES = {
    "US": "America/New_York", "GB": "Europe/London", "DE": "Europe/Berlin", "FR": "Europe/Paris",
    "NL": "Europe/Amsterdam", "CH": "Europe/Zurich", "LU": "Europe/Luxembourg", "IE": "Europe/Dublin",
    "ES": "Europe/Madrid", "IT": "Europe/Rome", "BE": "Europe/Brussels", "AT": "Europe/Vienna",
    "SE": "Europe/Stockholm", "NO": "Europe/Oslo", "DK": "Europe/Copenhagen", "PL": "Europe/Warsaw",
    "JP": "Asia/Tokyo", "SG": "Asia/Singapore", "HK": "Asia/Hong_Kong", "CN": "Asia/Shanghai",
    "IN": "Asia/Kolkata", "AU": "Australia/Sydney", "CA": "America/Toronto", "NZ": "Pacific/Auckland",
    "BR": "America/Sao_Paulo", "MX": "America/Mexico_City", "ZA": "Africa/Johannesburg", "AE": "Asia/Dubai",
    "SA": "Asia/Riyadh", "TR": "Europe/Istanbul", "RU": "Europe/Moscow", "KR": "Asia/Seoul",
    "KY": "America/Cayman", "VG": "America/Tortola", "BM": "Atlantic/Bermuda", "PA": "America/Panama",
    "BS": "America/Nassau", "CY": "Asia/Nicosia", "MT": "Europe/Malta", "MU": "Indian/Mauritius",
}
BENFORD = np.log10(1 + 1 / np.arange(1, 10))


def load(folder):
    names = ["transactions", "accounts", "persons", "companies", "pattern_members"]
    t = {n: pd.read_csv(f"{folder}/{n}.csv", **TEXT) for n in names}
    with open(f"{folder}/manifest.json") as f:
        t["manifest"] = json.load(f)
    return t


def pairs_of(tx):
    """(payer, counterparty) for every payment that has one: another account, or the merchant of a card purchase."""
    p = tx[tx["from_account_id"].ne("")].copy()
    p["partner"] = np.where(p["to_account_id"].ne(""), p["to_account_id"],
                            np.where(p["merchant_name"].ne(""), "M:" + p["merchant_name"], ""))
    return p[p["partner"].ne("")]


def repeat_and_recurring(tx):
    p = pairs_of(tx)
    key = p["from_account_id"] + "|" + p["partner"]
    size = key.map(key.value_counts())
    repeat = float((size > 1).mean())
    secs = p["ts"].astype("int64") // 10**9
    g = pd.DataFrame({"key": key, "s": secs, "n": size})
    g = g[g["n"] >= 3].sort_values(["key", "s"])
    g["gap"] = g.groupby("key")["s"].diff()
    stats = g.dropna().groupby("key")["gap"].agg(["mean", "std"])
    regular = stats[(stats["mean"] > 0) & (stats["std"] / stats["mean"] <= 0.35)].index
    recurring = float(key.isin(set(regular)).sum() / len(p)) if len(p) else 0.0
    return repeat, recurring


def out_degree(tx):
    a2a = tx[tx["from_account_id"].ne("") & tx["to_account_id"].ne("")]
    d = a2a.groupby("from_account_id")["to_account_id"].nunique().to_numpy()
    xmin = 5
    tail = d[d >= xmin]
    alpha = 1 + len(tail) / np.log(tail / xmin).sum() if len(tail) else float("nan")
    inn = a2a.groupby("to_account_id")["from_account_id"].nunique().to_numpy()
    return {"accounts": int(len(d)), "p50": float(np.percentile(d, 50)), "p99": float(np.percentile(d, 99)),
            "max": int(d.max()), "alpha_mle_xmin5": round(float(alpha), 3),
            "in_degree": {"p99": float(np.percentile(inn, 99)), "max": int(inn.max()),
                          "accounts_over_100": int((inn > 100).sum())}}


def local_time(tx, accounts):
    card = tx[tx["kind"].eq("card_purchase")]
    country = card["from_account_id"].map(accounts.set_index("id")["country"])
    out = {}
    for code, rows in card.groupby(country):
        if len(rows) < 200 or code not in ZONES:
            continue
        local = rows["ts"].dt.tz_convert(ZoneInfo(ZONES[code]))
        out[code] = {"n": int(len(rows)), "night": round(float((local.dt.hour < 6).mean()), 4),
                     "weekend": round(float((local.dt.weekday >= 5).mean()), 4)}
    nights = [v["night"] for v in out.values()]
    return {"per_country": out, "night_min": min(nights), "night_max": max(nights)}


def benford_mad(amounts):
    a = amounts[amounts > 0]
    first = (a / 10 ** np.floor(np.log10(a))).astype(int).clip(1, 9)
    observed = np.bincount(first, minlength=10)[1:] / len(first)
    return round(float(np.abs(observed - BENFORD).mean()), 5)


def negative_balances(tx, accounts):
    """Background checking balances after each transaction: the balance columns when the table has them, else each
    account run forward from its opening balance (in its own currency). With the columns, also the checking accounts
    without an overdraft that go negative and the accounts of any type past what they allow (below_floor)."""
    ledger = "from_balance_after" in tx.columns
    kinds = accounts["account_type"]
    acc = accounts[kinds.eq("checking")].set_index("id")
    if ledger:
        every = accounts.set_index("id")
        legs = pd.concat([
            pd.DataFrame({"acc": tx["from_account_id"], "ts": tx["ts"], "bal": tx["from_balance_after"]}),
            pd.DataFrame({"acc": tx["to_account_id"], "ts": tx["ts"], "bal": tx["to_balance_after"]}),
        ])
        legs = legs[legs["acc"].ne("")]
        legs["bal"] = legs["bal"].astype(float)
        limit = lambda col: every[col].replace("", "0").astype(float)
        floor = np.select(
            [every["account_type"].isin(["checking", "business"]), every["account_type"].isin(["credit_card", "loan"])],
            [-limit("overdraft_limit"), -limit("credit_limit")], 0.0)
        floors = pd.Series(floor, index=every.index)
        lowest = legs.groupby("acc")["bal"].min()
        below = int((lowest < lowest.index.map(floors) - 0.005).sum())
        legs = legs[legs["acc"].isin(acc.index)].sort_values(["acc", "ts"], kind="stable")
    else:
        out_leg = tx[tx["from_account_id"].isin(acc.index)]
        in_leg = tx[tx["to_account_id"].isin(acc.index)]
        in_amount = np.where(in_leg["to_amount"].ne(""), in_leg["to_amount"], in_leg["amount"]).astype(float)
        legs = pd.concat([
            pd.DataFrame({"acc": out_leg["from_account_id"], "ts": out_leg["ts"], "d": -out_leg["amount_f"]}),
            pd.DataFrame({"acc": in_leg["to_account_id"], "ts": in_leg["ts"], "d": in_amount}),
        ]).sort_values(["acc", "ts"], kind="stable")
        opening = acc["opening_balance"].replace("", "0").astype(float)
        legs["bal"] = legs.groupby("acc")["d"].cumsum() + legs["acc"].map(opening)
    low = legs.groupby("acc")["bal"].min()
    end = legs.groupby("acc")["bal"].last()
    n = len(acc)
    out = {"source": "balance_after" if ledger else "opening_balance_forward", "checking_accounts": n,
           "ever_negative": round(float((low < -0.005).sum() / n), 4),
           "end_negative": round(float((end < -0.005).sum() / n), 4),
           "never_transact": round(float(1 - acc.index.isin(legs["acc"]).mean()), 4)}
    if ledger:
        plain = acc.index[acc["overdraft_limit"].eq("")]
        out["with_overdraft"] = round(float(1 - len(plain) / n), 4)
        out["negative_without_overdraft"] = round(float((low.reindex(plain) < -0.005).sum() / len(plain)), 4)
        out["below_floor"] = below
    return out


def never_transact(tx, accounts):
    """Share of background accounts of each type that appear in no transaction."""
    used = set(tx["from_account_id"]) | set(tx["to_account_id"])
    return {k: round(float((~g["id"].isin(used)).mean()), 4) for k, g in accounts.groupby("account_type")}


def salaries(tx, accounts, persons):
    # The background's employed: persons in a suspicious instance (synthetic identities, recruited mules) are not.
    employed = persons[persons["employer_id"].ne("") & persons["is_suspicious"].ne("true")]
    sal = tx[tx["kind"].eq("salary")]
    owner = sal["to_account_id"].map(accounts.set_index("id")["owner_id"])
    months = sal["ts"].dt.strftime("%Y-%m").groupby(owner).nunique()
    paid = months.reindex(employed["id"]).fillna(0)
    return {"employed": int(len(employed)), "paid_any": int((paid > 0).sum()),
            "paid_11_months_share": round(float((paid >= 11).mean()), 4)}


def monthly(tx, t):
    """How regular the standing payments are, and who the hubs are."""
    out = {}
    month = tx["ts"].dt.strftime("%Y-%m")
    for kind in ["rent", "bill_payment"]:
        rows = tx[tx["kind"].eq(kind) & tx["to_account_id"].ne("")]
        months = month[rows.index].groupby([rows["from_account_id"], rows["to_account_id"]]).nunique()
        out[f"{kind}_pairs_11_months"] = round(float((months >= 11).mean()), 4) if len(months) else 0.0
    acc = t["accounts"].set_index("id")
    industry = t["companies"].set_index("id")["industry"] if "companies" in t else pd.Series(dtype=str)
    a2a = tx[tx["from_account_id"].ne("") & tx["to_account_id"].ne("")]
    for side, other, name in [("from_account_id", "to_account_id", "out"), ("to_account_id", "from_account_id", "in")]:
        top = a2a.groupby(side)[other].nunique().sort_values(ascending=False).head(3)
        out[f"top_{name}_degree"] = [{"degree": int(d), "industry": str(industry.get(acc.loc[a, "owner_id"], "person"))}
                                     for a, d in top.items()]
    return out


def mistakes(t, tx):
    acc = t["accounts"].set_index("id")
    own = tx[tx["description"].eq("Own account transfer")]
    other_owner = int((own["from_account_id"].map(acc["owner_id"]) != own["to_account_id"].map(acc["owner_id"])).sum())
    end = window_end(t["manifest"]["config"])
    late = acc[(acc["opened_at"] > end) & acc["status"].eq("active")]
    pm = t["pattern_members"]
    dup = int(pm.duplicated(["pattern_id", "entity_type", "entity_id", "role"]).sum())
    dup_entity = int(pm.duplicated(["pattern_id", "entity_type", "entity_id"]).sum())
    persons = t["persons"]
    since = "customer_since"
    # Holders (owner or joint) with their first opening day; persons who hold no account are not customers.
    holders = pd.concat([
        acc[acc["owner_type"].eq("person")][["owner_id", "opened_at"]].rename(columns={"owner_id": "pid"}),
        acc[acc["joint_owner_id"].ne("")][["joint_owner_id", "opened_at"]].rename(columns={"joint_owner_id": "pid"}),
    ]).groupby("pid")["opened_at"].min()
    held = persons[persons["id"].isin(holders.index)]
    no_since = int(len(held)) if since not in persons else int(held[since].eq("").sum())
    since_after_first = 0 if since not in persons else int(
        (held[since].ne("") & (held[since] > held["id"].map(holders))).sum())
    return {"own_transfer_to_other_owner": other_owner, "opened_after_window_active": int(len(late)),
            "duplicate_pattern_members": dup,
            "entity_twice_in_pattern": dup_entity, "persons_without_customer_since": no_since,
            "customer_since_after_first_account": since_after_first}


def window_end(config):
    """Last day of the window, YYYY-MM-DD."""
    last = pd.Timestamp(config["startDate"]) + pd.Timedelta(days=config["durationDays"] - 1)
    return last.strftime("%Y-%m-%d")


def measure(folder):
    t = load(folder)
    tx_all = t["transactions"]
    tx_all["ts"] = pd.to_datetime(tx_all["timestamp"], utc=True)
    tx_all["amount_f"] = pd.to_numeric(tx_all["amount"])
    tx = tx_all[tx_all["pattern_id"].eq("")]
    repeat, recurring = repeat_and_recurring(tx)
    card = tx[tx["kind"].eq("card_purchase")]
    merchants = card.groupby("merchant_name").size().sort_values(ascending=False)
    first_use = ~card.duplicated(["from_account_id", "merchant_name"])
    return {
        "transactions": int(len(tx_all)),
        "labelled_share": round(float(tx_all["pattern_id"].ne("").mean()), 5),
        "repeat_partner_share": round(repeat, 4),
        "recurring_share": round(recurring, 4),
        "out_degree": out_degree(tx),
        "merchants": {"distinct": int(len(merchants)), "top_share": round(float(merchants.iloc[0] / len(card)), 4),
                      "card_purchases_at_new_merchant": round(float(first_use.mean()), 4)},
        "local_time": local_time(tx, t["accounts"]),
        "daily_counts": daily(tx),
        "benford_mad": benford_mad(tx_all["amount_f"].to_numpy()),
        "negative_balance": negative_balances(tx, t["accounts"]),
        "never_transact_by_type": never_transact(tx, t["accounts"]),
        "salary": salaries(tx, t["accounts"], t["persons"]),
        "monthly": monthly(tx, t),
        "mistakes": mistakes(t, tx_all),
    }


def daily(tx):
    per_day = tx.groupby(tx["ts"].dt.strftime("%Y-%m-%d")).size()
    mean = per_day.mean()
    dec = per_day[per_day.index.str[5:7] == "12"].mean()
    return {"cv": round(float(per_day.std() / mean), 4), "december_vs_mean": round(float(dec / mean), 3),
            "christmas_vs_december": round(float(per_day.filter(like="-12-25").mean() / dec), 3)}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dirs", nargs="+")
    ap.add_argument("--out")
    args = ap.parse_args()
    report = {d: measure(d) for d in args.dirs}
    text = json.dumps(report, indent=1)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text + "\n")
    print(text)


if __name__ == "__main__":
    sys.exit(main())
