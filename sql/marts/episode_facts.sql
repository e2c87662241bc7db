-- One row per episode, for the dashboard and BI tools: show, date, duration, chapters, guests.
with detail as (
    select * from episode_detail
),

final as (
    select
        cast(note_id as varchar) as note_id,
        cast(show_name as varchar) as show_name,
        cast(number as bigint) as episode_number,
        cast(title as varchar) as title,
        cast(published_date as date) as published_date,
        cast(episode_year as integer) as episode_year,
        cast(duration_seconds as bigint) as duration_seconds,
        cast(duration_seconds / 60 as double) as duration_minutes,
        cast(chapters as bigint) as chapters,
        cast(mean_chapter_seconds as double) as mean_chapter_seconds,
        cast(guests as varchar) as guests,
        cast(path as varchar) as path
    from detail
)

select * from final
