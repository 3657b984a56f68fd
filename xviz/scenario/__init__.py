"""Scenario files: load (with positions), validate, derive engine requests, run, save in place."""
from xviz.scenario.errors import Problem, ScenarioError
from xviz.scenario.loader import (LoadedScenario, load, loads, read_scenario_file, replace_block_text, save_text,
                                  screen)

__all__ = ["LoadedScenario", "Problem", "ScenarioError", "load", "loads", "read_scenario_file", "replace_block_text",
           "save_text", "screen"]
