"""sitrep.situation"""
