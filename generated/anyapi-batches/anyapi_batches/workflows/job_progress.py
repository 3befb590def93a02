# Copied from handwritten/workflows/job_progress.py by `nox -s generate`: edit it there.
"""What a job has done so far, over all its parts: the latest batch seen of each, and the sums a wait reports."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .._runtime.waiting import WaitRule
from ..models import Batch, BatchCancellation, BatchRequestCounts
from .journal import Journal, PartRecord

ENDED = frozenset({"completed", "failed", "expired", "cancelled"})
"""The statuses a batch does not leave."""


@dataclass(frozen=True)
class JobProgress:
    """A job's progress: its requests (from the split, so known from the start) and what their batches report."""

    parts: int
    parts_ended: int
    requests: int
    completed: int
    failed: int
    statuses: tuple[str | None, ...]
    """Each part's latest status, in part order (None: not seen yet)."""
    created_at: int | None = None
    """When its first batch was created (Unix time, the server's clock)."""
    expires_at: int | None = None
    """When its last batch expires at the latest, once every batch says."""

    @property
    def done(self) -> int:
        """Requests that have run, whether they succeeded or failed."""
        return self.completed + self.failed

    @property
    def ended(self) -> bool:
        """Every part's batch has ended: completed, failed, expired or cancelled."""
        return self.parts_ended == self.parts

    @property
    def status(self) -> str:
        """``ended`` once every part's batch has, else ``running``."""
        return "ended" if self.ended else "running"

    def to_dict(self) -> dict[str, Any]:
        """As JSON; a wait reads its ``status``, progress and times from it (``WAIT_RULE``)."""
        return {
            "status": self.status,
            "parts": self.parts,
            "parts_ended": self.parts_ended,
            "requests": self.requests,
            "completed": self.completed,
            "failed": self.failed,
            "done": self.done,
            "statuses": list(self.statuses),
            "created_at": self.created_at,
            "expires_at": self.expires_at,
        }


WAIT_RULE = WaitRule(
    status="status",
    terminal=["ended"],
    done=["done"],
    total="requests",
    created="created_at",
    ends_by="expires_at",
)
"""How a job's wait reads ``JobProgress``: the same adaptive schedule as a batch's, over all parts."""


class JobState:
    """The latest batch seen of each part; a change of status is written to the journal."""

    def __init__(self, journal: Journal, batches: dict[int, Batch]) -> None:
        self.journal = journal
        self.batches = dict(batches)

    @property
    def parts(self) -> list[PartRecord]:
        return self.journal.record.parts

    def unfinished(self) -> list[PartRecord]:
        return [part for part in self.parts if part.status not in ENDED]

    def cancellable(self) -> list[PartRecord]:
        return [part for part in self.unfinished() if part.status != "cancelling"]

    def batch_id(self, part: PartRecord) -> str:
        assert part.batch_id is not None, "a job's parts all have their batches"
        return part.batch_id

    def observe(self, seen: Iterable[tuple[PartRecord, Batch | BatchCancellation]]) -> None:
        """Keep what the server said of these parts' batches (a cancel's answer may be the status alone)."""
        changed = False
        for part, answer in seen:
            if isinstance(answer, Batch):
                self.batches[part.number] = answer
            changed |= part.status != answer.status
            part.status = answer.status
        if changed:
            self.journal.save()

    def progress(self) -> JobProgress:
        reported = [self.batches[part.number].request_counts for part in self.parts if part.number in self.batches]
        known = [counts for counts in reported if isinstance(counts, BatchRequestCounts)]
        created = [batch.created_at for batch in self.batches.values()]
        expiries = [batch.expires_at for batch in self.batches.values()]
        every_expiry = [stamp for stamp in expiries if isinstance(stamp, int)]
        return JobProgress(
            parts=len(self.parts),
            parts_ended=sum(part.status in ENDED for part in self.parts),
            requests=sum(part.plan.requests for part in self.parts),
            completed=sum(counts.completed for counts in known),
            failed=sum(counts.failed for counts in known),
            statuses=tuple(part.status for part in self.parts),
            created_at=min(created, default=None),
            expires_at=max(every_expiry) if len(every_expiry) == len(self.parts) else None,
        )
