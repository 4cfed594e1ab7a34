"""Reviewers' corrections: stored with who, when and why, replayed after every rebuild.

A correction does not store the id of what it targets alone: ids change when extraction
improves. It stores the item's signature (its names and articles; for agreements kind and
countries), and every rebuild finds the item that matches it best. So a correction survives
re-ingest and a better extractor, and reverting it makes its effect disappear.
"""

from __future__ import annotations

import json
from contextlib import nullcontext
from typing import TYPE_CHECKING

from hoptac.store import Store
from hoptac.store.db import now_iso

if TYPE_CHECKING:
    from hoptac.kb.resolve import Entity

ACTIONS = ("confirm", "reject", "rename", "merge", "split", "set_status")
TARGET_KINDS = ("person", "organization", "agreement")
STATUSES = ("proposed", "draft", "under_review", "planned", "signed", "in_force",
            "renewal_planned", "expired")


class CorrectionError(ValueError):
    """A correction that cannot be recorded (unknown item, bad action or payload)."""


def _item(store: Store, item_id: str, kind: str) -> dict:
    row = store.conn.execute("SELECT id, kind, data FROM kb_items WHERE id = ?",
                             (item_id,)).fetchone()
    if row is None or row["kind"] != kind:
        raise CorrectionError(f"no {kind} {item_id!r} in the knowledge base")
    return json.loads(row["data"])


def _check(store: Store, action: str, target_kind: str, target: dict, payload: dict) -> None:
    if action not in ACTIONS:
        raise CorrectionError(f"unknown action {action!r} (one of {', '.join(ACTIONS)})")
    if target_kind not in TARGET_KINDS:
        raise CorrectionError(f"unknown target kind {target_kind!r}")
    if not isinstance(target, dict) or not target.get("item"):
        raise CorrectionError('target must be {"item": kb_id}')
    if action == "rename" and not str(payload.get("name") or "").strip():
        raise CorrectionError('rename needs {"name": ...}')
    if action == "merge":
        if not payload.get("into") or payload["into"] == target["item"]:
            raise CorrectionError('merge needs {"into": another kb_id}')
        _item(store, payload["into"], target_kind)
    if action == "split" and not payload.get("documents"):
        raise CorrectionError('split needs {"documents": [article ids]}')
    if action == "set_status":
        if target_kind != "agreement":
            raise CorrectionError("set_status applies to agreements")
        if payload.get("status") not in STATUSES:
            raise CorrectionError(f"status must be one of {', '.join(STATUSES)}")


def add_correction(store: Store, *, reviewer: str, action: str, target_kind: str,
                   target: dict, payload: dict | None = None, reason: str | None = None) -> int:
    """Record a correction and apply it (the knowledge base is rebuilt). Returns its id."""
    from hoptac.kb.resolve import rebuild_kb

    payload = dict(payload or {})
    if not reviewer or not reviewer.strip():
        raise CorrectionError("a correction needs a reviewer")
    _check(store, action, target_kind, target, payload)
    stored_target = {"item": target["item"],
                     **_item(store, target["item"], target_kind)["signature"]}
    if action == "merge":
        payload["into_signature"] = _item(store, payload["into"], target_kind)["signature"]
    if action == "split":
        documents = set(stored_target["documents"])
        payload["documents"] = [d for d in payload["documents"] if d in documents]
        if not payload["documents"] or set(payload["documents"]) == documents:
            raise CorrectionError("split needs some, not all, of the item's documents")
    with store.transaction() if not store.conn.in_transaction else nullcontext():
        cursor = store.conn.execute(
            "INSERT INTO corrections (reviewer, created_at, action, target_kind, target, "
            "payload, reason) VALUES (?,?,?,?,?,?,?)",
            (reviewer.strip(), now_iso(), action, target_kind,
             json.dumps(stored_target, ensure_ascii=False),
             json.dumps(payload, ensure_ascii=False), reason),
        )
        rebuild_kb(store)
    return int(cursor.lastrowid)


