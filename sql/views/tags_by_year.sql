-- Tags over time: notes per tag and year of the note's date (NULL for undated notes).
with tags as (
    select distinct note_id, tag from tags
),

notes as (
    select note_id, year(note_date) as note_year from notes
),

final as (
    select
        t.tag,
        n.note_year,
        count(*) as notes
    from tags as t
    join notes as n using (note_id)
    group by t.tag, n.note_year
    order by t.tag, n.note_year nulls last
)

select * from final
