"""Who said what: direct quotations and reported speech, each with a speaker and exact offsets.

Rules over the words of the article, helped by a spaCy parse where a parser does better than a pattern
(see ``pipeline.attribution.parse``). The conventions below are what the index and the quote checker rely on.

* Offsets index ``Article.text``; ``article.text[s.start:s.end] == s.text`` holds for every statement.
* Direct quote span: everything between the quote marks, trimmed of white space. The marks themselves
  are left out, punctuation inside them is kept, so “What we have to see is ... equipment.” gives
  ``What we have to see is ... equipment.`` (and “X,” he said gives ``X,``). Only double marks open a
  quote, curly “ ” or straight "; single marks are apostrophes or quotes inside a quote.
* A quote still open at the end of a paragraph continues in the next paragraph when that one opens
  with a quote mark: one statement per paragraph, all with the same speaker. A paragraph that opens
  with a quote and names nobody also continues the speaker of a closed quote just before it, but
  then ``uncertain=True``.
* Reported speech ("X said that ...", "according to X, ...") spans the reported clause: from after
  "that" (or after the verb, its object and any colon) to the end of the clause, without the
  closing full stop. A reported clause that holds a quote gives only the quote(s), as direct
  statements, so the same words are never indexed twice: "Boris Johnson said that the field
  hospitals “only can be construed ...”" gives one direct statement.
* Speakers are canonical: the fullest name the article gives the person, titles stripped
  ("Mr Stoltenberg" -> "Jens Stoltenberg"). Role nouns ("the Russian leader"), joint subjects
  ("the two leaders") and pronouns are resolved to people named in the article (a pronoun to the
  latest person seen as a subject or speaker). An organisation's spokesperson is a speaker of its
  own ("Foreign Office spokesman"); countries and groups ("Russia", "Russian officials") are kept
  as written. ``Statement.mention`` keeps the words used at that place ("He", "Mr Johnson").
* "The company said", "the trust says": a definite organisation noun (``ORG_NOUNS``) is the latest
  organisation of that kind named earlier, by its name ("Vale Learning Trust") or the words just before
  it ("the pharmacy chain Wellcare"); ``uncertain=True`` when several fit, and no statement when none does.
* A quote with no speaker is kept with ``speaker=None, uncertain=True``, except a scare quote of at
  most ``SCARE_QUOTE_MAX_WORDS`` words (“security threats” in narration), which is skipped.
* Labelled transcripts: a paragraph opening with a label ("NAME:", "SECRETARY SMITH:", "MR. SMITH:",
  "Katie Hill:", "KH:" initials, "((Laura Hale))", "NAME, role:" alone on a line, "President Smith." alone
  on a line) is that speaker's, and so is every unlabelled paragraph after it until the next label or
  subheading. Interviewer labels ("Q:", "QUESTION:", "MODERATOR:", an organisation such as "VOA:") are the
  interviewer's, never the guest's; "A:" is the latest named interviewee. Labels that are not people
  ("MUSIC:", "Show Open:") or unnamed ("Unidentified Narrator:") end a turn and give nothing.
* "The Prime Minister said:" (or "She said:") closing a paragraph makes the unquoted paragraphs after it
  the speaker's, until a paragraph with quote marks, its own attribution, a label or a subheading.
* Headlines, subheadings and boilerplate give nothing, and name nobody into the cast; captions give
  statements with ``is_caption=True``. "I" is never a name.

Modules, one concern each: ``vocabulary`` (the shared word lists), ``records`` (the records passed
between modules), ``phrases`` and ``mentions`` (noun phrases and where they stand), ``cast`` (the people
and organisations of an article), ``resolution`` (names, roles, pronouns to people), ``clauses`` (speech
verbs and reported clauses), ``quotes`` (quote marks), ``labels`` (transcript labels and block intros),
``statements`` (span + speaker -> ``Statement``), ``forms`` (which form a page takes: ``remarks`` pages and "statement
from X" blocks, ``interviews`` printed as questions and answers, a broadcast's presenter; both read the header names
of ``page``), ``extractor`` (the paragraph loop), ``parse`` (spaCy).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from pipeline.types import Article, Statement

if TYPE_CHECKING:
    from pipeline.attribution.parse import ArticleParse, parse_articles

__all__ = ["ArticleParse", "extract_all", "extract_statements", "parse_articles"]


def extract_statements(article: Article, parse: ArticleParse | None = None) -> list[Statement]:
    """Every direct quotation and reported statement of ``article``, in document order.

    ``parse`` is the article's spaCy parse; it is made here when not given.
    """
    from pipeline.attribution.extractor import Extractor
    from pipeline.attribution.parse import parse_articles

    if parse is None:
        parse = parse_articles([article])[0]
    return Extractor(article, parse).run()


def extract_all(articles: Sequence[Article]) -> list[list[Statement]]:
    """Statements of each article, the articles parsed together in one batched ``nlp.pipe``."""
    from pipeline.attribution.extractor import Extractor
    from pipeline.attribution.parse import parse_articles

    parses = parse_articles(articles)
    return [Extractor(article, parse).run() for article, parse in zip(articles, parses, strict=True)]


def __getattr__(name: str) -> Any:
    """The rule modules load on first use: answering from a snapshot needs only ``vocabulary`` (0.1 s saved
    on every cold command)."""
    if name in ("ArticleParse", "parse_articles"):
        from pipeline.attribution import parse

        return getattr(parse, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
