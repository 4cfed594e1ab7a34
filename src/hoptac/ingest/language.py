"""Language identification with lingua, restricted to the languages hoptac reads."""

from __future__ import annotations

from functools import cache

from lingua import Language, LanguageDetectorBuilder

LANGUAGES = {
    Language.ENGLISH: "en", Language.FRENCH: "fr", Language.VIETNAMESE: "vi",
    Language.GERMAN: "de", Language.SPANISH: "es", Language.RUSSIAN: "ru",
    Language.CHINESE: "zh",
}


@cache
def _detector():
    return LanguageDetectorBuilder.from_languages(*LANGUAGES).build()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is nothing to tell from."""
    sample = text[:5000]
    if not sample.strip():
        return None
    language = _detector().detect_language_of(sample)
    return LANGUAGES.get(language) if language else None
