-- Link domains over time: links and notes per domain and year of the note's date.
with links as (
    select note_id, domain from links where domain is not null
),

notes as (
    select note_id, year(note_date) as note_year from notes
),

final as (
    select
        l.domain,
        n.note_year,
        count(*) as links,
        count(distinct l.note_id) as notes
    from links as l
    join notes as n using (note_id)
    group by l.domain, n.note_year
    order by l.domain, n.note_year nulls last
)

select * from final
