-- One row per person and role: notes they appear in, first and last appearance.
with people_by_role as (
    select * from people_by_role
),

final as (
    select
        cast(person_id as varchar) as person_id,
        cast(name as varchar) as name,
        cast(kind as varchar) as person_kind,
        cast(role as varchar) as role,
        cast(notes as bigint) as notes,
        cast(first_seen as date) as first_seen,
        cast(last_seen as date) as last_seen
    from people_by_role
)

select * from final
