"""sitrep.cluster"""
