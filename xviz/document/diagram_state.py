"""How the architecture diagram shows one step: what it touches is lit, the rest dimmed, and the step's
own access edge drawn as allowed or denied by its verdict. The window paints these states and
`--dump-state` writes them: one computation for both. No Qt here."""
from __future__ import annotations

from xviz.diagram.identity import labels_of

DENIED = ("explicit_deny", "implicit_deny", "input_error")


def architecture_states(architecture, flow: str | None, index: int, verdict: str | None) -> dict[str, str]:
    """Element id -> `lit`, `dim`, `allowed` or `denied` for step `index` of `flow` (a verdict key);
    everything lit when the step touches nothing drawn."""
    labels = labels_of(architecture.chart)
    ids = architecture.steps.get((flow, index)) if flow is not None else None
    if ids is None:
        return {element: "lit" for element in labels}
    touched = {*ids.nodes, *ids.edges}
    states = {element: "lit" if element in touched else "dim" for element in labels}
    if ids.edges and ids.edges[0] in states:
        if verdict == "allow":
            states[ids.edges[0]] = "allowed"
        elif verdict in DENIED:
            states[ids.edges[0]] = "denied"
    return states


def architecture_rows(architecture, states: dict[str, str]) -> list[dict]:
    labels = labels_of(architecture.chart)
    return [{"id": element, "label": label, "state": states.get(element, "lit")} for element, label in labels.items()]
