-- refs library, schema version 4: cheaper writes and title lookups, for
-- imports of 100,000 entries.

-- `record` loses its CHECK (json_valid(record)): SQLite parsed every record
-- on every write to check it, the largest single cost of an import, while
-- the only writer is csl_json_text (core/csl), which cannot write anything
-- else. A CHECK cannot be dropped in place, so the table is rebuilt, the
-- way SQLite's ALTER TABLE documentation describes (apply_migrations runs
-- this with foreign keys off and checks them before it commits).
CREATE TABLE citations_new (
  id         INTEGER PRIMARY KEY,
  key        TEXT NOT NULL UNIQUE,
  key_fixed  INTEGER NOT NULL DEFAULT 0 CHECK (key_fixed IN (0, 1)),
  type       TEXT NOT NULL,
  title      TEXT NOT NULL DEFAULT '',
  year       INTEGER,
  record     TEXT NOT NULL, -- CSL-JSON, as core/csl/csl_json_text.cpp writes it
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
INSERT INTO citations_new (id, key, key_fixed, type, title, year, record, created_at, updated_at)
  SELECT id, key, key_fixed, type, title, year, record, created_at, updated_at FROM citations;
DROP TABLE citations;
ALTER TABLE citations_new RENAME TO citations;

-- The title rule reads every column of a block's rows: the index holds
-- them all, so a lookup never visits the table.
DROP INDEX title_keys_block;
CREATE INDEX title_keys_block ON title_keys(block, year, title, numbers, stage, genre);
