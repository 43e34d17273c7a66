-- Every document mentioning both of two groups (or any two entities), with how often each.
-- $1, $2: entity ids (e.g. 'group:is-kp', 'group:taliban'). Mentions a reviewer rejected do not count.
SELECT
  d.id,
  d.title,
  d.date,
  CAST(SUM(CASE WHEN m.entity_id = $1 THEN 1 ELSE 0 END) AS INTEGER) AS first_mentions,
  CAST(SUM(CASE WHEN m.entity_id = $2 THEN 1 ELSE 0 END) AS INTEGER) AS second_mentions
FROM documents d
JOIN mentions m ON m.doc_id = d.id
WHERE m.entity_id IN ($1, $2)
  AND COALESCE(m.status, 'auto') <> 'rejected'
GROUP BY d.id, d.title, d.date
HAVING COUNT(DISTINCT m.entity_id) = 2
ORDER BY d.date IS NULL, d.date, d.id;
