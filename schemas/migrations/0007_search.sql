-- refs library, schema version 7: full-text search (`refs search`).

-- What a citation is found by, one row per citation: its title, people,
-- container, abstract, note, keys (the current one and former ones), the
-- identifiers and URLs it is known by, and the link texts posts used for
-- it. Read from the record and the tables beside it, so that both the
-- triggers below and the rebuild at the end read the same thing.
CREATE VIEW search_source (id, title, authors, container, abstract, note, keys, ids, links) AS
SELECT c.id,
  c.title,
  coalesce((SELECT group_concat(trim(coalesce(json_extract(p.value, '$.given'), '') || ' ' ||
                                     coalesce(json_extract(p.value, '$.family'), '') || ' ' ||
                                     coalesce(nullif(json_extract(p.value, '$.literal'), 'others'), '')), '; ')
            FROM (SELECT value FROM json_each(json_extract(c.record, '$.author'))
                  UNION ALL SELECT value FROM json_each(json_extract(c.record, '$.editor'))) AS p), ''),
  trim(coalesce(json_extract(c.record, '$."container-title"'), '') || ' ' ||
       coalesce(json_extract(c.record, '$."container-title-short"'), '') || ' ' ||
       coalesce(json_extract(c.record, '$."collection-title"'), '') || ' ' ||
       coalesce(json_extract(c.record, '$.publisher'), '')),
  coalesce(json_extract(c.record, '$.abstract'), ''),
  coalesce(json_extract(c.record, '$.note'), ''),
  trim(c.key || ' ' || coalesce((SELECT group_concat(a.alias, ' ') FROM key_aliases a WHERE a.citation_id = c.id), '')),
  trim(coalesce((SELECT group_concat(json_extract(i.value, '$.value'), ' ')
                 FROM json_each(json_extract(c.record, '$.custom.identifiers')) AS i), '') || ' ' ||
       coalesce(json_extract(c.record, '$.DOI'), '') || ' ' || coalesce(json_extract(c.record, '$.ISBN'), '')),
  coalesce((SELECT group_concat(DISTINCT r.text) FROM post_references r WHERE r.citation_id = c.id), '')
-- A record that does not parse (a damaged file) is indexed by its key and
-- title alone: a JSON error here would fail every write to it, and this
-- migration.
FROM (SELECT id, key, title, CASE WHEN json_valid(record) THEN record ELSE '{}' END AS record FROM citations) c;

-- Words: unicode61 folds case and diacritics (`muller` finds Müller) and
-- keeps words whole, so `ai` is the word AI and `effic*` a prefix.
CREATE VIRTUAL TABLE search_words USING fts5(
  title, authors, container, abstract, note, keys, ids, links,
  tokenize = 'unicode61 remove_diacritics 2');

-- Korean, Japanese and Chinese are not written in words unicode61 can
-- split (딥러닝, 大規模言語モデル): those rows are also indexed by trigrams,
-- so any three characters find the text that holds them. Only rows with
-- such characters: a trigram index is several times the size of the text
-- it indexes, and most libraries are mostly in Latin letters.
CREATE VIRTUAL TABLE search_grams USING fts5(
  title, authors, container, abstract, note, keys, ids, links,
  tokenize = 'trigram');

-- The rows of search_words with Korean, Japanese or Chinese letters: text
-- that is not all ASCII (a cheap test that most rows fail), then GLOB for
-- Hangul Jamo, CJK symbols to Hangul syllables (kana, CJK ideographs and
-- Hangul among them), CJK compatibility ideographs, half-width Katakana.
-- Read from search_words, so a trigger computes search_source only once.
CREATE VIEW search_cjk_source (id, title, authors, container, abstract, note, keys, ids, links) AS
SELECT rowid, title, authors, container, abstract, note, keys, ids, links FROM search_words
WHERE length(CAST(title || authors || container || abstract || note || keys || ids || links AS BLOB)) >
      length(title || authors || container || abstract || note || keys || ids || links)
  AND (title || authors || container || abstract || note || keys || ids || links) GLOB '*[ᄀ-ᇿ⺀-힯豈-﫿ｦ-ﾟ]*';

-- Kept in step with every write, inside the writer's own transaction. A
-- row is dropped and read again from search_source rather than patched:
-- it is one citation's text, and one way of writing it cannot drift.
CREATE TRIGGER search_citation_inserted AFTER INSERT ON citations BEGIN
  INSERT INTO search_words (rowid, title, authors, container, abstract, note, keys, ids, links)
    SELECT * FROM search_source WHERE id = NEW.id;
  INSERT INTO search_grams (rowid, title, authors, container, abstract, note, keys, ids, links)
    SELECT * FROM search_cjk_source WHERE id = NEW.id;
END;

CREATE TRIGGER search_citation_updated AFTER UPDATE ON citations BEGIN
  DELETE FROM search_words WHERE rowid = OLD.id;
  DELETE FROM search_grams WHERE rowid = OLD.id;
  INSERT INTO search_words (rowid, title, authors, container, abstract, note, keys, ids, links)
    SELECT * FROM search_source WHERE id = NEW.id;
  INSERT INTO search_grams (rowid, title, authors, container, abstract, note, keys, ids, links)
    SELECT * FROM search_cjk_source WHERE id = NEW.id;
