-- Participants' live revisions and accounts, snapshot 2025-01, as of 2025-01-01T00:00:00Z (UTC).
-- Written by engagement for DuckDB and Spark SQL alike; export the result as CSV with a header.
WITH participants AS (
  SELECT username FROM (VALUES
    (concat('Ada O', chr(39), 'Brien')),
    (concat('Back', chr(92), 'slash')),
    ('Jane Doe'),
    ('Zoë Ünal')
  ) AS p(username)
)
SELECT 'revision' AS kind, h.wiki_db, h.event_user_text AS username, h.revision_id, h.page_id,
  h.page_namespace, h.page_title, h.page_namespace_is_content AS is_content,
  CAST(CAST(h.event_timestamp AS TIMESTAMP) AS STRING) AS event_timestamp,
  h.revision_text_bytes_diff AS bytes_diff, h.revision_parent_id = 0 AS creates_page,
  CAST(NULL AS STRING) AS registration, CAST(NULL AS STRING) AS user_groups
FROM wmf.mediawiki_history h
JOIN participants p ON h.event_user_text = p.username
WHERE h.snapshot = '2025-01'
  AND h.wiki_db IN ('enwiki', 'wikidatawiki', 'commonswiki')
  AND h.event_entity = 'revision' AND h.event_type = 'create'
  AND NOT coalesce(h.revision_is_deleted_by_page_deletion, false)
  AND concat_ws(',', h.revision_deleted_parts) NOT LIKE '%user%'
  AND CAST(h.event_timestamp AS TIMESTAMP) <= TIMESTAMP '2025-01-01 00:00:00'
UNION ALL
SELECT 'account' AS kind, h.wiki_db, h.user_text AS username, CAST(NULL AS BIGINT) AS revision_id, CAST(NULL AS BIGINT) AS page_id,
  CAST(NULL AS INT) AS page_namespace, CAST(NULL AS STRING) AS page_title, CAST(NULL AS BOOLEAN) AS is_content,
  CAST(NULL AS STRING) AS event_timestamp, CAST(NULL AS BIGINT) AS bytes_diff, CAST(NULL AS BOOLEAN) AS creates_page,
  min(CAST(CAST(h.user_registration_timestamp AS TIMESTAMP) AS STRING)) AS registration,
  max(concat_ws(',', h.user_groups)) AS user_groups
FROM wmf.mediawiki_history h
JOIN participants p ON h.user_text = p.username
WHERE h.snapshot = '2025-01'
  AND h.wiki_db IN ('enwiki', 'wikidatawiki', 'commonswiki')
  AND h.event_entity = 'user'
GROUP BY h.wiki_db, h.user_text
