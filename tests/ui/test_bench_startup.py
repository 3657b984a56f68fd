"""`xviz bench startup` prints, for each kind of process, the time to the first paint and the peak memory."""
import json
import subprocess
import sys


def test_bench_startup_prints_one_row_per_kind():
    done = subprocess.run([sys.executable, "-m", "xviz", "bench", "startup", "--json", "--runs", "1"],
                          capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr[-500:]
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["kind"] for r in rows] == ["bare", "home", "scenario"]
    for row in rows:
        assert 0 < row["first_paint_s"] < 60 and 20 < row["peak_mb"] < 2000
    assert rows[2]["scenario"].endswith(".yaml")
