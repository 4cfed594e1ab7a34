"""HTML to article text: whole pages through trafilatura, fragments (feed items) through lxml."""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html
import trafilatura
from lxml import etree

# Elements after which a fragment's text starts a new paragraph.
BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
    "blockquote", "section", "article", "figure", "figcaption", "pre", "hr", "dd", "dt",
}
DROPPED_TAGS = ["script", "style", "noscript", "template"]
# Fewer words than this is a navigation stub or an error page, not an article.
MIN_ARTICLE_WORDS = 5


@dataclass
class Page:
    """What trafilatura finds in a web page."""

    text: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    language: str | None = None


class NoArticleText(ValueError):
    """The page holds no article text trafilatura can find."""


def extract_page(html: str, url: str | None = None) -> Page:
    """Title, date, canonical URL and main text of a web page. Raises NoArticleText."""
    if not re.search(r"<[A-Za-z!?/]", html):
        raise NoArticleText("no HTML markup")
    try:
        document = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    except (ValueError, etree.LxmlError) as err:
        raise NoArticleText(f"malformed HTML ({err})") from err
    text = (document.text or "").strip() if document else ""
    if len(text.split()) < MIN_ARTICLE_WORDS:
        raise NoArticleText("no article text found in the page")
    return Page(text=text, title=document.title or None, published=document.date or None,
                url=document.url or url, language=document.language or None)


def fragment_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment, one paragraph per block element, entities resolved."""
    if not re.search(r"<[A-Za-z!/]|&[#A-Za-z]", fragment):
        return fragment.strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ValueError, etree.LxmlError):
        return fragment.strip()
    etree.strip_elements(root, *DROPPED_TAGS, with_tail=False)
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in BLOCK_TAGS:
            element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n\n".join(line for line in lines if line)
