-- wikilinks: one row per internal [[link]]; target_note_id is NULL when unresolved.
CREATE TABLE wikilinks (
    note_id VARCHAR,
    target VARCHAR,
    target_key VARCHAR,
    target_note_id VARCHAR,
    alias VARCHAR,
    heading VARCHAR,
    embed BOOLEAN,
    line INTEGER,
    text VARCHAR
);
