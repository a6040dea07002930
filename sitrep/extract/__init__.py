"""Event extraction: triggers, arguments, modality, claims, quantities."""
