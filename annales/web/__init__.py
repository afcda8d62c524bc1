"""`annales serve`: a local web workbench over a corpus store.

It reads and fills the store only through `annales.corpus` (the store, its queries and its ingest
path) and `annales.batch`; the few queries the command line does not need live in `queries`.
`app` builds the Starlette application, `jobs` runs the analyses in one background thread,
`segments` cuts a document's text into highlighted spans, `messages` holds the French wording.
"""
