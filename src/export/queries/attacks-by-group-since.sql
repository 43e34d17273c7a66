-- All attacks by one group since a date, by country.
-- $1: the group's entity id (e.g. 'group:is-kp'); $2: the first day (e.g. '2024-01-01').
-- An attack's date is the date its text gives (its time role), else its document's date; its
-- country is its place role's country. Attacks whose trigger a reviewer rejected, and negated,
-- hypothetical or generic ones ("attacks abroad"), do not count.
SELECT
  f.country,
  (SELECT MIN(c.name) FROM entities c WHERE c.id = f.country) AS country_name,
  CAST(COUNT(*) AS INTEGER) AS attacks,
  MIN(f.event_date) AS first_date,
  MAX(f.event_date) AS last_date
FROM event_facts f
WHERE f.type = 'attack'
  AND f.event_date >= $2
  AND f.status <> 'rejected'
  AND f.factuality NOT IN ('negated', 'hypothetical', 'generic')
  AND EXISTS (
    SELECT 1 FROM event_roles r
    JOIN mentions m ON m.doc_id = r.doc_id AND m.id = r.mention_id
    WHERE r.doc_id = f.doc_id AND r.event_id = f.event_id AND r.role = 'actor' AND m.entity_id = $1
  )
GROUP BY f.country
ORDER BY attacks DESC, f.country IS NULL, f.country;
