-- Revenue figures (revenue, ARR, MRR) per subject and metric over time, annualised, in the
-- currency they were given in. A figure repeated in one note is one row; mentions counts it.
-- subject: the note's subject (note_subjects), else the sentence's subject, else the note title.
with money as (
    select note_id, line, subject, metric, amount, currency, period, annualized_amount, qualifier, text
    from money_mentions
    where metric in ('revenue', 'arr', 'mrr')
),

notes as (
    select note_id, note_date, path from notes
),

subjects as (
    select note_id, subject, subject_source, title from note_subjects
),

attributed as (
    select
        coalesce(s.subject, m.subject, s.title) as subject,
        case
            when s.subject is not null then s.subject_source
            when m.subject is not null then 'sentence'
            else 'title'
        end as subject_source,
        m.* exclude (subject)
    from money as m
    join subjects as s using (note_id)
),

final as (
    select
        a.subject,
        a.metric,
        n.note_date,
        a.amount,
        a.currency,
        a.period,
        a.annualized_amount,
        min_by(a.qualifier, a.line) as qualifier,
        count(*) as mentions,
        min(a.line) as line,
        min_by(a.text, a.line) as text,
        any_value(a.subject_source) as subject_source,
        a.note_id,
        n.path
    from attributed as a
    join notes as n using (note_id)
    group by all
    order by a.subject, n.note_date nulls last, a.metric, a.amount
)

select * from final
