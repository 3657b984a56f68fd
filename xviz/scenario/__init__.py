"""Scenario files: load (with positions), validate, derive engine requests, run, save in place."""
from xviz.scenario.errors import Problem, ScenarioError
from xviz.scenario.loader import LoadedScenario, load, loads, replace_block_text, save_text

__all__ = ["LoadedScenario", "Problem", "ScenarioError", "load", "loads", "replace_block_text", "save_text"]
