import pytest

from pipeline.roles import classify_paragraph


@pytest.mark.parametrize(
    ("text", "index", "role"),
    [
        ("Why would Russia want to invade Ukraine?", 0, "headline"),
        ("What has President Putin said and why would Russia want to invade?", 5, "subheading"),
        ("Does Russia want to invade Ukraine?", 5, "subheading"),
        ("Ukranian forces are on standby for a Russian attack (image: AFP/Getty Images)", 5, "caption"),
        ("Joe Biden has warned there is a “distinct possibility” (Photo: Getty Images)", 5, "caption"),
        ("A message from the editor:", 40, "boilerplate"),
        ("Thank you for reading. Sign up to our newsletter.", 40, "boilerplate"),
        ("NATO currently allows any nation to join its alliance.", 5, "body"),
        ("“It’s too early to say,” he said", 5, "body"),
    ],
)
def test_paragraph_roles(text: str, index: int, role: str) -> None:
    assert classify_paragraph(text, index=index) == role


def test_seed_roles(seed_article) -> None:
    def role_of(opening: str) -> str:
        return next(p.role for p in seed_article.paragraphs if seed_article.text[p.start : p.end].startswith(opening))

    assert role_of("A message from the editor:") == "boilerplate"
    assert role_of("Thank you for reading.") == "boilerplate"
    assert role_of("Ukranian forces are on standby") == "caption"
    assert role_of("President Putin has made demands") == "caption"
    assert seed_article.paragraphs[0].role == "headline"
    assert sum(p.role == "body" for p in seed_article.paragraphs) > 40


def test_a_line_numbered_transcript_is_running_text_not_headings() -> None:
    from pipeline.corpus import parse_article

    lines = ["STS-1 PRESS CONFERENCE", "Kennedy Space Center", "1 P R O C E E D I N G S",
             "2 ADMINISTRATOR GRIFFIN: [In progress] -- and it", "3 was a flawless count and a majestic launch",
             "4 and it was tough to get here.", "5 MR. CAIN: Thanks, Mike.", "6 The team did an awesome job",
             "7 getting the vehicle ready"]
    article = parse_article("t.txt", "\n\n".join(lines).encode())
    roles = [p.role for p in article.paragraphs]
    assert roles == ["headline", "subheading"] + ["body"] * 7
    # one numbered line in a story is still a heading
    story = parse_article("s.txt", b"Title\n\n10 things to know\n\nThe council met on Monday to vote.")
    assert [p.role for p in story.paragraphs] == ["headline", "subheading", "body"]
