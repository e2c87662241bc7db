-- Growth figures per subject: how many, on what basis, the largest and the latest.
-- subject: the note's subject (note_subjects), else the note title.
with growth as (
    select note_id, ordinal, line, percent, basis, metric from growth_mentions
),

notes as (
    select note_id, note_date from notes
),

subjects as (
    select note_id, coalesce(subject, title) as subject from note_subjects
),

attributed as (
    select
        s.subject,
        g.*,
        n.note_date,
        -- newest note first, then the earliest line in it; undated notes count as oldest
        struct_pack(d := coalesce(n.note_date, date '0001-01-01'), l := -g.line) as recency
    from growth as g
    join subjects as s using (note_id)
    join notes as n using (note_id)
),

final as (
    select
        subject,
        count(*) as mentions,
        count(distinct note_id) as notes,
        count(*) filter (where basis = 'yoy') as yoy_mentions,
        count(*) filter (where basis = 'mom') as mom_mentions,
        max(percent) as max_percent,
        arg_max(percent, recency) as latest_percent,
        arg_max(basis, recency) as latest_basis,
        min(note_date) as first_date,
        max(note_date) as last_date
    from attributed
    group by subject
    order by mentions desc, subject
)

select * from final
