-- Money figures per subject and metric over time, with their annualised amounts.
with money as (
    select note_id, subject, metric, amount, currency, period, annualized_amount, qualifier, text
    from money_mentions
),

notes as (
    select note_id, note_date, title from notes
),

final as (
    select
        coalesce(m.subject, n.title) as subject,
        m.metric,
        n.note_date,
        m.amount,
        m.currency,
        m.period,
        m.annualized_amount,
        m.qualifier,
        m.text,
        m.note_id
    from money as m
    join notes as n using (note_id)
    order by subject, n.note_date, m.metric
)

select * from final
