-- The groups most mentioned per month (the month of the document's date), the top $1 of each month.
-- $1: how many groups per month (e.g. 3). Mentions a reviewer rejected do not count.
WITH counts AS (
  SELECT
    substr(d.date, 1, 7) AS month,
    m.entity_id AS group_id,
    COUNT(*) AS mentions,
    COUNT(DISTINCT m.doc_id) AS documents
  FROM mentions m
  JOIN documents d ON d.id = m.doc_id
  WHERE m.type = 'group' AND m.entity_id IS NOT NULL AND d.date IS NOT NULL
    AND COALESCE(m.status, 'auto') <> 'rejected'
  GROUP BY substr(d.date, 1, 7), m.entity_id
),
ranked AS (
  SELECT c.*, ROW_NUMBER() OVER (PARTITION BY c.month ORDER BY c.mentions DESC, c.group_id) AS month_rank
  FROM counts c
)
SELECT
  r.month,
  CAST(r.month_rank AS INTEGER) AS month_rank,
  r.group_id,
  (SELECT MIN(e.name) FROM entities e WHERE e.id = r.group_id) AS group_name,
  CAST(r.mentions AS INTEGER) AS mentions,
  CAST(r.documents AS INTEGER) AS documents
FROM ranked r
WHERE r.month_rank <= $1
ORDER BY r.month, r.month_rank;
