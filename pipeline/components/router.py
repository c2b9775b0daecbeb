"""Routes "What did X say?"-shaped questions to the attribution index, everything else to passages."""

import re
from dataclasses import dataclass
from typing import Any

from haystack import component, default_from_dict, default_to_dict

from pipeline.attribution.vocabulary import QUESTION_SPEECH_VERBS

_SPEECH = "(?:" + "|".join(QUESTION_SPEECH_VERBS) + ")"
_PATTERNS = [
    # What did/has X say (about Y)?
    re.compile(rf"^what\s+(?:did|does|has|have|had)\s+(?P<name>.+?)\s+{_SPEECH}(?:\s+(?:about|on|regarding)\s+"
               rf"(?P<topic>.+?))?\s*\??$", re.IGNORECASE),
    # What was said by X (about Y)?
    re.compile(rf"^what\s+(?:was|has\s+been)\s+{_SPEECH}\s+by\s+(?P<name>.+?)(?:\s+(?:about|on)\s+(?P<topic>.+?))?"
               r"\s*\??$", re.IGNORECASE),
    # Did X say (that) Y?
    re.compile(rf"^(?:did|has|have)\s+(?P<name>.+?)\s+{_SPEECH}\s+(?:that\s+|anything\s+about\s+|about\s+)?"
               r"(?P<topic>.+?)\s*\??$", re.IGNORECASE),
    # What are X's quotes / statements?
    re.compile(r"^(?:what\s+are|show(?:\s+me)?|list)\s+(?P<name>.+?)['’]s?\s+(?:quotes|statements|comments|remarks)"
               r"(?:\s+(?:about|on)\s+(?P<topic>.+?))?\s*\??$", re.IGNORECASE),
]


# "the Royal College of Emergency Medicine spokeswoman": a speaker's name or role is at most this many words.
MAX_NAME_WORDS = 9


@dataclass
class SpeakerQuestion:
    """A question about what one person said, optionally on one topic."""

    question: str
    name: str
    topic: str | None = None


def parse_speaker_question(question: str) -> SpeakerQuestion | None:
    text = " ".join(question.split())
    for pattern in _PATTERNS:
        match = pattern.match(text)
        if match:
            name = match.group("name").strip(" ,")
            topic = (match.groupdict().get("topic") or "").strip(" ,?") or None
            if not name or len(name.split()) > MAX_NAME_WORDS:
                continue
            return SpeakerQuestion(question=question, name=name, topic=topic)
    return None


@component
class QuestionRouter:
    """Sends a question down exactly one branch: ``speaker`` or ``passages``."""

    def to_dict(self) -> dict[str, Any]:
        return default_to_dict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "QuestionRouter":
        return default_from_dict(cls, data)

    @component.output_types(passages=str, speaker=SpeakerQuestion)
    def run(self, question: str) -> dict[str, Any]:
        parsed = parse_speaker_question(question)
        if parsed is not None:
            return {"speaker": parsed}
        return {"passages": question}
