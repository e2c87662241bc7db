-- severity: error
-- description: the build's own records are sound: one runs row per run id, and issue severities from their set
-- (kept apart from the note checks: it reads only the tables every run rewrites)
with runs_by_id as (
    select 'runs.run_id' as problem, run_id as value, count(*) as rows_with_value
    from runs
    group by run_id
    having count(*) > 1 or run_id is null
),

severities as (
    select 'parse_issues.severity' as problem, severity as value, count(*) as rows_with_value
    from parse_issues
    where severity not in ('error', 'warning') or severity is null
    group by severity
),

final as (
    select * from runs_by_id
    union all
    select * from severities
)

select * from final
