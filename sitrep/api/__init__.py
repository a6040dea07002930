"""sitrep.api"""
