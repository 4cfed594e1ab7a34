"""Regular expressions for long word lists, built as a trie.

Python's `re` tries every alternative of `(?:Vietnam|Viet Nam|France|...)` at every position of
the text: with a gazetteer of a thousand names that dominates extraction time. A trie-shaped
pattern (`(?:Vi(?:et(?: Nam|nam))|France)`) shares prefixes, so most positions fail on the
first character. Optional branches are greedy, so at a given position the longest form that
lets the rest of the pattern match wins, as with a longest-first alternation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""  # marks the end of a word in the trie


def trie_regex(words: Iterable[str]) -> str:
    """A regex source matching exactly the given words (no groups that capture)."""
    trie: dict = {}
    for word in set(words):
        if not word:
            continue
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[_END] = {}
    return _node_regex(trie) if trie else "(?!)"


def _node_regex(node: dict) -> str:
    ends_here = _END in node
    branches = [re.escape(char) + _node_regex(child)
                for char, child in sorted(node.items()) if char != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        # the word may stop here: the longer continuations are tried first
        return ("(?:" + body + ")?") if len(branches) == 1 else body + "?"
    return body
