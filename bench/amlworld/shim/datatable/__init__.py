"""A stand-in for the few `datatable` calls IBM Multi-GNN's format_kaggle_files.py makes, built on pandas.

datatable has no wheel for this Python here, so bench/amlworld/run-multignn.sh puts this folder first on
PYTHONPATH and runs the converter itself unmodified. Covered: fread(path, columns=str32), Frame.nrows,
frame[i, "name"], frame[i, position], frame[:, :, sort(k)], Frame.to_csv(path), and the names f and join.
"""
import pandas as pd

str32 = "str32"
f = None
join = None


class sort:
    def __init__(self, column):
        self.column = column


class Frame:
    def __init__(self, df):
        self._df = df
        self._names = list(df.columns)
        self._cols = [df.iloc[:, k].tolist() for k in range(df.shape[1])]

    @property
    def nrows(self):
        return self._df.shape[0]

    def __getitem__(self, key):
        if len(key) == 3 and isinstance(key[2], sort):
            # datatable's sort is stable, as is pandas' mergesort.
            return Frame(self._df.sort_values(self._df.columns[key[2].column], kind="mergesort"))
        row, col = key
        k = col if isinstance(col, int) else self._names.index(col)
        return self._cols[k][row]

    def to_csv(self, path):
        self._df.to_csv(path, index=False)


def fread(path, columns=None):
    # Like datatable, keep duplicate header names readable by position (pandas renames the second to "Account.1").
    df = pd.read_csv(path, dtype=str, keep_default_na=False) if columns == str32 else pd.read_csv(path)
    return Frame(df)
