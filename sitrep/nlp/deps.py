"""Named sets of dependency labels (spaCy's English scheme), one definition each.

Several stages ask the same question of the parse: does this word stand before a noun to say
what kind of thing the noun is ("US troops", "Russian forces", "the Gaza ceasefire") or whose
it is ("Sudan's army")? A place word there qualifies; it does not say where something
happens. The sets differ by what the question includes, and each is named for that.
"""

from __future__ import annotations

# a word before a noun that says what kind of thing it is: "US troops", "Russian forces"
ATTRIBUTIVE_DEPS = frozenset({"compound", "amod", "nmod"})
# the same or the possessor, which says whose it is: "Sudan's army", "its fighters"
PREMODIFIER_DEPS = ATTRIBUTIVE_DEPS | {"poss"}
# premodifiers, and a noun the parse hangs on a modifier's participle, which qualifies the
# noun as much ("US-brokered talks": a country there says who brokered, not where)
QUALIFIER_DEPS = PREMODIFIER_DEPS | {"npadvmod"}
# premodifiers and numbers: words inside a noun phrase that say nothing of when ("the 2016
# peace deal" dates the deal, not the event the sentence tells)
NOUN_MODIFIER_DEPS = PREMODIFIER_DEPS | {"nummod"}
