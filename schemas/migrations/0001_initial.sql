-- refs library, schema version 1.
-- One row per work in `citations`; the full record is CSL-JSON in `record`
-- (our own fields inside its `custom` object), with the columns that are
-- searched or sorted on kept beside it.

CREATE TABLE citations (
  id         INTEGER PRIMARY KEY,
  key        TEXT NOT NULL UNIQUE,
  key_fixed  INTEGER NOT NULL DEFAULT 0 CHECK (key_fixed IN (0, 1)),
  type       TEXT NOT NULL,
  title      TEXT NOT NULL DEFAULT '',
  year       INTEGER,
  record     TEXT NOT NULL CHECK (json_valid(record)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- Keys a citation was known by before (a provisional key replaced, a merge):
-- they keep working in show, export and citing.
CREATE TABLE key_aliases (
  alias       TEXT PRIMARY KEY,
  citation_id INTEGER NOT NULL REFERENCES citations(id) ON DELETE CASCADE
);
CREATE INDEX key_aliases_citation ON key_aliases(citation_id);

-- Normalised identifiers. An arXiv id (no version) or a DOI (lower case)
-- names one work; URLs and note texts are look-up keys that may repeat.
CREATE TABLE identifiers (
  citation_id INTEGER NOT NULL REFERENCES citations(id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('arxiv', 'doi', 'url', 'canonical_url', 'note')),
  value       TEXT NOT NULL,
  PRIMARY KEY (kind, value, citation_id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX identifiers_unique_work ON identifiers(kind, value)
  WHERE kind IN ('arxiv', 'doi');
CREATE INDEX identifiers_citation ON identifiers(citation_id);

CREATE TABLE posts (
  id           INTEGER PRIMARY KEY,
  path         TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL,
  resolved_at  TEXT NOT NULL
);

-- The references of each post, in the post's order (`ordinal`).
CREATE TABLE post_references (
  post_id     INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
  ordinal     INTEGER NOT NULL,
  label       TEXT NOT NULL,
  line        INTEGER NOT NULL,
  link_index  INTEGER NOT NULL,
  text        TEXT NOT NULL,
  url         TEXT NOT NULL,
  kind        TEXT NOT NULL,
  citation_id INTEGER REFERENCES citations(id) ON DELETE SET NULL,
  PRIMARY KEY (post_id, ordinal)
);
CREATE INDEX post_references_citation ON post_references(citation_id);

-- HTTP responses by URL: validators, status and the metadata extracted,
-- never whole bodies. Filled by network resolution.
CREATE TABLE http_cache (
  url           TEXT PRIMARY KEY,
  status        INTEGER,
  etag          TEXT,
  last_modified TEXT,
  fetched_at    TEXT NOT NULL,
  failure       TEXT,
  metadata      TEXT CHECK (metadata IS NULL OR json_valid(metadata))
);
