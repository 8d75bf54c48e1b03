"""What a pipeline stage hands back: plain data that ``reporting`` turns into output."""

from __future__ import annotations

from dataclasses import dataclass, field

from .problems import Problem


@dataclass
class StageResult:
    name: str
    status: str  # "ok", "failed", "skipped"
    summary: str = ""
    seconds: float = 0.0
    problems: list[Problem] = field(default_factory=list)
    environment: bool = False  # failed because of the machine (disk, permissions), not the content

    def as_dict(self) -> dict:
        return {"name": self.name, "status": self.status, "summary": self.summary, "problems": [problem.as_dict() for problem in self.problems]}
