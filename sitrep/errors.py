"""sitrep's own exceptions. The library raises these; only the CLI and API translate them."""

from __future__ import annotations


class SitrepError(Exception):
    """Base of every error sitrep raises on purpose."""

    status = 500


class InputError(SitrepError):
    """An input document that cannot be read: names the input and the reason."""

    status = 400

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str]]:
        """Pickle by source and reason, so errors come back from worker processes whole."""
        return (type(self), (self.source, self.reason))


class NotFoundError(SitrepError):
    """A record asked for by id that is not stored."""

    status = 404


class SetupError(SitrepError):
    """A resource sitrep needs (model, gazetteer index, web assets) is missing or broken."""

    status = 503
