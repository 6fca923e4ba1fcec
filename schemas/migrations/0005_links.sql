-- refs library, schema version 5: links that died or sit behind walls.

-- A failed fetch of a page that is gone or walled (401, 403, 404, 410,
-- 451, a bot challenge, a DNS failure, timeouts, a redirect to the home
-- page): an archived copy may describe it, also in a later run that only
-- remembers the failure.
ALTER TABLE http_cache ADD COLUMN lost INTEGER NOT NULL DEFAULT 0 CHECK (lost IN (0, 1));

-- What each `refs check` saw of a cited URL. A link is called dead only
-- after two failed checks at least three days apart, so the history of
-- every check is kept.
CREATE TABLE link_checks (
  url        TEXT NOT NULL,    -- as cited (the post's URL, normalised)
  checked_at INTEGER NOT NULL, -- Unix time of the run
  verdict    TEXT NOT NULL,    -- what this check saw: ok, moved, blocked, throttled, soft-404, failed, unknown
  detail     TEXT NOT NULL DEFAULT '', -- one line: "HTTP 404", the new URL of a move
  PRIMARY KEY (url, checked_at)
) WITHOUT ROWID;
