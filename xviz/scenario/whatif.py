"""What-if switches: patches applied to the scenario's data before it is validated and run.

A patch path is dotted (`world.roles.R.trust_policy`); inside a list, a segment is an item's `id`
(steps) or its index. The patched value keeps its own place in the file (inside `what_ifs:`), so
errors and policy positions point at the text the author wrote.
"""
from __future__ import annotations

import copy
from typing import Any

from xviz.scenario.errors import ProblemSink
from xviz.scenario.yamlsource import SourceMap


def _segment(container: Any, seg: str) -> Any | None:
    """The key or index `seg` names in `container`, or None."""
    if isinstance(container, dict):
        return seg if seg in container else None
    if isinstance(container, list):
        for i, item in enumerate(container):
            if isinstance(item, dict) and item.get("id") == seg:
                return i
        if seg.isdigit() and int(seg) < len(container):
            return int(seg)
    return None


def apply_what_ifs(data: Any, smap: SourceMap, names: list[str], sink: ProblemSink) -> tuple[Any, SourceMap]:
    """Apply the named switches in order; returns new data and source map (inputs stay untouched)."""
    patched = copy.deepcopy(data)
    new_map = SourceMap(dict(smap.nodes), dict(smap.keys))
    defined = data.get("what_ifs") or {} if isinstance(data, dict) else {}
    for name in names:
        if name not in defined:
            known = ", ".join(defined) or "none"
            sink.add("unknown_what_if", f"no what-if switch named {name!r}", f"known switches: {known}")
            continue
        apply_patches(patched, new_map, smap, ("what_ifs", name, "patch"), defined[name].get("patch"), sink)
        stories = defined[name].get("step_narration") or {}
        for ref, outcome in (defined[name].get("expect") or {}).items():
            _expect(patched, new_map, smap, ("what_ifs", name), ref, outcome, ref in stories)
    return patched, new_map


def apply_patches(data, new_map: SourceMap, base_map: SourceMap, where: tuple, patches, sink: ProblemSink) -> None:
    """Apply a list of patches written at `where` (a what-if's `patch`, an exercise's `solution`) in place."""
    for i, patch in enumerate(patches or []):
        _apply_one(data, new_map, base_map, where + (i,), patch, sink)


def resolve_path(data: Any, dotted: str) -> tuple | None:
    """The data path (step ids turned into list indices) a dotted patch path names, or None."""
    container, path = data, ()
    for seg in dotted.split("."):
        key = _segment(container, seg)
        if key is None:
            return None
        container, path = container[key], path + (key,)
    return path


def _expect(data, new_map: SourceMap, base_map: SourceMap, what_if: tuple, ref: str, outcome, story: bool) -> None:
    """Under a switch a step may expect another outcome (unknown refs are reported by the checks).

    The step's narration becomes one text per outcome: the one it had stays with the outcome it was
    written for (its `expect` before the switch) and the switch's `step_narration`, if any, is added
    for the new outcome, so the story shown always belongs to the verdict shown (narration.py)."""
    flow_name, _, step_id = ref.partition(".")
    steps = ((data.get("flows") or {}).get(flow_name) or {}).get("steps") or []
    index = _segment(steps, step_id) if isinstance(steps, list) else None
    if index is None or not isinstance(steps[index], dict):
        return
    step, step_path = steps[index], ("flows", flow_name, "steps", index)
    narration = step.get("narration")
    if _is_single_text(narration) and step.get("expect") is not None:
        step["narration"] = {step["expect"]: narration}
        new_map.graft(step_path + ("narration", step["expect"]), subtree(new_map, step_path + ("narration",)))
    if story:
        written = step.get("narration")
        step["narration"] = {**({} if _is_single_text(written) or not isinstance(written, dict) else written),
                             outcome: copy.deepcopy(data["what_ifs"][what_if[1]]["step_narration"][ref])}
        new_map.graft(step_path + ("narration", outcome),
                      subtree(base_map, what_if + ("step_narration", ref)))
    step["expect"] = outcome
    new_map.nodes[step_path + ("expect",)] = base_map.node(what_if + ("expect", ref))


def _is_single_text(value) -> bool:
    """`{en: …, ja: …}`: one narration, as opposed to one per outcome."""
    return isinstance(value, dict) and set(value) <= {"en", "ja"} and bool(value)


def _apply_one(data, new_map: SourceMap, base_map: SourceMap, patch_path: tuple, patch: dict,
               sink: ProblemSink) -> None:
    segments = str(patch.get("path", "")).split(".")
    container, path = data, ()
    for depth, seg in enumerate(segments[:-1]):
        key = _segment(container, seg)
        if key is None:  # only the last part may be new: a typo earlier must not create entries
            sink.add("bad_patch_path", f"patch path {patch.get('path')!r}: nothing at {'.'.join(segments[:depth + 1])!r}",
                     "write a dotted path to an existing place; steps are named by their id",
                     base_map.position(patch_path + ("path",)))
            return
        container, path = container[key], path + (key,)
    last = segments[-1]
    key = _segment(container, last)
    if "set" in patch:
        if not isinstance(container, dict) and key is None:
            sink.add("bad_patch_path", f"patch path {patch.get('path')!r}: cannot set an item of a list by a new name",
                     "name an existing item by its id or index", base_map.position(patch_path + ("path",)))
            return
        key = last if key is None else key
        container[key] = copy.deepcopy(patch["set"])
        new_map.graft(path + (key,), subtree(base_map, patch_path + ("set",)))
        return
    if key is None or not isinstance(container, dict):
        sink.add("bad_patch_path", f"patch path {patch.get('path')!r}: nothing there to remove "
                 "(remove takes away a key of a mapping, not a list item)",
                 "check the spelling of each part of the path", base_map.position(patch_path + ("path",)))
        return
    del container[key]


def subtree(smap: SourceMap, prefix: tuple) -> SourceMap:
    n = len(prefix)
    return SourceMap({p[n:]: node for p, node in smap.nodes.items() if p[:n] == prefix},
                     {p[n:]: node for p, node in smap.keys.items() if p[:n] == prefix and len(p) > n})
