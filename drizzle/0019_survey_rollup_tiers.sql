CREATE TABLE "survey_rollup_tiers" (
	"month" date NOT NULL,
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
	CONSTRAINT "survey_rollup_tiers_key" PRIMARY KEY("month","family_id","tier")
);
--> statement-breakpoint
-- hand-written: survey rollup by tier
-- survey_rollup_tiers holds survey_rollup's counters summed per month, family and the account's current
-- tier. A statement trigger on survey_rollup adds what its rows gain or lose under their account's tier;
-- one on accounts moves an account's rows to its new tier. The account row is read FOR SHARE, so a
-- tier change and a survey write to the same account cannot pass each other unseen (the later one waits
-- and then sees the other's result). The counter columns are read from the catalog: one list, not five.
CREATE FUNCTION logicrm_survey_rollup_counters() RETURNS text[] LANGUAGE sql STABLE AS $$
  SELECT array_agg(attname::text ORDER BY attnum) FROM pg_attribute
   WHERE attrelid = 'survey_rollup_tiers'::regclass AND attnum > 0 AND NOT attisdropped
     AND attname NOT IN ('month', 'family_id', 'tier')
$$;
--> statement-breakpoint
-- Adds (sign 1) or removes (sign -1) the rows of `source`: survey_rollup rows with a `tier` column.
CREATE FUNCTION logicrm_survey_tier_delta_sql(source text, sign int) RETURNS text LANGUAGE sql STABLE AS $f$
  SELECT format($q$
    INSERT INTO survey_rollup_tiers AS t (month, family_id, tier, %2$s)
    SELECT r.month, r.family_id, r.tier, %3$s FROM %1$s r
     GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT ON CONSTRAINT survey_rollup_tiers_key DO UPDATE SET %4$s
  $q$, source,
    string_agg(format('%I', c), ', '),
    string_agg(format('%s * sum(r.%I)', sign, c), ', '),
    string_agg(format('%1$I = t.%1$I + EXCLUDED.%1$I', c), ', '))
  FROM unnest(logicrm_survey_rollup_counters()) c
$f$;
--> statement-breakpoint
CREATE FUNCTION logicrm_survey_rollup_tiers_trigger() RETURNS trigger LANGUAGE plpgsql SET jit = off AS $$
BEGIN
  -- old_rows and new_rows exist only for the operations that have them: one test per branch
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    EXECUTE logicrm_survey_tier_delta_sql(
      '(SELECT o.*, a.tier FROM old_rows o JOIN accounts a ON a.id = o.account_id FOR SHARE OF a)', -1);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    EXECUTE logicrm_survey_tier_delta_sql(
      '(SELECT n.*, a.tier FROM new_rows n JOIN accounts a ON a.id = n.account_id FOR SHARE OF a)', 1);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER survey_rollup_tiers_insert AFTER INSERT ON survey_rollup REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION logicrm_survey_rollup_tiers_trigger();
--> statement-breakpoint
CREATE TRIGGER survey_rollup_tiers_update AFTER UPDATE ON survey_rollup REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION logicrm_survey_rollup_tiers_trigger();
--> statement-breakpoint
CREATE TRIGGER survey_rollup_tiers_delete AFTER DELETE ON survey_rollup REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION logicrm_survey_rollup_tiers_trigger();
--> statement-breakpoint
CREATE FUNCTION logicrm_accounts_survey_tier_trigger() RETURNS trigger LANGUAGE plpgsql SET jit = off AS $$
DECLARE moved text := '(SELECT r.*, %s.tier FROM survey_rollup r JOIN old_rows o ON o.id = r.account_id
  JOIN new_rows n ON n.id = o.id WHERE o.tier IS DISTINCT FROM n.tier)';
BEGIN
  IF NOT EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.tier IS DISTINCT FROM n.tier) THEN
    RETURN NULL;
  END IF;
  EXECUTE logicrm_survey_tier_delta_sql(format(moved, 'o'), -1);
  EXECUTE logicrm_survey_tier_delta_sql(format(moved, 'n'), 1);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER accounts_survey_tier_update AFTER UPDATE ON accounts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION logicrm_accounts_survey_tier_trigger();
--> statement-breakpoint
-- the rebuild of 0018, which also clears the tier sums it has just taken back to zero
CREATE OR REPLACE FUNCTION logicrm_rebuild_survey_rollup(zone text) RETURNS void LANGUAGE plpgsql SET jit = off AS $$
BEGIN
  INSERT INTO survey_rollup_state (id, time_zone) VALUES (1, zone)
    ON CONFLICT (id) DO UPDATE SET time_zone = EXCLUDED.time_zone;
  DELETE FROM survey_rollup;
  DELETE FROM survey_rollup_tiers;
  EXECUTE logicrm_survey_invitations_delta_sql('survey_invitations', 1);
END $$;
--> statement-breakpoint
DO $$ BEGIN
  EXECUTE logicrm_survey_tier_delta_sql(
    '(SELECT r.*, a.tier FROM survey_rollup r JOIN accounts a ON a.id = r.account_id)', 1);
END $$;
