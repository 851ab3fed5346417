"""The shipped audit (audit.json of each seed) beside separability.py's report, for the note.

    python3 bench/quality/compare-audit.py SEP_JSON SEED_DIR [SEED_DIR ...]

SEP_JSON is separability.py's output (trained on one seed, tested on another); each SEED_DIR is a CLI output with
audit.json. Prints one table of account- and transaction-level AUCs and one of rule precision/recall.
"""

import json
import sys


def fmt(v):
    return "-" if v is None else f"{v:.3f}"


def main():
    sep = json.load(open(sys.argv[1]))
    audits = [(d, json.load(open(f"{d}/audit.json"))) for d in sys.argv[2:]]
    print("level        measure                     separability.py  " + "  ".join(f"audit {d.rsplit('/', 1)[-1]:>8}" for d, _ in audits))
    for level, key in [("account", "account"), ("transaction", "transaction")]:
        s = sep[key]
        rows = [("model ROC-AUC", s["roc_auc"], [a["levels"][level]["baseline"]["roc_auc"] for _, a in audits])]
        best = s["best_single_features"][0]
        rows.append((f"best single ({best[0]})", best[1],
                     [next((f["auc"] for f in a["levels"][level]["best_single_features"] if f["feature"] == best[0]),
                           None) for _, a in audits]))
        rows.append(("audit's best single", None,
                     [a["levels"][level]["best_single_features"][0]["auc"] for _, a in audits]))
        for kind, v in sorted(s["per_kind_roc_auc"].items()):
            rows.append((f"model AUC {kind}", v,
                         [a["levels"][level]["per_kind"].get(kind, {}).get("baseline_auc") for _, a in audits]))
        for name, ref, mine in rows:
            print(f"{level:12} {name:27} {fmt(ref):>15}  " + "  ".join(f"{fmt(m):>14}" for m in mine))
    print()
    print("rule                   separability.py P / R   " + "  ".join(f"audit {d.rsplit('/', 1)[-1]} P / R (alerts)" for d, _ in audits))
    for name, r in sep["rules_on_test"].items():
        mine = [a["rules"].get(name) for _, a in audits]
        cells = [f"{fmt(m['precision'])} / {fmt(m['recall'])} ({m['alerts']})" if m else "-" for m in mine]
        print(f"{name:22} {fmt(r['precision']):>8} / {fmt(r['recall'])} ({r['alerts']})   " + "  ".join(f"{c:>24}" for c in cells))
    for name in audits[0][1]["rules"]:
        if name not in sep["rules_on_test"]:
            cells = [a["rules"][name] for _, a in audits]
            print(f"{name:22} {'(audit only)':>24}   " + "  ".join(
                f"{(fmt(c['precision']) + ' / ' + fmt(c['recall']) + ' (' + str(c['alerts']) + ')') if not c['skipped'] else 'skipped':>24}"
                for c in cells))


if __name__ == "__main__":
    main()