def revert_correction(store: Store, correction_id: int, *, reviewer: str) -> None:
    """Undo a correction: it stays in the audit log, marked reverted, and its effect goes."""
    from hoptac.kb.resolve import rebuild_kb

    row = store.conn.execute("SELECT reverted_at FROM corrections WHERE id = ?",
                             (correction_id,)).fetchone()
    if row is None:
        raise CorrectionError(f"no correction {correction_id}")
    if row["reverted_at"]:
        raise CorrectionError(f"correction {correction_id} is already reverted")
    with store.transaction() if not store.conn.in_transaction else nullcontext():
        store.conn.execute("UPDATE corrections SET reverted_at = ?, reverted_by = ? WHERE id = ?",
                           (now_iso(), reviewer, correction_id))
        rebuild_kb(store)


def list_corrections(store: Store, *, include_reverted: bool = True) -> list[dict]:
    """The audit log, oldest first."""
    sql = "SELECT * FROM corrections"
    if not include_reverted:
        sql += " WHERE reverted_at IS NULL"
    rows = store.conn.execute(sql + " ORDER BY id").fetchall()
    out = []
    for row in rows:
        entry = dict(row)
        entry["target"] = json.loads(entry["target"])
        entry["payload"] = json.loads(entry["payload"] or "{}")
        out.append(entry)
    return out


# --- replay ---------------------------------------------------------------------------------


def find_entity(entities: list[Entity], kind: str, sig: dict) -> Entity | None:
    """The live item that best matches a stored signature."""
    from hoptac.kb.resolve import overlap

    best, best_score = None, 0
    for entity in entities:
        if entity.rejected:
            continue
        score = overlap(entity, sig, kind)
        if score > best_score:
            best, best_score = entity, score
    return best


def replay_corrections(store: Store, entities: list[Entity]) -> tuple[int, int]:
    """Apply every active correction, oldest first, to the freshly resolved items.
    Returns (applied, unresolved)."""
    applied = unresolved = 0
    for correction in list_corrections(store, include_reverted=False):
        if apply_correction(entities, correction):
            applied += 1
        else:
            unresolved += 1
    return applied, unresolved


def apply_correction(entities: list[Entity], correction: dict) -> bool:
    kind, target, payload = (correction["target_kind"], correction["target"],
                             correction["payload"])
    entity = find_entity(entities, kind, target)
    if entity is None:
        return False
    action = correction["action"]
    if action == "confirm":
        entity.confirmed = {"by": correction["reviewer"], "at": correction["created_at"],
                            "correction": correction["id"]}
    elif action == "reject":
        entity.rejected = True
    elif action == "rename":
        entity.name_override = payload["name"].strip()
    elif action == "set_status":
        entity.status_override = {"date": payload.get("date"), "status": payload["status"],
                                  "article_id": None,
                                  "evidence": {"correction": correction["id"],
                                               "reviewer": correction["reviewer"],
                                               "reason": correction.get("reason")}}
    elif action == "merge":
        return _merge(entities, entity, target, payload)
    elif action == "split":
        return _split(entities, entity, target, payload)
    entity.preferred_id = entity.preferred_id or target.get("item")
    return True


def _merge(entities: list[Entity], entity: Entity, target: dict, payload: dict) -> bool:
    into = find_entity(entities, entity.kind, payload.get("into_signature") or {})
    if into is None:
        return False
    if into is entity:  # already one item (the extraction caught up): nothing to do
        return True
    into.records = sorted(into.records + entity.records, key=lambda r: r.order)
    into.merged_from.extend(m for m in (*entity.merged_from, target.get("item")) if m)
    into.preferred_id = into.preferred_id or payload["into"]
    entities.remove(entity)
    return True


def _split(entities: list[Entity], entity: Entity, target: dict, payload: dict) -> bool:
    from hoptac.kb.resolve import Entity

    documents = set(payload.get("documents") or [])
    moved = [r for r in entity.records if r.article in documents]
    kept = [r for r in entity.records if r.article not in documents]
    if not moved or not kept:
        return False
    entity.records = kept
    entity.preferred_id = entity.preferred_id or target.get("item")
    entities.append(Entity(entity.kind, moved, split_from=entity.preferred_id))
    return True
