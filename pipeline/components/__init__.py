"""Haystack components of the engine, one a file."""
