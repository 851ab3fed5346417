"""Does the shipped load.py give back every cell? Loads a CSV output with its own load.py and compares each value
with the cell's text in the file.

    python3 bench/quality/loadcheck.py DIR [DIR ...]

Text columns must equal the text exactly (empty is <NA> only in nullable columns); integers, booleans, dates and
timestamps must print back to the same text; money and decimals must parse to the same float. Also counts the
columns a plain `pandas.read_csv` mistypes, for contrast. Exits 1 on any mismatch. Needs pandas.
"""

import importlib.util
import json
import sys

import pandas as pd


def shipped_loader(folder):
    spec = importlib.util.spec_from_file_location("load", f"{folder}/load.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def check(folder):
    loader = shipped_loader(folder)
    problems, cells, plain_mistyped = [], 0, []
    for table, columns in loader.dictionary(folder).items():
        typed = loader.load(table, folder)
        text = pd.read_csv(f"{folder}/{table}.csv", dtype=str, keep_default_na=False)
        plain = pd.read_csv(f"{folder}/{table}.csv", low_memory=False)
        for c in columns:
            name, kind = c["name"], c["readAs"]["pandas"]
            raw, got = text[name], typed[name]
            empty = raw.eq("")
            missing = got.isna().to_numpy()
            if kind == "string":
                ok = (got.fillna("").eq(raw) & ((~missing) | empty)).to_numpy()
                if not c["nullable"]:
                    ok &= ~missing
                if raw.ne("").any() and (pd.api.types.is_numeric_dtype(plain[name]) or pd.api.types.is_bool_dtype(plain[name])):
                    plain_mistyped.append(f"{table}.{name} -> {plain[name].dtype}")
            elif kind in ("Int64", "boolean"):
                back = got.astype("string").str.lower() if kind == "boolean" else got.astype("string")
                ok = (back.fillna("").eq(raw)).to_numpy()
            elif kind == "float64":
                want = pd.to_numeric(raw.replace("", None))
                ok = ((got == want) | (got.isna() & empty)).to_numpy()
            else:
                fmt = "%Y-%m-%dT%H:%M:%SZ" if kind.endswith("UTC]") else "%Y-%m-%d"
                ok = (got.dt.strftime(fmt).fillna("").eq(raw)).to_numpy()
            cells += len(raw)
            if not ok.all():
                bad = (~ok).nonzero()[0][:3]
                problems.append(f"{table}.{name} ({kind}): {int((~ok).sum())} cells differ, e.g. "
                                + "; ".join(f"{raw.iloc[i]!r} -> {got.iloc[i]!r}" for i in bad))
    return {"cells": cells, "mismatches": problems, "plain_read_csv_mistyped": plain_mistyped}


def main():
    report = {d: check(d) for d in sys.argv[1:]}
    print(json.dumps(report, indent=1))
    return 1 if any(r["mismatches"] for r in report.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
