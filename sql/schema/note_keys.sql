-- note_keys: the keys a wikilink may use to reach a note (path, file name, alias).
CREATE TABLE note_keys (
    note_id VARCHAR,
    key VARCHAR,
    rank INTEGER,
    depth INTEGER,
    path VARCHAR
);
