"""The extractor: one article in, one hoptac.extraction/1 document out.

Stages run in order over a shared Context; each lives in its own module:
entities (persons, organizations) -> countries -> dates -> events -> agreements -> areas -> facts.
"""

from __future__ import annotations

from hoptac.extract import agreements, areas, countries, dates, entities, events, facts
from hoptac.extract.context import Context, Sentence
from hoptac.extract.nlp import spacy_pipeline
from hoptac.extract.sentences import split_sentences
from hoptac.ingest.language import detect_language
from hoptac.ingest.textmeta import parse_text_article
from hoptac.model import Article

SCHEMA = "hoptac.extraction/1"
EXTRACTOR_VERSION = "hoptac-extract/0.1"


def text_caches() -> list:
    """The caches keyed by an article's text or sentences (not the lexicons, nor word-level
    caches). They make repeated questions about the same sentence cheap within an article;
    `hoptac bench` clears them so that repeated passes over the same texts are not flattered."""
    from hoptac.extract import areas as areas_stage
    from hoptac.extract import countries as countries_stage
    from hoptac.extract import dates as dates_stage
    from hoptac.extract import facts as facts_stage

    return [areas_stage.read_text, countries_stage._country_mentions,
            countries_stage._city_mentions, dates_stage._dates_in_text,
            facts_stage._vietnamese_tags]


def clear_text_caches() -> None:
    for cached in text_caches():
        cached.cache_clear()


def build_context(article: Article) -> Context:
    """Split the article into sentences and run the language pipeline over each."""
    text = article.text
    meta = parse_text_article(text)
    language = article.language or detect_language(text) or "en"
    published = article.published or meta.published
    spans = split_sentences(text, meta.body_start, meta.body_end)
    sentences = [Sentence(a, b, text[a:b]) for a, b in spans]
    nlp = spacy_pipeline(language)
    if nlp is not None:
        for sentence, doc in zip(sentences, nlp.pipe(s.text for s in sentences), strict=True):
            sentence.doc = doc
    return Context(text=text, language=language, published=published,
                   body_start=meta.body_start, body_end=meta.body_end,
                   sentences=sentences, title=article.title or meta.title,
                   source_url=article.url or meta.source_url,
                   agency=article.agency or meta.agency)


def describe_document(context: Context) -> dict:
    return {
        "title": context.title,
        "language": context.language,
        "published": context.published,
        "source_url": context.source_url,
        "agency": context.agency,
    }


def extract_article(article: Article) -> dict:
    """The hoptac.extraction/1 document for one article."""
    context = build_context(article)
    persons, organizations = entities.find_persons_and_organizations(context)
    date_mentions = dates.find_dates(context)
    found_countries = countries.find_countries(context, persons, organizations)
    found_agreements = agreements.find_agreements(context, organizations, date_mentions,
                                                  found_countries)
    found_events = events.find_events(context, persons, organizations, date_mentions,
                                      found_agreements, found_countries)
    return {
        "schema": SCHEMA,
        "document": describe_document(context),
        "countries": found_countries,
        "persons": persons,
        "organizations": organizations,
        "events": found_events,
        "agreements": found_agreements,
        "areas": areas.find_areas(context),
        "facts": facts.find_facts(context),
    }