END;

CREATE TRIGGER search_citation_deleted AFTER DELETE ON citations BEGIN
  DELETE FROM search_words WHERE rowid = OLD.id;
  DELETE FROM search_grams WHERE rowid = OLD.id;
END;

-- Former keys and link texts belong to a citation's row too. An update
-- may move them from one citation to another (a merge, its undo): both
-- rows are read again.
CREATE TRIGGER search_alias_inserted AFTER INSERT ON key_aliases BEGIN
  DELETE FROM search_words WHERE rowid = NEW.citation_id;
  DELETE FROM search_grams WHERE rowid = NEW.citation_id;
  INSERT INTO search_words (rowid, title, authors, container, abstract, note, keys, ids, links)
    SELECT * FROM search_source WHERE id = NEW.citation_id;
  INSERT INTO search_grams (rowid, title, authors, container, abstract, note, keys, ids, links)
    SELECT * FROM search_cjk_source WHERE id = NEW.citation_id;
END;

CREATE TRIGGER search_alias_deleted AFTER DELETE ON key_aliases BEGIN
  DELETE FROM search_words WHERE rowid = OLD.citation_id;
  DELETE FROM search_grams WHERE rowid = OLD.citation_id;
  INSERT INTO search_words (rowid, title, authors, container, abstract, note, keys, ids, links)
    SELECT * FROM search_source WHERE id = OLD.citation_id;
  INSERT INTO search_grams (rowid, title, authors, container, abstract, note, keys, ids, links)
    SELECT * FROM search_cjk_source WHERE id = OLD.citation_id;
END;

CREATE TRIGGER search_alias_updated AFTER UPDATE ON key_aliases BEGIN
  DELETE FROM search_words WHERE rowid IN (OLD.citation_id, NEW.citation_id);
  DELETE FROM search_grams WHERE rowid IN (OLD.citation_id, NEW.citation_id);
  INSERT INTO search_words (rowid, title, authors, container, abstract, note, keys, ids, links)
    SELECT * FROM search_source WHERE id IN (OLD.citation_id, NEW.citation_id);
  INSERT INTO search_grams (rowid, title, authors, container, abstract, note, keys, ids, links)
    SELECT * FROM search_cjk_source WHERE id IN (OLD.citation_id, NEW.citation_id);
END;

CREATE TRIGGER search_link_inserted AFTER INSERT ON post_references WHEN NEW.citation_id IS NOT NULL BEGIN
  DELETE FROM search_words WHERE rowid = NEW.citation_id;
  DELETE FROM search_grams WHERE rowid = NEW.citation_id;
  INSERT INTO search_words (rowid, title, authors, container, abstract, note, keys, ids, links)
    SELECT * FROM search_source WHERE id = NEW.citation_id;
  INSERT INTO search_grams (rowid, title, authors, container, abstract, note, keys, ids, links)
    SELECT * FROM search_cjk_source WHERE id = NEW.citation_id;
END;

CREATE TRIGGER search_link_deleted AFTER DELETE ON post_references WHEN OLD.citation_id IS NOT NULL BEGIN
  DELETE FROM search_words WHERE rowid = OLD.citation_id;
  DELETE FROM search_grams WHERE rowid = OLD.citation_id;
  INSERT INTO search_words (rowid, title, authors, container, abstract, note, keys, ids, links)
    SELECT * FROM search_source WHERE id = OLD.citation_id;
  INSERT INTO search_grams (rowid, title, authors, container, abstract, note, keys, ids, links)
    SELECT * FROM search_cjk_source WHERE id = OLD.citation_id;
END;

CREATE TRIGGER search_link_updated AFTER UPDATE OF text, citation_id ON post_references
WHEN OLD.text IS NOT NEW.text OR OLD.citation_id IS NOT NEW.citation_id BEGIN
  DELETE FROM search_words WHERE rowid IN (OLD.citation_id, NEW.citation_id);
  DELETE FROM search_grams WHERE rowid IN (OLD.citation_id, NEW.citation_id);
  INSERT INTO search_words (rowid, title, authors, container, abstract, note, keys, ids, links)
    SELECT * FROM search_source WHERE id IN (OLD.citation_id, NEW.citation_id);
  INSERT INTO search_grams (rowid, title, authors, container, abstract, note, keys, ids, links)
    SELECT * FROM search_cjk_source WHERE id IN (OLD.citation_id, NEW.citation_id);
END;

-- The filters year: and type: give sets of ids to the ranking, which
-- reads only the index; these keep them from reading every record.
CREATE INDEX citations_year ON citations(year);
CREATE INDEX citations_type ON citations(type);

-- A library made before this version: every citation indexed once.
INSERT INTO search_words (rowid, title, authors, container, abstract, note, keys, ids, links)
  SELECT * FROM search_source;
INSERT INTO search_grams (rowid, title, authors, container, abstract, note, keys, ids, links)
  SELECT * FROM search_cjk_source;
