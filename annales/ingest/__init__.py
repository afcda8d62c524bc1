"""Ingestion: read files and corpora into documents, then mark structure and web debris."""
