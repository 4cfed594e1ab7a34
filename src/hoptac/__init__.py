"""hoptac: an observatory of international health cooperation."""

__version__ = "0.1.0"
