"""The installed PySide6 keeps Python's reference counts straight.

PySide6 6.12.0 on Python 3.11 drops a reference to None on every Qt call that returns nothing, and a
long session then aborts ("none_dealloc"); pyproject.toml keeps Python 3.11 on PySide6 < 6.12.
"""
import subprocess
import sys

SCRIPT = """
import sys
from PySide6.QtGui import QPen
pen = QPen()
before = sys.getrefcount(None)
for _ in range(50000):
    pen.setWidthF(1.0)
print(sys.getrefcount(None) - before)
"""


def test_void_qt_calls_do_not_release_none():
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120,
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr[-500:]
    assert abs(int(done.stdout.strip())) < 100
