"""Does the share price react to announcements? The market-reaction figure of issue 11, measured from the output.

    python3 bench/quality/market.py DIR [DIR ...]

Each DIR is a CSV output of the CLI (e.g. bench/quality/out/seed-1 after `bash bench/quality/seeds.sh`). For every
listed company, a day's price is the median price of its background trades that day. An announcement's move is
the change from the last day with trades before it to the first one after it (at most 3 days apart, a weekend);
ordinary moves are the changes between such days with no announcement between them.
Prints the median absolute move across announcements, the 95th percentile of ordinary moves, and the share of
insider trades whose side matches the news (buy before good news, sell before bad). Needs pandas.
"""

import json
import re
import sys

import numpy as np
import pandas as pd

TEXT = {"dtype": str, "keep_default_na": False}
# Consecutive trading days with trades, a weekend between them at most.
GAP_DAYS = 3


def measure(folder):
    trades = pd.read_csv(f"{folder}/trades.csv", **TEXT)
    ann = pd.read_csv(f"{folder}/announcements.csv", **TEXT)
    trades["ts"] = pd.to_datetime(trades["timestamp"], utc=True)
    trades["price_f"] = trades["price"].astype(float)
    ann["ts"] = pd.to_datetime(ann["timestamp"], utc=True)
    bg = trades[trades["pattern_id"].eq("")]
    daily = bg.groupby(["company_id", bg["ts"].dt.floor("D")])["price_f"].median().rename("p").reset_index()
    across, ordinary = [], []
    for company, days in daily.groupby("company_id"):
        days = days.sort_values("ts")
        news = ann[ann["company_id"].eq(company)]["ts"].to_numpy()
        t, p = days["ts"].to_numpy(), days["p"].to_numpy()
        for k in range(1, len(t)):
            if (t[k] - t[k - 1]) > np.timedelta64(GAP_DAYS, "D"):
                continue
            # News comes out after a session closes: during day k-1 (after its trades) or on a day before day k.
            between = ((news >= t[k - 1]) & (news < t[k])).any()
            move = abs(p[k] / p[k - 1] - 1)
            (across if between else ordinary).append(move)
    patterns = pd.read_csv(f"{folder}/patterns.csv", **TEXT)
    insider = patterns[patterns["kind"].eq("insiderTrading")]
    effect = dict(zip(ann["id"], ann["price_effect_pct"].astype(float)))
    matched = total = 0
    for _, row in insider.iterrows():
        found = re.search(r"ANN-[0-9A-Z]{10}", row["narrative"])
        if not found:
            continue
        side = "buy" if effect[found.group(0)] > 0 else "sell"
        rows = trades[trades["pattern_id"].eq(row["id"])]
        matched += int(rows["side"].eq(side).sum())
        total += len(rows)
    return {
        "announcements": int(len(ann)),
        "median_abs_move_across_announcement": round(float(np.median(across)), 4) if across else None,
        "ordinary_daily_move_p95": round(float(np.percentile(ordinary, 95)), 4) if ordinary else None,
        "moves": {"across": len(across), "ordinary": len(ordinary)},
        "insider_trades_with_the_news": f"{matched}/{total}",
    }


if __name__ == "__main__":
    print(json.dumps({d: measure(d) for d in sys.argv[1:]}, indent=1))
