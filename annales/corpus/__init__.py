"""A corpus of analyses in one SQLite file: added document by document, searched, put in time order.

This layer sits above the pipeline: it reads analyses through their JSON contract
(`Analysis.to_dict()`) only. `schema` holds the tables, `store` writes a document in one
transaction, `ingest.add` fills the store from input files, `grouping` decides which entities of
different documents are one, and `search`, `timeline`, `people`, `findings` and `export` read it.
"""

from annales.corpus.schema import STORE_SCHEMA, StoreError
from annales.corpus.store import open_store

__all__ = ["STORE_SCHEMA", "StoreError", "open_store"]
