"""The knowledge base: one item per real person, organization and agreement, merged across
articles and languages (resolve.py, cluster.py, names.py), corrected by reviewers
(corrections.py), exported as hoptac.kb/1, CSV, JSON Lines, GraphML and JSON-LD (export.py),
from the command line with `hoptac export` and `hoptac review` (commands.py).

Lexicons are data files under kb/data: generic bodies in English, French and Vietnamese
(bodies.json), country names and demonyms beyond Babel's (countries.json), the vocabulary
that makes organization names comparable across languages (glossary.json), acronyms,
honorifics and Vietnamese family names.
"""
