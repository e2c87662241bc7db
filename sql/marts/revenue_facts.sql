-- One row per revenue figure (revenue, ARR, MRR) of a subject in a note, in its own currency.
-- Amounts stay exact decimals; no exchange rate is applied.
with timeline as (
    select * from revenue_timeline
),

final as (
    select
        cast(subject as varchar) as subject,
        cast(subject_source as varchar) as subject_source,
        cast(metric as varchar) as metric,
        cast(note_date as date) as note_date,
        cast(amount as decimal(38, 6)) as amount,
        cast(currency as varchar) as currency,
        cast(period as varchar) as period,
        cast(annualized_amount as decimal(38, 6)) as annualized_amount,
        cast(qualifier as varchar) as qualifier,
        cast(mentions as bigint) as mentions,
        cast(text as varchar) as text,
        cast(line as integer) as line,
        cast(note_id as varchar) as note_id,
        cast(path as varchar) as path
    from timeline
)

select * from final
