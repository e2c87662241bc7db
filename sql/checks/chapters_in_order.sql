-- severity: warning
-- description: within an episode, each chapter starts after the one before it and within the duration
with chapters as (
    select
        note_id,
        ordinal,
        start_seconds,
        lag(start_seconds) over (partition by note_id order by ordinal) as previous_start
    from chapters
),

episodes as (
    select note_id, duration_seconds from episodes
),

final as (
    select c.note_id, c.ordinal, c.start_seconds, c.previous_start, e.duration_seconds
    from chapters as c
    left join episodes as e using (note_id)
    where c.start_seconds <= c.previous_start
       or c.start_seconds > e.duration_seconds
)

select * from final
