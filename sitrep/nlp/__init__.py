"""Builds the spaCy pipeline sitrep runs: model, gazetteer entity ruler, sitrep components."""
