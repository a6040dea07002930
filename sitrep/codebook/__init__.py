"""sitrep.codebook"""
