-- One row per chapter: the kind of segment its title names and where in the episode it starts.
-- Segments: sponsor, q_and_a, intro, outro, or other; the first pattern that matches wins.
with chapters as (
    select note_id, ordinal, start_seconds, length_seconds, title from chapters
),

episodes as (
    select note_id, coalesce(show_name, '(no show)') as show_name, duration_seconds
    from episodes
),

segment_patterns as (
    select * from (values
        (1, 'sponsor', '(sponsor|brought to you|a word from|ad break|advert|广告|赞助)'),
        (2, 'q_and_a', '(q ?& ?a|listener (question|mail)|questions from|mailbag|lightning round|ask me anything|问答|提问)'),
        (3, 'intro', '(^|[^a-z])(intro|cold open|welcome to|opening)|开场|片头'),
        (4, 'outro', '(goodbye|wrap-up|wrap up|outro|sign-off|signing off|where to find|get in touch|see you next|结尾|尾声)')
    ) as t(priority, segment, pattern)
),

episode_bounds as (
    select
        c.note_id,
        count(*) as episode_chapters,
        coalesce(max(e.duration_seconds), max(c.start_seconds + c.length_seconds)) as episode_seconds
    from chapters as c
    left join episodes as e using (note_id)
    group by c.note_id
),

matched as (
    select c.note_id, c.ordinal, min_by(p.segment, p.priority) as segment
    from chapters as c
    join segment_patterns as p on regexp_matches(lower(c.title), p.pattern)
    group by c.note_id, c.ordinal
),

final as (
    select
        c.note_id,
        coalesce(e.show_name, '(no show)') as show_name,
        c.ordinal,
        b.episode_chapters,
        coalesce(m.segment, 'other') as segment,
        c.start_seconds,
        c.length_seconds,
        b.episode_seconds,
        round(c.start_seconds / nullif(b.episode_seconds, 0), 4) as relative_start,
        c.ordinal = 1 as is_first,
        c.ordinal = b.episode_chapters as is_last,
        c.title
    from chapters as c
    join episode_bounds as b using (note_id)
    left join episodes as e using (note_id)
    left join matched as m using (note_id, ordinal)
    order by c.note_id, c.ordinal
)

select * from final
