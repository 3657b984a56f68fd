"""The None-refcount guard keeps a process alive through many void Qt calls (PySide6 6.12 on Python 3.11)."""
import subprocess
import sys

SCRIPT = """
import sys
import xviz.ui.diagram
from PySide6.QtGui import QPen
pen = QPen()
for _ in range(50000):
    pen.setWidthF(1.0)
print("alive")
"""


def test_many_void_calls_do_not_abort_the_process():
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120,
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.strip() == "alive"
