"""`python -m tonearm_worker.parquet_export FILE`: tonearm's track export as Parquet, with pyarrow.

Reads JSON lines on stdin: first `{"columns": [{"name": ..., "type": "string|int64|float64|float32"}]}`,
then one JSON array per track in that column order (null for a missing value). Writes one plain
Parquet file (no pandas metadata, no extension types) that pandas.read_parquet and R's
arrow::read_parquet open without options. Not part of the analysis protocol: tonearm runs it only for
`tonearm export --format parquet`.
"""
import json
import sys

import pyarrow as pa
import pyarrow.parquet as pq

TYPES = {"string": pa.string(), "int64": pa.int64(), "float64": pa.float64(), "float32": pa.float32()}


def read_table(lines):
    header = json.loads(next(lines))
    fields = [pa.field(column["name"], TYPES[column["type"]]) for column in header["columns"]]
    values = [[] for _ in fields]
    for line in lines:
        row = json.loads(line)
        if len(row) != len(fields):
            raise ValueError(f"a row has {len(row)} values for {len(fields)} columns")
        for column, value in zip(values, row):
            column.append(value)
    arrays = [pa.array(column, type=field.type) for column, field in zip(values, fields)]
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields))


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        print("usage: python -m tonearm_worker.parquet_export FILE < rows.jsonl", file=sys.stderr)
        return 2
    try:
        pq.write_table(read_table(iter(sys.stdin)), argv[0])
    except Exception as error:  # one line for tonearm to show
        print(f"{type(error).__name__}: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
