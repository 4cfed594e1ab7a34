"""Extraction: persons, organizations, countries, events, agreements, areas and facts."""
