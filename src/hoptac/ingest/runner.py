"""The ingest batch: files -> articles -> extraction -> store, one transaction per article.

Articles are keyed by content: an article whose text and metadata the store already holds is
'unchanged' and costs no extraction; a changed file updates its article under the same id.
Every failure (a file, one record, the extraction of one article) is one Outcome and the batch
goes on. After the batch, if anything was written, the knowledge base is rebuilt.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from hoptac.ingest.articles import DEFAULT_MAX_SIZE, IngestError
from hoptac.ingest.readers import iter_articles
from hoptac.model import Article
from hoptac.store import Store

Extractor = Callable[[Article], dict]
# Longer than any news article (the longest run to some 40,000 characters); extraction time
# grows faster than the text, so a longer "article" is refused rather than left to run for
# many minutes.
DEFAULT_MAX_CHARS = 100_000


@dataclass
class Outcome:
    """What happened to one article (or to a file or record that could not be read)."""

    status: str  # new | updated | unchanged | failed
    path: str  # as the user named it
    article_id: str | None = None
    reason: str | None = None  # why it failed, or a note (same text as another article)


@dataclass
class IngestSummary:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)  # batch-level problems (knowledge base)

    @property
    def ingested(self) -> int:
        return self.new + self.updated

    def add(self, outcome: Outcome) -> None:
        setattr(self, outcome.status, getattr(self, outcome.status) + 1)

    def line(self) -> str:
        return f"{self.ingested} ingested, {self.unchanged} unchanged, {self.failed} failed"

    @property
    def ok(self) -> bool:
        return not self.failed and not self.errors


class Reporter(Protocol):
    """Where a batch tells its progress (hoptac.ingest.progress has a terminal one)."""

    def start(self, total_files: int) -> None: ...
    def file_started(self, path: str) -> None: ...
    def outcome(self, outcome: Outcome) -> None: ...
    def file_done(self) -> None: ...
    def finish(self) -> None: ...


class SilentReporter:
    def start(self, total_files: int) -> None: pass
    def file_started(self, path: str) -> None: pass
    def outcome(self, outcome: Outcome) -> None: pass
    def file_done(self) -> None: pass
    def finish(self) -> None: pass


def collect_files(paths: Iterable[str | Path]) -> list[Path]:
    """The files named, folders walked recursively in name order (hidden entries skipped).
    A path that does not exist is kept so that reading it reports the problem."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files.extend(sorted(
                p for p in path.rglob("*")
                if p.is_file() and not any(part.startswith(".")
                                           for part in p.relative_to(path).parts)
            ))
        else:
            files.append(path)
    return files


def batch_files(store: Store, paths: Iterable[str | Path]) -> list[Path]:
    """`collect_files(paths)` without the store's own database files (a store kept inside the
    folder being ingested is not an article)."""
    own = {Path(f"{store.path}{suffix}").resolve() for suffix in ("", "-wal", "-shm", "-journal")}
    return [f for f in collect_files(paths) if not (f.exists() and f.resolve() in own)]


class Ingester:
    """Stores the articles of one file after another into `store`."""

    def __init__(self, store: Store, *, max_size: int = DEFAULT_MAX_SIZE,
                 max_chars: int = DEFAULT_MAX_CHARS, extract: Extractor | None = None,
                 force: bool = False):
        self.store = store
        self.force = force  # extract and store again even what is unchanged
        self.max_size = max_size
        self.max_chars = max_chars
        self.extract = extract or _pipeline_extractor()

    def ingest_file(self, path: Path) -> Iterator[Outcome]:
        shown = str(path)
        for item in iter_articles(path.resolve() if path.exists() else path, self.max_size):
            if isinstance(item, IngestError):
                yield Outcome("failed", shown, reason=item.reason)
            else:
                yield self.ingest_article(item, shown)

    def ingest_article(self, article: Article, shown: str) -> Outcome:
        article.id = self._free_id(article)
        state, other = self.store.ingest_state(article)
        if state == "duplicate" or (state == "unchanged" and not self.force):
            note = f"same text as {other}" if other else None
            return Outcome("unchanged", shown, article.id, note)
        if len(article.text) > self.max_chars:
            return Outcome("failed", shown, article.id,
                           f"article text is {len(article.text):,} characters, over the "
                           f"{self.max_chars:,} limit (--max-chars)")
        try:
            extraction = self.extract(article)
        except Exception as err:  # one article's extraction must not stop the batch
            return Outcome("failed", shown, article.id, f"extraction failed: {_describe(err)}")
        try:
            self.store.store_article(article, extraction, _extractor_version())
        except Exception as err:
            return Outcome("failed", shown, article.id, f"not stored: {_describe(err)}")
        return Outcome("new" if state == "new" else "updated", shown, article.id)

    def _free_id(self, article: Article) -> str:
        """The article's id (file stem), unless an article from another file holds it; then
        the id gets a short hash of this file's path (`report-3f2a9c`). Never replacing the
        other article keeps it even when its file is gone (a moved file with the same text
        is recognised by its text and stays unchanged)."""
        row = self.store.get_article(article.id)
        if row is None or row["source_path"] == article.source_path:
            return article.id
        digest = hashlib.sha1((article.source_path or "").encode("utf-8")).hexdigest()[:6]
        return f"{article.id}-{digest}"


def ingest_paths(store: Store, paths: Iterable[str | Path], *,
                 max_size: int = DEFAULT_MAX_SIZE, max_chars: int = DEFAULT_MAX_CHARS,
                 extract: Extractor | None = None, force: bool = False,
                 reporter: Reporter | None = None) -> IngestSummary:
    """Ingest every file under `paths`, then rebuild the knowledge base if anything changed."""
    reporter = reporter or SilentReporter()
    files = batch_files(store, paths)
    ingester = Ingester(store, max_size=max_size, max_chars=max_chars, extract=extract,
                        force=force)
    summary = IngestSummary()
    reporter.start(len(files))
    try:
        for path in files:
            reporter.file_started(str(path))
            for outcome in ingester.ingest_file(path):
                summary.add(outcome)
                reporter.outcome(outcome)
            reporter.file_done()
    finally:
        reporter.finish()
    if summary.ingested:
        _rebuild_kb(store, summary)
    return summary


def _rebuild_kb(store: Store, summary: IngestSummary) -> None:
    from hoptac.kb.resolve import rebuild_kb

    try:
        rebuild_kb(store)
    except Exception as err:  # the articles are stored; say the knowledge base is stale
        summary.errors.append(f"knowledge base not rebuilt: {_describe(err)}")


def _pipeline_extractor() -> Extractor:
    from hoptac.extract.pipeline import extract_article

    return extract_article


def _extractor_version() -> str:
    from hoptac.extract.pipeline import EXTRACTOR_VERSION

    return EXTRACTOR_VERSION


def _describe(err: BaseException) -> str:
    text = " ".join(str(err).split())
    return f"{type(err).__name__}: {text}" if text else type(err).__name__
