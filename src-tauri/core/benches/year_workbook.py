"""Python XlsxWriter writing the same cells as the year workbook benchmark.

Usage: python3 year_workbook.py CELLS.json RUNS
CELLS.json is written by `cargo bench -p zhibu-core --bench year_workbook`:
[{"name": sheet, "cells": [[row, col, value], ...]}, ...]. Prints the median
time in milliseconds of building the workbook in memory (the same work as
the Rust side: cells in, .xlsx bytes out; reading the JSON is not timed).
"""

import io
import json
import statistics
import sys
import time

import xlsxwriter


def build(sheets):
    out = io.BytesIO()
    wb = xlsxwriter.Workbook(out, {"in_memory": True})
    fmt = wb.add_format({"font_name": "宋体", "border": 1, "text_wrap": True})
    for sheet in sheets:
        ws = wb.add_worksheet(sheet["name"])
        for row, col, value in sheet["cells"]:
            if isinstance(value, str):
                ws.write_string(row, col, value, fmt)
            else:
                ws.write_number(row, col, value, fmt)
    wb.close()
    return out.getvalue()


def main():
    sheets = json.load(open(sys.argv[1], encoding="utf-8"))
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        build(sheets)
        samples.append(time.perf_counter() - start)
    print(f"{statistics.median(samples) * 1000:.1f}")


if __name__ == "__main__":
    main()
