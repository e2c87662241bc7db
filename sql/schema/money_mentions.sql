-- money_mentions: one row per money figure found in prose, tables or fields.
CREATE TABLE money_mentions (
    note_id VARCHAR,
    ordinal INTEGER,
    amount DECIMAL(38, 6),
    amount_high DECIMAL(38, 6),
    currency VARCHAR,
    period VARCHAR,
    annualized_amount DECIMAL(38, 6),
    metric VARCHAR,
    qualifier VARCHAR,
    subject VARCHAR,
    text VARCHAR,
    sentence VARCHAR,
    line INTEGER
);
