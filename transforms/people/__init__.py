"""People in a note: which field or line names a role and how its value splits into names
(``names``, with ``words``), role sections and credit lines of the body (``credits``), and
the appearance rows with stable person ids (``rows``).
The ``people`` table itself is made across notes, in ``sql/link/people.sql``.

Tables: appearances, people
Cases: tests/unit/transforms/people/test_names.py, tests/unit/transforms/people/test_credits.py,
    tests/unit/transforms/people/test_people_rows.py
Read by: views/co_appearances, views/coverage, views/episode_detail, views/growth_by_subject,
    views/latest_revenue, views/note_subjects, views/people_by_role, views/revenue_timeline,
    marts/episode_facts, marts/people_leaderboard, marts/revenue_facts,
    checks/child_rows_have_notes, checks/keys_unique, checks/references_resolve,
    checks/values_in_their_sets, link/mentioned_appearances, link/people, link/reset
"""
