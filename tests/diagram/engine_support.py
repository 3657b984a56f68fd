"""Whether a Graphviz engine runs here: layout tests that need one are skipped (not failed) without it."""
import pytest

from xviz.diagram.graphviz_engine import EngineUnavailable, find_engine

try:
    find_engine()
    HAVE_ENGINE = True
except EngineUnavailable:
    HAVE_ENGINE = False

needs_engine = pytest.mark.skipif(not HAVE_ENGINE, reason="no Graphviz engine installed")
