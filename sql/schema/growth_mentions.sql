-- growth_mentions: one row per percentage growth figure.
CREATE TABLE growth_mentions (
    note_id VARCHAR,
    ordinal INTEGER,
    percent DECIMAL(18, 4),
    basis VARCHAR,
    metric VARCHAR,
    text VARCHAR,
    sentence VARCHAR,
    line INTEGER
);
