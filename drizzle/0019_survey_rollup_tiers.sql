CREATE TABLE "survey_rollup_tiers" (
	"day" date NOT NULL,
	"family_id" uuid NOT NULL,
	"tier" text NOT NULL,
	"invited" integer DEFAULT 0 NOT NULL,
	"answered" integer DEFAULT 0 NOT NULL,
	"responses" integer DEFAULT 0 NOT NULL,
	"follow_ups" integer DEFAULT 0 NOT NULL,
	"contacted" integer DEFAULT 0 NOT NULL,
	"resolved" integer DEFAULT 0 NOT NULL,
	"no_answer" integer DEFAULT 0 NOT NULL,
	"rating_n_service_attitude" integer DEFAULT 0 NOT NULL,
	"rating_sum_service_attitude" integer DEFAULT 0 NOT NULL,
	"rating_n_delivery_speed" integer DEFAULT 0 NOT NULL,
	"rating_sum_delivery_speed" integer DEFAULT 0 NOT NULL,
	"rating_n_cargo_safety" integer DEFAULT 0 NOT NULL,
	"rating_sum_cargo_safety" integer DEFAULT 0 NOT NULL,
	"rating_n_price" integer DEFAULT 0 NOT NULL,
	"rating_sum_price" integer DEFAULT 0 NOT NULL,
	"rating_n_information" integer DEFAULT 0 NOT NULL,
	"rating_sum_information" integer DEFAULT 0 NOT NULL,
	"rating_n_overall" integer DEFAULT 0 NOT NULL,
	"rating_sum_overall" integer DEFAULT 0 NOT NULL,
	"importance_n_service_attitude" integer DEFAULT 0 NOT NULL,
	"importance_sum_service_attitude" integer DEFAULT 0 NOT NULL,
	"importance_n_delivery_speed" integer DEFAULT 0 NOT NULL,
	"importance_sum_delivery_speed" integer DEFAULT 0 NOT NULL,
	"importance_n_cargo_safety" integer DEFAULT 0 NOT NULL,
	"importance_sum_cargo_safety" integer DEFAULT 0 NOT NULL,
	"importance_n_price" integer DEFAULT 0 NOT NULL,
	"importance_sum_price" integer DEFAULT 0 NOT NULL,
	"importance_n_information" integer DEFAULT 0 NOT NULL,
	"importance_sum_information" integer DEFAULT 0 NOT NULL,
	"nps_0" integer DEFAULT 0 NOT NULL,
	"nps_1" integer DEFAULT 0 NOT NULL,
	"nps_2" integer DEFAULT 0 NOT NULL,
	"nps_3" integer DEFAULT 0 NOT NULL,
	"nps_4" integer DEFAULT 0 NOT NULL,
	"nps_5" integer DEFAULT 0 NOT NULL,
	"nps_6" integer DEFAULT 0 NOT NULL,
	"nps_7" integer DEFAULT 0 NOT NULL,
	"nps_8" integer DEFAULT 0 NOT NULL,
	"nps_9" integer DEFAULT 0 NOT NULL,
	"nps_10" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "survey_rollup_tiers_key" PRIMARY KEY("day","family_id","tier")
);
--> statement-breakpoint
-- hand-written: survey rollup by day and tier
-- survey_rollup_tiers holds the survey counters per local day, template family and the account's current
-- tier; the trigger statements of 0018 now write it beside survey_rollup (one statement, two inserts), and
-- a trigger on accounts moves an account's surveys between tiers when its tier changes. The account row is
-- read FOR SHARE, so a tier change and a survey write to the same account cannot pass each other unseen (the
-- later one waits and then sees the other's result).
-- The statements are generated from one list of counter columns (survey_rollup's, from the catalog) and
-- one rule per counter of what an answer adds, instead of spelling ~40 columns in every branch.
CREATE FUNCTION logicrm_survey_rollup_counters() RETURNS text[] LANGUAGE sql STABLE AS $$
  SELECT array_agg(attname::text ORDER BY attnum) FROM pg_attribute
   WHERE attrelid = 'survey_rollup'::regclass AND attnum > 0 AND NOT attisdropped
     AND attname NOT IN ('account_id', 'month', 'family_id')
$$;
--> statement-breakpoint
-- What one answer `a` adds to a counter (NULL for the counters of the invitation itself).
CREATE FUNCTION logicrm_survey_answer_counter(col text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN col ~ '^(rating|importance)_n_' THEN
      format('(a.kind = %L AND a.dimension = %L AND a.score IS NOT NULL)::int',
        split_part(col, '_', 1), regexp_replace(col, '^(rating|importance)_n_', ''))
    WHEN col ~ '^(rating|importance)_sum_' THEN
      format('CASE WHEN a.kind = %L AND a.dimension = %L THEN coalesce(a.score, 0) ELSE 0 END',
        split_part(col, '_', 1), regexp_replace(col, '^(rating|importance)_sum_', ''))
    WHEN col ~ '^nps_[0-9]+$' THEN format('(a.kind = %L AND a.score = %s)::int', 'nps', substr(col, 5))
  END
$$;
--> statement-breakpoint
-- Rows (account_id, day, family_id, counters…) of the invitations in `rel`: what each adds on the day it
-- was sent (invited, answered) and on the day it was submitted (the response, its follow-up, its answers).
CREATE FUNCTION logicrm_survey_invitations_x(rel text) RETURNS text LANGUAGE sql STABLE AS $f$
  SELECT format($q$
    SELECT i.account_id, (i.sent_at AT TIME ZONE z.tz)::date AS day, t.family_id, %2$s
      FROM %1$s i JOIN survey_templates t ON t.id = i.template_id
      CROSS JOIN (SELECT logicrm_survey_zone() AS tz OFFSET 0) z
    UNION ALL
    SELECT i.account_id, (i.submitted_at AT TIME ZONE z.tz)::date, t.family_id, %3$s
      FROM %1$s i JOIN survey_templates t ON t.id = i.template_id
      CROSS JOIN (SELECT logicrm_survey_zone() AS tz OFFSET 0) z
      LEFT JOIN LATERAL (SELECT %4$s FROM survey_answers a WHERE a.invitation_id = i.id) s ON true
     WHERE i.submitted_at IS NOT NULL
  $q$, rel,
    string_agg(CASE c WHEN 'invited' THEN '1' WHEN 'answered' THEN '(i.submitted_at IS NOT NULL)::int'
      ELSE '0' END || format(' AS %I', c), ', ' ORDER BY o),
    string_agg(CASE
      WHEN c = 'responses' THEN '1'
      WHEN c = 'follow_ups' THEN '(i.follow_up_task_id IS NOT NULL)::int'
      WHEN c IN ('contacted', 'resolved', 'no_answer') THEN
        format('(i.follow_up_task_id IS NOT NULL AND i.follow_up_outcome IS NOT DISTINCT FROM %L)::int', c)
      WHEN logicrm_survey_answer_counter(c) IS NOT NULL THEN format('coalesce(s.%I, 0)', c)
      ELSE '0' END, ', ' ORDER BY o),
    string_agg(format('sum(%s) AS %I', logicrm_survey_answer_counter(c), c), ', ' ORDER BY o)
      FILTER (WHERE logicrm_survey_answer_counter(c) IS NOT NULL))
  FROM unnest(logicrm_survey_rollup_counters()) WITH ORDINALITY u(c, o)
$f$;
--> statement-breakpoint
-- Rows of the answers in `rel` whose invitation is submitted, on the day it was submitted.
CREATE FUNCTION logicrm_survey_answers_x(rel text) RETURNS text LANGUAGE sql STABLE AS $f$
  SELECT format($q$
    SELECT i.account_id, (i.submitted_at AT TIME ZONE z.tz)::date AS day, t.family_id, %2$s
      FROM %1$s a JOIN survey_invitations i ON i.id = a.invitation_id AND i.submitted_at IS NOT NULL
      JOIN survey_templates t ON t.id = i.template_id CROSS JOIN (SELECT logicrm_survey_zone() AS tz OFFSET 0) z
  $q$, rel, string_agg(coalesce(logicrm_survey_answer_counter(c), '0') || format(' AS %I', c), ', ' ORDER BY o))
  FROM unnest(logicrm_survey_rollup_counters()) WITH ORDINALITY u(c, o)
$f$;
--> statement-breakpoint
-- Adds (sign 1) or removes (sign -1) the rows of `x` to survey_rollup (per account and month; only when
-- by_account) and to survey_rollup_tiers (per day, under the tier `tiers` gives: a relation (id, tier) —
-- by default the accounts' own, read FOR SHARE).
CREATE FUNCTION logicrm_survey_apply_sql(x text, sign int, tiers text, by_account boolean) RETURNS text
LANGUAGE sql STABLE AS $f$
  SELECT format($q$
    WITH x AS MATERIALIZED (%1$s)%2$s
    INSERT INTO survey_rollup_tiers AS r (day, family_id, tier, %3$s)
    SELECT x.day, x.family_id, k.tier, %4$s FROM x JOIN %5$s k ON k.id = x.account_id
     GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT ON CONSTRAINT survey_rollup_tiers_key DO UPDATE SET %6$s
  $q$, x,
    CASE WHEN by_account THEN format($a$, by_account AS (
    INSERT INTO survey_rollup AS r (account_id, month, family_id, %1$s)
    SELECT x.account_id, date_trunc('month', x.day::timestamp)::date, x.family_id, %2$s FROM x
     GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT ON CONSTRAINT survey_rollup_key DO UPDATE SET %3$s)$a$, l.cols, l.sums, l.sets) ELSE '' END,
    l.cols, l.sums,
    coalesce(tiers, '(SELECT id, tier FROM accounts WHERE id IN (SELECT account_id FROM x) FOR SHARE)'),
    l.sets)
  FROM (SELECT string_agg(format('%I', c), ', ') AS cols,
               string_agg(format('%s * sum(x.%I)', sign, c), ', ') AS sums,
               string_agg(format('%1$I = r.%1$I + EXCLUDED.%1$I', c), ', ') AS sets
          FROM unnest(logicrm_survey_rollup_counters()) c) l
$f$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION logicrm_survey_invitations_delta_sql(rel text, sign int) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT logicrm_survey_apply_sql(logicrm_survey_invitations_x(rel), sign, NULL, true)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION logicrm_survey_answers_delta_sql(rel text, sign int) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT logicrm_survey_apply_sql(logicrm_survey_answers_x(rel), sign, NULL, true)
$$;
--> statement-breakpoint
CREATE FUNCTION logicrm_accounts_survey_tier_trigger() RETURNS trigger LANGUAGE plpgsql SET jit = off AS $$
DECLARE moved text;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.tier IS DISTINCT FROM n.tier) THEN
    RETURN NULL;
  END IF;
  moved := logicrm_survey_invitations_x('(SELECT i.* FROM survey_invitations i
    JOIN old_rows o ON o.id = i.account_id JOIN new_rows n ON n.id = o.id WHERE o.tier IS DISTINCT FROM n.tier)');
  EXECUTE logicrm_survey_apply_sql(moved, -1, '(SELECT id, tier FROM old_rows)', false);
  EXECUTE logicrm_survey_apply_sql(moved, 1, '(SELECT id, tier FROM new_rows)', false);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER accounts_survey_tier_update AFTER UPDATE ON accounts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION logicrm_accounts_survey_tier_trigger();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION logicrm_rebuild_survey_rollup(zone text) RETURNS void LANGUAGE plpgsql SET jit = off AS $$
BEGIN
  INSERT INTO survey_rollup_state (id, time_zone) VALUES (1, zone)
    ON CONFLICT (id) DO UPDATE SET time_zone = EXCLUDED.time_zone;
  DELETE FROM survey_rollup;
  DELETE FROM survey_rollup_tiers;
  EXECUTE logicrm_survey_invitations_delta_sql('survey_invitations', 1);
END $$;
--> statement-breakpoint
SELECT logicrm_rebuild_survey_rollup(logicrm_survey_zone());
