-- refs library, schema version 2.
-- When each rate-limited host was last asked, shared by every refs process
-- using this library (arXiv allows one request every 3 seconds from all the
-- machines of a user, so two runs at once must not both send now).
CREATE TABLE host_state (
  host         TEXT PRIMARY KEY,
  next_request REAL NOT NULL -- Unix time before which no request may start
);
