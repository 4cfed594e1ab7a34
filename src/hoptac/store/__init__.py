"""The embedded SQLite store: articles, their extractions, the knowledge base, corrections."""

from hoptac.store.db import Store, connect

__all__ = ["Store", "connect"]
