-- fields: one row per property: front-matter keys (dotted, one row per list item) and Dataview inline fields.
CREATE TABLE fields (
    note_id VARCHAR,
    ordinal INTEGER,
    key VARCHAR,
    raw_key VARCHAR,
    value VARCHAR,
    value_type VARCHAR,
    source VARCHAR,
    line INTEGER
);
