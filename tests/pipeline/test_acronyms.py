"""Spelled-out acronyms: the words of a sentence whose leading letters spell an acronym."""

import pytest

from pipeline.acronyms import spelled_out


@pytest.mark.parametrize(
    ("acronym", "sentence", "expected"),
    [
        ("PACE", "NASA's Pre-Aerosol Clouds and ocean Ecosystem (PACE) mission will launch in 2022.",
         "Pre-Aerosol Clouds and ocean Ecosystem"),  # hyphenated words count apart; "and ocean" give nothing
        ("PLACE", "The Platforms for Creative Excellence (PLACE) programme funds festivals.",
         "Platforms for Creative Excellence"),  # a word may give more than its first letter
        ("CAATSA", "It was required by the Countering America’s Adversaries Through Sanctions Act of 2017.",
         "Countering America’s Adversaries Through Sanctions Act"),
        ("MROS", "The Multi-Role Ocean Surveillance ship arrived.", "Multi-Role Ocean Surveillance"),
        ("PACE", "PACE is a mission that will study the smallest things.", None),  # the acronym is not its own name
        ("RAISE", "Rebuilding American, Infrastructure with Sustainability and Equity", None),  # a comma ends a name
        ("NASA", "The agency launched it on Monday.", None),
    ],
)
def test_the_words_that_spell_an_acronym(acronym: str, sentence: str, expected: str | None) -> None:
    found = spelled_out(acronym, sentence)
    assert (sentence[found[0] : found[1]] if found else None) == expected
