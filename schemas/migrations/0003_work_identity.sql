-- refs library, schema version 3: one citation per work.
-- The keys the dedupe rules look up, derived from each citation's record
-- (core/dedupe/work_profile.cpp) and rebuilt whenever those rules change
-- (match_rules.version differs from the program's).

-- URLs a citation is known by, in identity form (classify/url_identity):
-- cited URLs, and canonical URLs the page named on its own site.
CREATE TABLE url_keys (
  identity    TEXT NOT NULL,
  citation_id INTEGER NOT NULL REFERENCES citations(id) ON DELETE CASCADE,
  canonical   INTEGER NOT NULL CHECK (canonical IN (0, 1)),
  PRIMARY KEY (identity, citation_id)
) WITHOUT ROWID;
CREATE INDEX url_keys_citation ON url_keys(citation_id);

-- What the title rule compares, for citations it applies to; only rows
-- of one block (first author, or site of an author-less page) are compared.
CREATE TABLE title_keys (
  citation_id INTEGER PRIMARY KEY REFERENCES citations(id) ON DELETE CASCADE,
  block       TEXT NOT NULL,
  title       TEXT NOT NULL, -- folded words (dedupe/folded_text), one space apart
  numbers     TEXT NOT NULL,
  year        INTEGER NOT NULL,
  stage       INTEGER NOT NULL,
  genre       INTEGER NOT NULL
);
-- Years are looked up with their block: a title only joins one of the same
-- year or, preprint and published version, the next or previous one.
CREATE INDEX title_keys_block ON title_keys(block, year);

CREATE TABLE match_rules (
  version INTEGER NOT NULL
);
INSERT INTO match_rules (version) VALUES (0);

-- Every merge of citations, with what is needed to undo it: the surviving
-- entry as it was, and each absorbed entry whole (its row, former keys and
-- the post references that named it).
CREATE TABLE merges (
  id          INTEGER PRIMARY KEY,
  merged_at   TEXT NOT NULL,
  survivor_id INTEGER NOT NULL, -- no foreign key: a merge outlives `refs rm`
  survivor    TEXT NOT NULL CHECK (json_valid(survivor)),
  undone_at   TEXT
);

CREATE TABLE merged_entries (
  merge_id    INTEGER NOT NULL REFERENCES merges(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  citation_id INTEGER NOT NULL, -- the id it had and gets back on undo
  rule        TEXT NOT NULL,
  score       REAL NOT NULL,
  detail      TEXT NOT NULL,
  entry       TEXT NOT NULL CHECK (json_valid(entry)),
  PRIMARY KEY (merge_id, position)
);
CREATE INDEX merged_entries_citation ON merged_entries(citation_id);
