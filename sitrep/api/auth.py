"""Writes need ``Authorization: Bearer TOKEN``; without a configured token they are refused."""

from __future__ import annotations

import secrets

from fastapi import HTTPException, Request

CHALLENGE = {"WWW-Authenticate": "Bearer"}


def require_token(request: Request) -> None:
    """FastAPI dependency guarding every write endpoint.

    403 when the server has no token (a read-only server must not become writable by
    accident); 401 when the request carries none or the wrong one.
    """
    expected: str | None = request.app.state.token
    if not expected:
        raise HTTPException(403, "writes are disabled: start the server with --token or "
                                 "SITREP_TOKEN")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not given:
        raise HTTPException(401, "this write needs the header 'Authorization: Bearer TOKEN'",
                            headers=CHALLENGE)
    # Header values arrive as bytes decoded as Latin-1; encoding back gives the bytes the client
    # sent, which a UTF-8 client sends for a non-ASCII token: compare bytes with bytes.
    if not secrets.compare_digest(given.strip().encode("latin-1"), expected.encode("utf-8")):
        raise HTTPException(401, "wrong token", headers=CHALLENGE)
