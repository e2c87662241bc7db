-- People leaderboard by role: in how many notes each person appears, first and last appearance.
with appearances as (
    select note_id, person_id, role from appearances
),

people as (
    select person_id, name, kind from people
),

notes as (
    select note_id, note_date from notes
),

final as (
    select
        a.person_id,
        p.name,
        p.kind,
        a.role,
        count(distinct a.note_id) as notes,
        min(n.note_date) as first_seen,
        max(n.note_date) as last_seen
    from appearances as a
    join people as p using (person_id)
    left join notes as n using (note_id)
    group by a.person_id, p.name, p.kind, a.role
    order by notes desc, p.name, a.role
)

select * from final
