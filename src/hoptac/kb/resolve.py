"""Cross-article resolution: one knowledge-base item per real person, organization, agreement."""

from __future__ import annotations

from hoptac.store import Store


def rebuild_kb(store: Store) -> dict:
    """Recompute the knowledge base from every stored extraction, then replay corrections."""
    return {}
