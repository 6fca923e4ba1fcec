-- refs library, schema version 6: the published versions of preprints.

-- What the last look-up found for an arXiv preprint: a published version
-- (confirmed through an identifier, or a candidate from a title search)
-- with the evidence, or nothing and what was asked. "none" is asked again
-- after 30 days; a version found is kept until --refresh.
CREATE TABLE published_versions (
  arxiv_id   TEXT PRIMARY KEY,
  checked_at INTEGER NOT NULL,  -- Unix time (the real clock) of the look-up
  status     TEXT NOT NULL CHECK (status IN ('confirmed', 'candidate', 'none')),
  identity   TEXT NOT NULL DEFAULT '', -- what names the version: "dblp:conf/iclr/PengQFS24", "doi:10.1109/…"
  venue      TEXT NOT NULL DEFAULT '', -- for people: "ICLR 2024", "NeurIPS 2023 workshop"
  workshop   INTEGER NOT NULL DEFAULT 0 CHECK (workshop IN (0, 1)),
  evidence   TEXT NOT NULL DEFAULT '[]', -- JSON array of one-line statements, strongest first
  record     TEXT NOT NULL DEFAULT '',   -- the version as CSL-JSON (sources "published")
  asked      TEXT NOT NULL DEFAULT ''    -- for none: what was asked
) WITHOUT ROWID;

-- Versions a user said are another work (`refs published --reject`):
-- never proposed again for that preprint.
CREATE TABLE published_rejections (
  arxiv_id    TEXT NOT NULL,
  identity    TEXT NOT NULL,
  rejected_at TEXT NOT NULL, -- ISO 8601 UTC
  PRIMARY KEY (arxiv_id, identity)
) WITHOUT ROWID;

-- Every time a published version was applied to a citation, with the
-- citation before and after, so that `refs published --undo KEY` can
-- restore it (and refuse when it changed since).
CREATE TABLE published_changes (
  id          INTEGER PRIMARY KEY,
  citation_id INTEGER NOT NULL, -- no foreign key: the history outlives a removed citation
  arxiv_id    TEXT NOT NULL,
  applied_at  TEXT NOT NULL, -- ISO 8601 UTC
  before      TEXT NOT NULL, -- CSL-JSON
  after       TEXT NOT NULL, -- CSL-JSON
  undone_at   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX published_changes_citation ON published_changes(citation_id);
