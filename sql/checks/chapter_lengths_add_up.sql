-- severity: error
-- description: a chapter's length is its end minus its start, and never negative
with chapters as (
    select note_id, ordinal, start_seconds, end_seconds, length_seconds from chapters
),

final as (
    select *
    from chapters
    where length_seconds is distinct from end_seconds - start_seconds
       or length_seconds < 0
)

select * from final
