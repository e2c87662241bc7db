-- Where in an episode each kind of segment sits, per show and for all shows together.
-- relative_start is 0 at the start of the episode and 1 at its end.
with positions as (
    select note_id, show_name, segment, ordinal, relative_start, length_seconds, is_first, is_last
    from chapter_positions
),

grouped as (
    select
        coalesce(show_name, '(all shows)') as show_name,
        segment,
        count(*) as chapters,
        count(distinct note_id) as episodes,
        round(avg(relative_start), 3) as mean_relative_start,
        round(min(relative_start), 3) as min_relative_start,
        round(max(relative_start), 3) as max_relative_start,
        round(avg(ordinal), 2) as mean_ordinal,
        count(*) filter (where is_first) as first_chapters,
        count(*) filter (where is_last) as last_chapters,
        round(avg(length_seconds), 1) as mean_length_seconds,
        grouping(show_name) as is_total
    from positions
    group by grouping sets ((show_name, segment), (segment))
),

final as (
    select * exclude (is_total)
    from grouped
    order by is_total, show_name, mean_relative_start
)

select * from final
