"""Test set-up shared by the whole suite: headless Qt, settings kept out of the real home."""
import os
import tempfile

# Before pytest-qt creates the QApplication: without a display the process would abort.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("XDG_CONFIG_HOME", tempfile.mkdtemp(prefix="xviz-test-config-"))
os.environ.setdefault("XDG_DATA_HOME", tempfile.mkdtemp(prefix="xviz-test-data-"))  # recovery copies
