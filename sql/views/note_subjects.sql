-- Whom a note is about: a profile's subject, else an episode's guests; NULL for other notes.
-- revenue_timeline and growth_by_subject attribute a note's figures to this subject.
with appearances as (
    select note_id, role, name from appearances where role in ('subject', 'guest')
),

notes as (
    select note_id, title from notes
),

named as (
    select
        note_id,
        string_agg(distinct name, ' & ' order by name) filter (where role = 'subject') as subjects,
        string_agg(distinct name, ' & ' order by name) filter (where role = 'guest') as guests
    from appearances
    group by note_id
),

final as (
    select
        n.note_id,
        coalesce(s.subjects, s.guests) as subject,
        case
            when s.subjects is not null then 'profile'
            when s.guests is not null then 'guests'
        end as subject_source,
        n.title
    from notes as n
    left join named as s using (note_id)
)

select * from final
