"""The state that follows from the events: forces present, agreements, withdrawals under way."""

from sitrep.situation.state import (
    Agreement,
    Expected,
    Presence,
    Situation,
    Withdrawal,
    bears_on,
    facts,
    replay,
    situation,
    stored_situation,
)

__all__ = ["Agreement", "Expected", "Presence", "Situation", "Withdrawal", "bears_on", "facts",
           "replay", "situation", "stored_situation"]
