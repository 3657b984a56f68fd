"""Light and dark colour sets for diagrams; `style`/`classDef` colours override them per item."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DiagramTheme:
    name: str
    background: str
    node_fill: str
    node_stroke: str
    text: str
    cluster_fill: str
    cluster_stroke: str
    edge: str
    edge_label_background: str
    note_fill: str
    note_stroke: str
    block_stroke: str
    block_label_fill: str
    activation_fill: str
    group_fill: str
    notice: str
    badge_allow: str = "#16a34a"
    badge_deny: str = "#dc2626"
    badge_implicit: str = "#6b7280"
    highlight: str = "#f59e0b"


LIGHT = DiagramTheme(
    name="light", background="#ffffff", node_fill="#eef2ff", node_stroke="#6366f1", text="#1f2937",
    cluster_fill="#fffbeb", cluster_stroke="#b59f3b", edge="#374151", edge_label_background="#f3f4f6",
    note_fill="#fff7c2", note_stroke="#c9b458", block_stroke="#6b7280", block_label_fill="#e5e7eb",
    activation_fill="#e5e7eb", group_fill="#f1f5f9", notice="#92400e")

DARK = DiagramTheme(
    name="dark", background="#17181c", node_fill="#262a3a", node_stroke="#8b93f8", text="#e5e7eb",
    cluster_fill="#23211a", cluster_stroke="#8d7d3a", edge="#cbd5e1", edge_label_background="#2d3039",
    note_fill="#3b3520", note_stroke="#a8933f", block_stroke="#9ca3af", block_label_fill="#374151",
    activation_fill="#3f4451", group_fill="#1f2430", notice="#fbbf24")

THEMES = {"light": LIGHT, "dark": DARK}


def theme_named(name: str) -> DiagramTheme:
    try:
        return THEMES[name]
    except KeyError:
        raise ValueError(f"unknown theme {name!r} (light or dark)") from None
