"""Filling a corpus store: documents read, analysed and committed one by one."""
