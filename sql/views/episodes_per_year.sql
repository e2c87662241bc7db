-- Episodes per show and year: count, total, mean and median duration.
with episodes as (
    select
        note_id,
        coalesce(show_name, '(no show)') as show_name,
        published_date,
        duration_seconds
    from episodes
),

notes as (
    select note_id, note_date from notes
),

dated as (
    select
        e.show_name,
        year(coalesce(e.published_date, n.note_date)) as episode_year,
        e.duration_seconds
    from episodes as e
    left join notes as n using (note_id)
),

final as (
    select
        show_name,
        episode_year,
        count(*) as episodes,
        cast(sum(duration_seconds) as bigint) as total_seconds,
        round(avg(duration_seconds), 1) as mean_seconds,
        median(duration_seconds) as median_seconds
    from dated
    group by show_name, episode_year
    order by show_name, episode_year
)

select * from final
