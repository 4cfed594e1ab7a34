"""Extraction benchmark: hoptac's extractor side by side with the bare spaCy pipeline.

Both run over the same texts in the same process layout: in this process when `workers` is 1,
otherwise in a pool of `workers` processes that have loaded their models before the clock
starts. The bare pipeline is what hoptac itself loads (hoptac.extract.nlp.spacy_pipeline) run
with `nlp.pipe` over whole articles; hoptac's extraction adds language identification, sentence
splitting, date parsing and every extraction stage. Loading is never timed. Memory is the peak
resident set (getrusage ru_maxrss) of this process and of each worker.
"""

from __future__ import annotations

import os
import resource
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from hoptac.extract.parallel import WorkerPool, extract_cold, warm_up
from hoptac.model import Article

TARGET_RATIO = 0.8  # the issue asks for at least 80% of the bare pipeline's throughput


def default_corpus() -> Path:
    """The seed corpus: ../shared/corpus/seeds next to the repository (or $HOPTAC_SHARED)."""
    repo = Path(__file__).resolve().parents[2]
    shared = Path(os.environ.get("HOPTAC_SHARED", repo.parent / "shared"))
    return shared / "corpus" / "seeds"


@dataclass
class Run:
    """Timings and memory of one pipeline over the corpus."""

    name: str
    seconds: list[float] = field(default_factory=list)  # wall clock, one per repeat
    cpu_seconds: list[float] = field(default_factory=list)  # CPU time (workers: all of them)
    peak_rss_mib: float = 0.0  # this process
    worker_peak_rss_mib: list[float] = field(default_factory=list)  # each worker

    @property
    def best(self) -> float:
        return min(self.seconds)

    @property
    def best_cpu(self) -> float:
        return min(self.cpu_seconds)


@dataclass
class Report:
    articles: int
    words: int
    languages: dict[str, int]
    workers: int
    repeat: int
    runs: list[Run]

    def throughput(self, run: Run) -> tuple[float, float]:
        """(articles/s, words/s) of the best repeat."""
        return self.articles / run.best, self.words / run.best

    @property
    def ratio(self) -> float:
        """hoptac's throughput as a share of the bare spaCy pipeline's (wall clock)."""
        spacy_run, hoptac_run = self.runs
        return spacy_run.best / hoptac_run.best

    @property
    def cpu_ratio(self) -> float:
        """The same in CPU time, which other programs on a busy machine disturb less."""
        spacy_run, hoptac_run = self.runs
        return spacy_run.best_cpu / hoptac_run.best_cpu

    def to_dict(self) -> dict:
        data = asdict(self)
        for entry, run in zip(data["runs"], self.runs, strict=True):
            entry["articles_per_s"], entry["words_per_s"] = self.throughput(run)
        data["throughput_ratio"] = self.ratio
        data["cpu_throughput_ratio"] = self.cpu_ratio
        data["target_ratio"] = TARGET_RATIO
        return data


def count_words(text: str) -> int:
    return len(text.split())


def article_languages(articles: Sequence[Article]) -> list[str]:
    """The language of each article, as the extractor will see it (not timed)."""
    from hoptac.ingest.language import detect_language

    return [a.language or detect_language(a.text) or "en" for a in articles]


def bare_spacy(texts: Sequence[str], languages: Sequence[str]) -> int:
    """Run the bare spaCy pipelines over the texts, grouped by language; the token count."""
    from hoptac.extract.nlp import spacy_pipeline

    tokens = 0
    for language in sorted(set(languages)):
        nlp = spacy_pipeline(language)
        if nlp is None:
            continue
        group = [t for t, lang in zip(texts, languages, strict=True) if lang == language]
        tokens += sum(len(doc) for doc in nlp.pipe(group))
    return tokens


def _bare_spacy_one(item: tuple[str, str]) -> int:
    return bare_spacy([item[0]], [item[1]])


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _timed(run: Run, function: Callable[[], object],
           cpu_clock: Callable[[], float] = time.process_time) -> None:
    """Run `function` once, adding its wall-clock and CPU seconds to `run`."""
    cpu, start = cpu_clock(), time.perf_counter()
    function()
    run.seconds.append(time.perf_counter() - start)
    run.cpu_seconds.append(cpu_clock() - cpu)


def run_benchmark(articles: Sequence[Article], workers: int = 1, repeat: int = 1) -> Report:
    """Time the bare spaCy pipeline, then hoptac's extraction, over the same articles."""
    languages = article_languages(articles)
    texts = [a.text for a in articles]
    spacy_run, hoptac_run = Run("spaCy (bare)"), Run("hoptac extract")
    if workers <= 1:
        warm_up(sorted(set(languages)), full=False)
        for _ in range(repeat):
            _timed(spacy_run, lambda: bare_spacy(texts, languages))
        spacy_run.peak_rss_mib = _peak_rss_mib()
        warm_up(sorted(set(languages)), full=True)
        for _ in range(repeat):
            _timed(hoptac_run, lambda: [extract_cold(a) for a in articles])
        hoptac_run.peak_rss_mib = _peak_rss_mib()
    else:
        items = list(zip(texts, languages, strict=True))
        _run_in_pool(spacy_run, workers, languages, False, _bare_spacy_one, items, repeat)
        _run_in_pool(hoptac_run, workers, languages, True, extract_cold, list(articles), repeat)
    return Report(articles=len(articles), words=sum(map(count_words, texts)),
                  languages=dict(Counter(languages)), workers=workers, repeat=repeat,
                  runs=[spacy_run, hoptac_run])


def _run_in_pool(run: Run, workers: int, languages: Sequence[str], full: bool,
                 function: Callable, items: list, repeat: int) -> None:
    with WorkerPool(workers, sorted(set(languages)), full=full) as pool:
        for _ in range(repeat):
            _timed(run, lambda: list(pool.imap(function, items)), pool.cpu_seconds)
        run.worker_peak_rss_mib = [kib / 1024 for kib in pool.peak_memory_kib()]
    run.peak_rss_mib = _peak_rss_mib()


def format_report(report: Report) -> str:
    """The benchmark as a small text table."""
    languages = ", ".join(f"{k}:{v}" for k, v in sorted(report.languages.items()))
    lines = [
        f"hoptac bench: {report.articles} articles, {report.words} words ({languages}), "
        f"workers {report.workers}, best of {report.repeat}",
        f"{'pipeline':<16}{'seconds':>9}{'cpu s':>8}{'articles/s':>12}{'words/s':>10}"
        f"{'peak RSS MiB':>14}{'worker peak MiB':>17}",
    ]
    for run in report.runs:
        per_article, per_word = report.throughput(run)
        worker = f"{max(run.worker_peak_rss_mib):.0f} x{len(run.worker_peak_rss_mib)}" \
            if run.worker_peak_rss_mib else "-"
        lines.append(f"{run.name:<16}{run.best:>9.3f}{run.best_cpu:>8.3f}{per_article:>12.2f}"
                     f"{per_word:>10.0f}{run.peak_rss_mib:>14.0f}{worker:>17}")
    verdict = "ok" if report.ratio >= TARGET_RATIO else "below target"
    lines.append(f"hoptac throughput = {report.ratio:.0%} of bare spaCy "
                 f"(target >= {TARGET_RATIO:.0%}: {verdict}); in CPU time {report.cpu_ratio:.0%}")
    return "\n".join(lines)
