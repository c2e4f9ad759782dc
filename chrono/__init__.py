"""chrono: dated, sourced chronologies from plain TOML event files."""

__version__ = "0.1.0"
