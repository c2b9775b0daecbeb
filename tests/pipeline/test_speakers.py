from pipeline.speakers import same_person


def test_a_role_names_only_whoever_carries_every_role_word() -> None:
    assert same_person("the Prime Minister", "Boris Johnson", {"Prime Minister Boris Johnson"})
    assert not same_person("the Prime Minister", "Karen Whitfield", {"the minister", "Health Minister Karen Whitfield"})
    assert same_person("the minister", "Karen Whitfield", {"Health Minister Karen Whitfield"})


def test_names_still_match_their_fuller_forms() -> None:
    assert same_person("Stoltenberg", "Jens Stoltenberg")
    assert same_person("NATO Secretary General Jens Stoltenberg", "Jens Stoltenberg")
    assert not same_person("Vladimir Putin", "Jens Stoltenberg")
