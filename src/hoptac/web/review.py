"""Reviewers' corrections from the web, recorded and applied by hoptac.kb.corrections."""

from __future__ import annotations

from fastapi import HTTPException

from hoptac.store import Store


def apply_correction(store: Store, *, reviewer: str, action: str, target_kind: str,
                     target: dict, payload: dict | None = None, reason: str | None = None) -> int:
    """Record a correction; add_correction rebuilds the knowledge base, so pages show it at
    once. A correction the KB layer refuses (bad payload, unknown merge target) is a 400."""
    from hoptac.kb.corrections import add_correction

    if not target.get("item") or not store.conn.execute(
            "SELECT 1 FROM kb_items WHERE id = ? AND kind = ?",
            (target["item"], target_kind)).fetchone():
        raise HTTPException(status_code=404, detail="no such knowledge-base item")
    try:
        correction_id = add_correction(store, reviewer=reviewer, action=action,
                                       target_kind=target_kind, target=target,
                                       payload=payload, reason=reason)
    except ValueError as err:  # CorrectionError: bad action or payload, unknown merge target
        raise HTTPException(status_code=400, detail=str(err)) from err
    return correction_id


def revert(store: Store, correction_id: int, *, reviewer: str) -> None:
    from hoptac.kb.corrections import revert_correction

    if not store.conn.execute("SELECT 1 FROM corrections WHERE id = ?",
                              (correction_id,)).fetchone():
        raise HTTPException(status_code=404, detail="no such correction")
    try:
        revert_correction(store, correction_id, reviewer=reviewer)
    except ValueError as err:
        raise HTTPException(status_code=400, detail=str(err)) from err
