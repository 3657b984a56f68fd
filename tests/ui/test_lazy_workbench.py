"""The home screen paints without the workbench: it is built on first use, and every menu action
and shortcut made before it works once it exists."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from xviz.ui.main_window import MainWindow

HEAVY = ("xviz.ui.workbench", "xviz.ui.flow_panel", "xviz.scenario.model", "pydantic")

HOME_ONLY = """
import json, sys
from xviz.ui.app import start
from xviz.ui.main_window import MainWindow
app, _ = start(headless=True)
window = MainWindow()
window.show()
app.processEvents()
print(json.dumps({"built": window._workbench is not None,
                  "loaded": [m for m in %r if m in sys.modules]}))
"""


def test_the_home_screen_neither_builds_nor_imports_the_workbench(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", HOME_ONLY % (HEAVY,)], env=env, capture_output=True,
                         text=True, timeout=60, check=True).stdout
    assert json.loads(out.strip().splitlines()[-1]) == {"built": False, "loaded": []}


@pytest.fixture
def window(qtbot, settings, scenarios_dir):
    window = MainWindow(settings, scenarios_dir)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    yield window
    window.setWindowModified(False)


def test_workbench_actions_wait_at_home_and_work_once_a_scenario_is_open(window, scenario_file):
    assert window._workbench is None
    workbench_actions = (window.act_forward, window.act_back, window.act_fit, window.act_tree, window.act_play)
    assert not any(action.isEnabled() for action in workbench_actions)
    assert window.windowTitle() == "Home[*]"
    window.act_export.trigger()  # disabled: nothing happens, nothing is built
    assert window._workbench is None

    window.open_path(str(scenario_file))
    assert all(action.isEnabled() for action in workbench_actions)
    panel = window.workbench.flow_panel
    assert panel.current_step() == 0
    window.act_forward.trigger()
    assert panel.current_step() == 1
    window.act_last.trigger()
    assert panel.current_step() == panel.step_count() - 1
    window.act_first.trigger()
    assert panel.current_step() == 0
    assert window.act_tree.isChecked() and window.workbench.tree_shown()
    window.act_tree.trigger()
    assert not window.workbench.tree_shown()
    window.act_tree.trigger()
    assert window.workbench.tree_shown()

    window.show_home()  # back home: the built workbench stays, its actions wait again
    assert not window.act_forward.isEnabled()
    assert window.windowTitle() == "Home[*]"
