"""Whole-document voices: which form an article takes, decided once before its paragraphs are read.

* **Remarks page** (``remarks.py``): the page is one person's speech, from the paragraph where their words
  begin; a paragraph ending "The following is a statement from X:" introduces X's words.
* **Question-and-answer interview** (``interviews.py``): unlabelled questions are the interviewer's (or a
  reader's who signed them), the paragraphs after each are the guest's answer.

Both read the header and names of the same page (``page.py``).
"""

from __future__ import annotations

from pipeline.attribution.cast import Cast
from pipeline.attribution.interviews import InterviewReader
from pipeline.attribution.mentions import MentionFinder
from pipeline.attribution.page import ArticlePage
from pipeline.attribution.records import Who
from pipeline.attribution.remarks import LEAD_PARAGRAPHS, RemarksReader, SpeechPage
from pipeline.attribution.resolution import Resolver
from pipeline.types import Paragraph


class DocumentForms:
    """Decides, once per article, whether it is a remarks page or a question-and-answer interview, and keeps
    whose speech the page is while the extractor reads it (a lead may name the speaker, "Ends" stops it)."""

    def __init__(
        self, text: str, paragraphs: list[Paragraph], cast: Cast, finder: MentionFinder, resolver: Resolver
    ) -> None:
        self.page = ArticlePage(text, paragraphs, cast, finder, resolver)
        # the interviewer first: the names the readers add to the cast are added in the order the page is read
        self.interviews = InterviewReader(self.page)
        self.interviewer = self.interviews.interviewer
        self.remarks = RemarksReader(self.page)
        self.speech: SpeechPage | None = self.remarks.speech_page()
        self.guest = self.interviews.guest()
        self.presenter = None if self.speech is not None else self.remarks.presenter_lines()

    def speech_voice(self, index: int) -> Who | None:
        """The speaker whose words paragraph ``index`` is on a remarks page in their voice, or in a broadcast
        script's opening its presenter speaks, else None."""
        presenter = self.presenter
        if presenter is not None and presenter.start <= index < presenter.end:
            return presenter.who
        page = self.speech
        if page is None or page.who is None or index < page.from_index:
            return None
        return page.who if page.authored or self.page.in_voice(page.from_index) else None

    def lead_names_speaker(self, index: int, events_who: list[Who]) -> None:
        """On a page titled only "... speech", the first person the lead reports speaking gives the speech."""
        page = self.speech
        if page is None or page.who is not None or index > LEAD_PARAGRAPHS:
            return
        people = [w for w in events_who if w.kind == "person" and len(w.speakers) == 1]
        if people:
            self.speech = SpeechPage(people[0], index + 1)

    def stop_speech(self) -> None:
        self.speech = None
