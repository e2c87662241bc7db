-- One row per episode: its show, date, duration, guests, chapter count and mean chapter length.
with episodes as (
    select
        note_id,
        coalesce(show_name, '(no show)') as show_name,
        number,
        title,
        published_date,
        duration_seconds
    from episodes
),

notes as (
    select note_id, path, title as note_title, note_date from notes
),

chapters as (
    select note_id, length_seconds from chapters
),

guests as (
    select note_id, name from appearances where role = 'guest'
),

chapter_counts as (
    select
        note_id,
        count(*) as chapters,
        round(avg(length_seconds), 1) as mean_chapter_seconds
    from chapters
    group by note_id
),

guest_lists as (
    select note_id, string_agg(name, ', ' order by name) as guests
    from guests
    group by note_id
),

final as (
    select
        e.note_id,
        e.show_name,
        e.number,
        coalesce(e.title, n.note_title) as title,
        coalesce(e.published_date, n.note_date) as published_date,
        year(coalesce(e.published_date, n.note_date)) as episode_year,
        e.duration_seconds,
        round(e.duration_seconds / 60, 1) as duration_minutes,
        coalesce(c.chapters, 0) as chapters,
        c.mean_chapter_seconds,
        g.guests,
        n.path
    from episodes as e
    join notes as n using (note_id)
    left join chapter_counts as c using (note_id)
    left join guest_lists as g using (note_id)
    order by e.show_name, published_date, e.number
)

select * from final
