"""Extraction in several processes.

spaCy releases little of the GIL, so throughput on several cores comes from processes. Each
worker loads the language pipelines once (they are cached per process) and then extracts the
articles it is given; results come back in the order of the input.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from hoptac.model import Article

# Short texts that make a worker load everything extraction needs before it is timed.
WARM_UP_TEXTS = {
    "en": "The Minister of Health met a delegation from France in Hanoi on 6 November 2025 "
          "to discuss cooperation in training and research.",
    "fr": "Le ministre de la Santé a reçu le 6 novembre 2025 à Hanoï une délégation française "
          "pour discuter de la coopération en matière de formation.",
    "vi": "Ngày 6/11/2025, Bộ trưởng Bộ Y tế đã tiếp đoàn công tác của Pháp tại Hà Nội để "
          "trao đổi về hợp tác đào tạo và nghiên cứu.",
}

_barrier = None  # set in each worker by init_worker, used by peak_memory_kib


def extract_one(article: Article) -> dict:
    from hoptac.extract.pipeline import extract_article

    return extract_article(article)


def extract_cold(article: Article) -> dict:
    """Extraction as on an article never seen before: the text-keyed caches are emptied first
    (what the benchmark times)."""
    from hoptac.extract.pipeline import clear_text_caches, extract_article

    clear_text_caches()
    return extract_article(article)


def warm_up(languages: Iterable[str], full: bool = True) -> None:
    """Load the pipelines of `languages`; with `full`, run the extractor once on each."""
    from hoptac.extract.nlp import spacy_pipeline

    for language in languages:
        nlp = spacy_pipeline(language)
        if nlp is not None:
            nlp(WARM_UP_TEXTS.get(language, WARM_UP_TEXTS["en"]))
        if full:
            text = WARM_UP_TEXTS.get(language, WARM_UP_TEXTS["en"])
            extract_one(Article(id="warm-up", text=text))


def init_worker(languages: Sequence[str], full: bool, ready, barrier) -> None:
    """Worker start: load the models once, then tell the parent it is ready."""
    global _barrier
    _barrier = barrier
    warm_up(languages, full)
    if ready is not None:
        ready.put(os.getpid())


def worker_usage(_: Any = None) -> tuple[int, int, float]:
    """(pid, peak resident memory in KiB, CPU seconds so far) of the worker that runs it.

    All workers wait on a barrier first, so that a map over `workers` items reaches each worker
    exactly once.
    """
    if _barrier is not None:
        _barrier.wait(timeout=60)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return os.getpid(), usage.ru_maxrss, usage.ru_utime + usage.ru_stime


class WorkerPool:
    """A pool of `workers` processes that have loaded the models before it is used."""

    def __init__(self, workers: int, languages: Sequence[str] = (), full: bool = True):
        self.workers = workers
        self._context = multiprocessing.get_context("fork")
        manager_queue = self._context.Queue()
        barrier = self._context.Barrier(workers)
        self._pool = self._context.Pool(workers, initializer=init_worker,
                                        initargs=(tuple(languages), full, manager_queue, barrier))
        for _ in range(workers):
            manager_queue.get(timeout=600)

    def imap(self, function: Callable, items: Iterable) -> Iterator:
        return self._pool.imap(function, items, chunksize=1)

    def usage(self) -> list[tuple[int, int, float]]:
        """(pid, peak resident memory in KiB, CPU seconds) of each worker."""
        return self._pool.map(worker_usage, range(self.workers), chunksize=1)

    def peak_memory_kib(self) -> list[int]:
        """Peak resident memory of each worker, in KiB."""
        return [kib for _, kib, _ in self.usage()]

    def cpu_seconds(self) -> float:
        """CPU time the workers have used so far, all together."""
        return sum(cpu for _, _, cpu in self.usage())

    def close(self) -> None:
        self._pool.close()
        self._pool.join()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def iter_extractions(articles: Sequence[Article], workers: int = 1) -> Iterator[dict]:
    """The extraction documents of `articles`, in order, computed in `workers` processes."""
    if workers <= 1 or len(articles) <= 1:
        for article in articles:
            yield extract_one(article)
        return
    with WorkerPool(min(workers, len(articles)), full=False) as pool:
        yield from pool.imap(extract_one, articles)


def extract_in_processes(articles: Sequence[Article], workers: int) -> list[dict]:
    """The extraction documents of `articles`, in order, computed in `workers` processes."""
    return list(iter_extractions(articles, workers))
