"""How an ingest batch shows its progress on stderr: a rich progress bar (counts, rate, time
left) on a terminal when there are more than a handful of files, plain lines otherwise.
Either way each failure is one `error: PATH: reason` line."""

from __future__ import annotations

import sys
from typing import TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from hoptac.ingest.runner import Outcome, Reporter

HANDFUL = 5


def error_line(outcome: Outcome) -> str:
    return f"error: {outcome.path}: {outcome.reason}"


def plain_line(outcome: Outcome) -> str:
    if outcome.status == "failed":
        return error_line(outcome)
    note = f" ({outcome.reason})" if outcome.reason else ""
    return f"{outcome.status:<9} {outcome.article_id}  {outcome.path}{note}"


class PlainReporter:
    """One line per article on `stream`; failures as `error: PATH: reason`."""

    def __init__(self, stream: TextIO | None = None):
        self.stream = stream or sys.stderr

    def start(self, total_files: int) -> None:
        pass

    def file_started(self, path: str) -> None:
        pass

    def outcome(self, outcome: Outcome) -> None:
        print(plain_line(outcome), file=self.stream, flush=True)

    def file_done(self) -> None:
        pass

    def finish(self) -> None:
        pass


class RateColumn(ProgressColumn):
    """Files per second."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} files/s" if speed else "– files/s", style="progress.data.speed")


class BarReporter:
    """A progress bar over files; failures printed above it, one line each."""

    def __init__(self, console: Console | None = None):
        self.console = console or Console(stderr=True)
        self.progress = Progress(
            TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), RateColumn(),
            TimeElapsedColumn(), TimeRemainingColumn(),
            TextColumn("{task.fields[counts]}  [dim]{task.fields[current]}"),
            console=self.console, transient=False,
        )
        self.task = None
        self.counts = {"new": 0, "updated": 0, "unchanged": 0, "failed": 0}

    def start(self, total_files: int) -> None:
        self.progress.start()
        self.task = self.progress.add_task("ingest", total=total_files, counts="", current="")

    def file_started(self, path: str) -> None:
        self.progress.update(self.task, current=path[-40:])

    def outcome(self, outcome: Outcome) -> None:
        self.counts[outcome.status] += 1
        if outcome.status == "failed":
            self.progress.console.print(error_line(outcome), markup=False, highlight=False,
                                        soft_wrap=True, style="red")
        counts = ", ".join(f"{n} {status}" for status, n in self.counts.items() if n)
        self.progress.update(self.task, counts=counts)

    def file_done(self) -> None:
        self.progress.advance(self.task)

    def finish(self) -> None:
        self.progress.update(self.task, current="")
        self.progress.stop()


def reporter_for(total_files: int, stream: TextIO | None = None) -> Reporter:
    """A progress bar on a terminal for more than a handful of files, else plain lines."""
    stream = stream or sys.stderr
    if total_files > HANDFUL and stream.isatty():
        return BarReporter(Console(file=stream))
    return PlainReporter(stream)
