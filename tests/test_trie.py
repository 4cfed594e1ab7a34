"""The trie-shaped regex matches exactly what a longest-first alternation matches."""

from __future__ import annotations

import random
import re

from hoptac.extract.trie import trie_regex


def alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def spans(source: str, text: str) -> list[tuple[int, int]]:
    pattern = re.compile(rf"(?<![\w])(?:{source})(?![\w])")
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def test_same_matches_as_a_longest_first_alternation_on_random_words():
    rng = random.Random(7)
    alphabet = "abé -."
    for _ in range(200):
        words = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 5)))
                 for _ in range(rng.randint(1, 12))]
        words = [w for w in words if w.strip()]
        text = " ".join(rng.choice(words + ["zz"]) + rng.choice(["", "b", " "])
                        for _ in range(15))
        assert spans(trie_regex(words), text) == spans(alternation(words), text)


def test_country_names_sharing_prefixes():
    source = trie_regex(["Viet Nam", "Vietnam", "Vietnamese", "Viet"])
    found = spans(source, "Vietnamese experts met in Viet Nam, Vietnam's capital; Viet-")
    assert found == [(0, 10), (26, 34), (36, 43), (55, 59)]


def test_no_words_never_matches():
    assert re.search(trie_regex([]), "anything") is None
