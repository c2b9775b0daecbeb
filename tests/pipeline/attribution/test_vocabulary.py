"""One vocabulary: the quote checker, the router and the retrieval lexicon read the same word lists."""

from __future__ import annotations

from pipeline import lexicon
from pipeline.attribution import vocabulary
from pipeline.components import quote_checker, router


def test_the_lexicon_uses_the_shared_stop_words() -> None:
    assert lexicon.STOPWORDS is vocabulary.STOPWORDS
    assert lexicon.QUESTION_WORDS is vocabulary.QUESTION_WORDS


def test_the_quote_checker_uses_the_shared_lists() -> None:
    assert quote_checker.SPEECH_VERBS is vocabulary.NARRATION_SPEECH_VERBS
    assert vocabulary.STOPWORDS <= quote_checker.STOPWORDS


def test_the_router_asks_with_the_shared_speech_verbs() -> None:
    assert router.parse_speaker_question("What did Ana Ruiz warn about the dam?") is not None
    assert all(verb in router._SPEECH for verb in vocabulary.QUESTION_SPEECH_VERBS)


def test_speech_verbs_of_narration_are_speech_verbs_of_attribution() -> None:
    """A verb the quote checker trusts next to a name is one attribution reads as speech too."""
    assert vocabulary.NARRATION_SPEECH_VERBS - {"notes", "tweets", "replies", "insists", "argues", "explains",
                                                 "announces", "suggests", "admits", "accuses", "declares"} \
        <= vocabulary.SPEECH_VERBS
