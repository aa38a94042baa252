CREATE TABLE "survey_rollup" (
	"account_id" uuid NOT NULL,
	"month" date NOT NULL,
	"family_id" uuid NOT NULL,
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
	CONSTRAINT "survey_rollup_key" PRIMARY KEY("account_id","month","family_id")
);
--> statement-breakpoint
CREATE TABLE "survey_rollup_state" (
	"id" integer PRIMARY KEY NOT NULL,
	"time_zone" text NOT NULL
);
--> statement-breakpoint
-- hand-written: survey rollup
-- survey_rollup is kept exact by statement triggers (set-based, same transaction) on every write to
-- survey_invitations and survey_answers; an answer counts once its invitation is submitted, in the
-- month it was submitted. logicrm_rebuild_survey_rollup(zone) rebuilds it from scratch. JIT compiling the
-- wide sums costs far more than running them, hence jit = off in these functions.
-- The zone is read in an OFFSET 0 subquery: once per statement, not once per row (as the shipment
-- KPI rollup triggers do).
CREATE FUNCTION logicrm_survey_zone() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT coalesce((SELECT time_zone FROM survey_rollup_state WHERE id = 1), 'Asia/Shanghai')
$$;
--> statement-breakpoint
-- Adds (sign 1) or removes (sign -1) what the invitations in `rel` contribute, with their answers.
CREATE FUNCTION logicrm_survey_invitations_delta_sql(rel text, sign int) RETURNS text LANGUAGE sql IMMUTABLE AS $f$
SELECT format($q$
  INSERT INTO survey_rollup AS r (account_id, month, family_id, invited, answered, responses, follow_ups, contacted, resolved, no_answer, rating_n_service_attitude, rating_sum_service_attitude, rating_n_delivery_speed, rating_sum_delivery_speed, rating_n_cargo_safety, rating_sum_cargo_safety, rating_n_price, rating_sum_price, rating_n_information, rating_sum_information, rating_n_overall, rating_sum_overall, importance_n_service_attitude, importance_sum_service_attitude, importance_n_delivery_speed, importance_sum_delivery_speed, importance_n_cargo_safety, importance_sum_cargo_safety, importance_n_price, importance_sum_price, importance_n_information, importance_sum_information, nps_0, nps_1, nps_2, nps_3, nps_4, nps_5, nps_6, nps_7, nps_8, nps_9, nps_10)
  SELECT account_id, month, family_id,
      %2$s * sum(invited),
      %2$s * sum(answered),
      %2$s * sum(responses),
      %2$s * sum(follow_ups),
      %2$s * sum(contacted),
      %2$s * sum(resolved),
      %2$s * sum(no_answer),
      %2$s * sum(rating_n_service_attitude),
      %2$s * sum(rating_sum_service_attitude),
      %2$s * sum(rating_n_delivery_speed),
      %2$s * sum(rating_sum_delivery_speed),
      %2$s * sum(rating_n_cargo_safety),
      %2$s * sum(rating_sum_cargo_safety),
      %2$s * sum(rating_n_price),
      %2$s * sum(rating_sum_price),
      %2$s * sum(rating_n_information),
      %2$s * sum(rating_sum_information),
      %2$s * sum(rating_n_overall),
      %2$s * sum(rating_sum_overall),
      %2$s * sum(importance_n_service_attitude),
      %2$s * sum(importance_sum_service_attitude),
      %2$s * sum(importance_n_delivery_speed),
      %2$s * sum(importance_sum_delivery_speed),
      %2$s * sum(importance_n_cargo_safety),
      %2$s * sum(importance_sum_cargo_safety),
      %2$s * sum(importance_n_price),
      %2$s * sum(importance_sum_price),
      %2$s * sum(importance_n_information),
      %2$s * sum(importance_sum_information),
      %2$s * sum(nps_0),
      %2$s * sum(nps_1),
      %2$s * sum(nps_2),
      %2$s * sum(nps_3),
      %2$s * sum(nps_4),
      %2$s * sum(nps_5),
      %2$s * sum(nps_6),
      %2$s * sum(nps_7),
      %2$s * sum(nps_8),
      %2$s * sum(nps_9),
      %2$s * sum(nps_10)
  FROM (
    SELECT i.account_id, date_trunc('month', i.sent_at AT TIME ZONE z.tz)::date AS month, t.family_id,
      1 AS invited, (i.submitted_at IS NOT NULL)::int AS answered, 0 AS responses, 0 AS follow_ups,
      0 AS contacted, 0 AS resolved, 0 AS no_answer, 0 AS rating_n_service_attitude, 0 AS rating_sum_service_attitude, 0 AS rating_n_delivery_speed, 0 AS rating_sum_delivery_speed, 0 AS rating_n_cargo_safety, 0 AS rating_sum_cargo_safety, 0 AS rating_n_price, 0 AS rating_sum_price, 0 AS rating_n_information, 0 AS rating_sum_information, 0 AS rating_n_overall, 0 AS rating_sum_overall, 0 AS importance_n_service_attitude, 0 AS importance_sum_service_attitude, 0 AS importance_n_delivery_speed, 0 AS importance_sum_delivery_speed, 0 AS importance_n_cargo_safety, 0 AS importance_sum_cargo_safety, 0 AS importance_n_price, 0 AS importance_sum_price, 0 AS importance_n_information, 0 AS importance_sum_information, 0 AS nps_0, 0 AS nps_1, 0 AS nps_2, 0 AS nps_3, 0 AS nps_4, 0 AS nps_5, 0 AS nps_6, 0 AS nps_7, 0 AS nps_8, 0 AS nps_9, 0 AS nps_10
    FROM %1$s i JOIN survey_templates t ON t.id = i.template_id CROSS JOIN (SELECT logicrm_survey_zone() AS tz OFFSET 0) z
    UNION ALL
    SELECT i.account_id, date_trunc('month', i.submitted_at AT TIME ZONE z.tz)::date, t.family_id, 0, 0, 1,
      (i.follow_up_task_id IS NOT NULL)::int,
      (i.follow_up_task_id IS NOT NULL AND i.follow_up_outcome IS NOT DISTINCT FROM 'contacted')::int,
      (i.follow_up_task_id IS NOT NULL AND i.follow_up_outcome IS NOT DISTINCT FROM 'resolved')::int,
      (i.follow_up_task_id IS NOT NULL AND i.follow_up_outcome IS NOT DISTINCT FROM 'no_answer')::int,
      coalesce(s.rating_n_service_attitude, 0), coalesce(s.rating_sum_service_attitude, 0), coalesce(s.rating_n_delivery_speed, 0), coalesce(s.rating_sum_delivery_speed, 0), coalesce(s.rating_n_cargo_safety, 0), coalesce(s.rating_sum_cargo_safety, 0), coalesce(s.rating_n_price, 0), coalesce(s.rating_sum_price, 0), coalesce(s.rating_n_information, 0), coalesce(s.rating_sum_information, 0), coalesce(s.rating_n_overall, 0), coalesce(s.rating_sum_overall, 0), coalesce(s.importance_n_service_attitude, 0), coalesce(s.importance_sum_service_attitude, 0), coalesce(s.importance_n_delivery_speed, 0), coalesce(s.importance_sum_delivery_speed, 0), coalesce(s.importance_n_cargo_safety, 0), coalesce(s.importance_sum_cargo_safety, 0), coalesce(s.importance_n_price, 0), coalesce(s.importance_sum_price, 0), coalesce(s.importance_n_information, 0), coalesce(s.importance_sum_information, 0), coalesce(s.nps_0, 0), coalesce(s.nps_1, 0), coalesce(s.nps_2, 0), coalesce(s.nps_3, 0), coalesce(s.nps_4, 0), coalesce(s.nps_5, 0), coalesce(s.nps_6, 0), coalesce(s.nps_7, 0), coalesce(s.nps_8, 0), coalesce(s.nps_9, 0), coalesce(s.nps_10, 0)
    FROM %1$s i JOIN survey_templates t ON t.id = i.template_id CROSS JOIN (SELECT logicrm_survey_zone() AS tz OFFSET 0) z
    LEFT JOIN LATERAL (
      SELECT sum((a.kind = 'rating' AND a.dimension = 'service_attitude' AND a.score IS NOT NULL)::int) AS rating_n_service_attitude,
          sum(CASE WHEN a.kind = 'rating' AND a.dimension = 'service_attitude' THEN coalesce(a.score, 0) ELSE 0 END) AS rating_sum_service_attitude,
          sum((a.kind = 'rating' AND a.dimension = 'delivery_speed' AND a.score IS NOT NULL)::int) AS rating_n_delivery_speed,
          sum(CASE WHEN a.kind = 'rating' AND a.dimension = 'delivery_speed' THEN coalesce(a.score, 0) ELSE 0 END) AS rating_sum_delivery_speed,
          sum((a.kind = 'rating' AND a.dimension = 'cargo_safety' AND a.score IS NOT NULL)::int) AS rating_n_cargo_safety,
          sum(CASE WHEN a.kind = 'rating' AND a.dimension = 'cargo_safety' THEN coalesce(a.score, 0) ELSE 0 END) AS rating_sum_cargo_safety,
          sum((a.kind = 'rating' AND a.dimension = 'price' AND a.score IS NOT NULL)::int) AS rating_n_price,
          sum(CASE WHEN a.kind = 'rating' AND a.dimension = 'price' THEN coalesce(a.score, 0) ELSE 0 END) AS rating_sum_price,
          sum((a.kind = 'rating' AND a.dimension = 'information' AND a.score IS NOT NULL)::int) AS rating_n_information,
          sum(CASE WHEN a.kind = 'rating' AND a.dimension = 'information' THEN coalesce(a.score, 0) ELSE 0 END) AS rating_sum_information,
          sum((a.kind = 'rating' AND a.dimension = 'overall' AND a.score IS NOT NULL)::int) AS rating_n_overall,
          sum(CASE WHEN a.kind = 'rating' AND a.dimension = 'overall' THEN coalesce(a.score, 0) ELSE 0 END) AS rating_sum_overall,
          sum((a.kind = 'importance' AND a.dimension = 'service_attitude' AND a.score IS NOT NULL)::int) AS importance_n_service_attitude,
          sum(CASE WHEN a.kind = 'importance' AND a.dimension = 'service_attitude' THEN coalesce(a.score, 0) ELSE 0 END) AS importance_sum_service_attitude,
          sum((a.kind = 'importance' AND a.dimension = 'delivery_speed' AND a.score IS NOT NULL)::int) AS importance_n_delivery_speed,
          sum(CASE WHEN a.kind = 'importance' AND a.dimension = 'delivery_speed' THEN coalesce(a.score, 0) ELSE 0 END) AS importance_sum_delivery_speed,
          sum((a.kind = 'importance' AND a.dimension = 'cargo_safety' AND a.score IS NOT NULL)::int) AS importance_n_cargo_safety,
          sum(CASE WHEN a.kind = 'importance' AND a.dimension = 'cargo_safety' THEN coalesce(a.score, 0) ELSE 0 END) AS importance_sum_cargo_safety,
          sum((a.kind = 'importance' AND a.dimension = 'price' AND a.score IS NOT NULL)::int) AS importance_n_price,
          sum(CASE WHEN a.kind = 'importance' AND a.dimension = 'price' THEN coalesce(a.score, 0) ELSE 0 END) AS importance_sum_price,
          sum((a.kind = 'importance' AND a.dimension = 'information' AND a.score IS NOT NULL)::int) AS importance_n_information,
          sum(CASE WHEN a.kind = 'importance' AND a.dimension = 'information' THEN coalesce(a.score, 0) ELSE 0 END) AS importance_sum_information,
          sum((a.kind = 'nps' AND a.score = 0)::int) AS nps_0,
          sum((a.kind = 'nps' AND a.score = 1)::int) AS nps_1,
          sum((a.kind = 'nps' AND a.score = 2)::int) AS nps_2,
          sum((a.kind = 'nps' AND a.score = 3)::int) AS nps_3,
          sum((a.kind = 'nps' AND a.score = 4)::int) AS nps_4,
          sum((a.kind = 'nps' AND a.score = 5)::int) AS nps_5,
          sum((a.kind = 'nps' AND a.score = 6)::int) AS nps_6,
          sum((a.kind = 'nps' AND a.score = 7)::int) AS nps_7,
          sum((a.kind = 'nps' AND a.score = 8)::int) AS nps_8,
          sum((a.kind = 'nps' AND a.score = 9)::int) AS nps_9,
          sum((a.kind = 'nps' AND a.score = 10)::int) AS nps_10
      FROM survey_answers a WHERE a.invitation_id = i.id) s ON true
    WHERE i.submitted_at IS NOT NULL
  ) x
  GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT ON CONSTRAINT survey_rollup_key DO UPDATE SET
      invited = r.invited + EXCLUDED.invited,
      answered = r.answered + EXCLUDED.answered,
      responses = r.responses + EXCLUDED.responses,
      follow_ups = r.follow_ups + EXCLUDED.follow_ups,
      contacted = r.contacted + EXCLUDED.contacted,
      resolved = r.resolved + EXCLUDED.resolved,
      no_answer = r.no_answer + EXCLUDED.no_answer,
      rating_n_service_attitude = r.rating_n_service_attitude + EXCLUDED.rating_n_service_attitude,
      rating_sum_service_attitude = r.rating_sum_service_attitude + EXCLUDED.rating_sum_service_attitude,
      rating_n_delivery_speed = r.rating_n_delivery_speed + EXCLUDED.rating_n_delivery_speed,
      rating_sum_delivery_speed = r.rating_sum_delivery_speed + EXCLUDED.rating_sum_delivery_speed,
      rating_n_cargo_safety = r.rating_n_cargo_safety + EXCLUDED.rating_n_cargo_safety,
      rating_sum_cargo_safety = r.rating_sum_cargo_safety + EXCLUDED.rating_sum_cargo_safety,
      rating_n_price = r.rating_n_price + EXCLUDED.rating_n_price,
      rating_sum_price = r.rating_sum_price + EXCLUDED.rating_sum_price,
      rating_n_information = r.rating_n_information + EXCLUDED.rating_n_information,
      rating_sum_information = r.rating_sum_information + EXCLUDED.rating_sum_information,
      rating_n_overall = r.rating_n_overall + EXCLUDED.rating_n_overall,
      rating_sum_overall = r.rating_sum_overall + EXCLUDED.rating_sum_overall,
      importance_n_service_attitude = r.importance_n_service_attitude + EXCLUDED.importance_n_service_attitude,
      importance_sum_service_attitude = r.importance_sum_service_attitude + EXCLUDED.importance_sum_service_attitude,
      importance_n_delivery_speed = r.importance_n_delivery_speed + EXCLUDED.importance_n_delivery_speed,
      importance_sum_delivery_speed = r.importance_sum_delivery_speed + EXCLUDED.importance_sum_delivery_speed,
      importance_n_cargo_safety = r.importance_n_cargo_safety + EXCLUDED.importance_n_cargo_safety,
      importance_sum_cargo_safety = r.importance_sum_cargo_safety + EXCLUDED.importance_sum_cargo_safety,
      importance_n_price = r.importance_n_price + EXCLUDED.importance_n_price,
      importance_sum_price = r.importance_sum_price + EXCLUDED.importance_sum_price,
      importance_n_information = r.importance_n_information + EXCLUDED.importance_n_information,
      importance_sum_information = r.importance_sum_information + EXCLUDED.importance_sum_information,
      nps_0 = r.nps_0 + EXCLUDED.nps_0,
      nps_1 = r.nps_1 + EXCLUDED.nps_1,
      nps_2 = r.nps_2 + EXCLUDED.nps_2,
      nps_3 = r.nps_3 + EXCLUDED.nps_3,
      nps_4 = r.nps_4 + EXCLUDED.nps_4,
      nps_5 = r.nps_5 + EXCLUDED.nps_5,
      nps_6 = r.nps_6 + EXCLUDED.nps_6,
      nps_7 = r.nps_7 + EXCLUDED.nps_7,
      nps_8 = r.nps_8 + EXCLUDED.nps_8,
      nps_9 = r.nps_9 + EXCLUDED.nps_9,
      nps_10 = r.nps_10 + EXCLUDED.nps_10
$q$, rel, sign)
$f$;
--> statement-breakpoint
-- Adds or removes what the answers in `rel` contribute (answers of submitted invitations only).
CREATE FUNCTION logicrm_survey_answers_delta_sql(rel text, sign int) RETURNS text LANGUAGE sql IMMUTABLE AS $f$
SELECT format($q$
  INSERT INTO survey_rollup AS r (account_id, month, family_id, invited, answered, responses, follow_ups, contacted, resolved, no_answer, rating_n_service_attitude, rating_sum_service_attitude, rating_n_delivery_speed, rating_sum_delivery_speed, rating_n_cargo_safety, rating_sum_cargo_safety, rating_n_price, rating_sum_price, rating_n_information, rating_sum_information, rating_n_overall, rating_sum_overall, importance_n_service_attitude, importance_sum_service_attitude, importance_n_delivery_speed, importance_sum_delivery_speed, importance_n_cargo_safety, importance_sum_cargo_safety, importance_n_price, importance_sum_price, importance_n_information, importance_sum_information, nps_0, nps_1, nps_2, nps_3, nps_4, nps_5, nps_6, nps_7, nps_8, nps_9, nps_10)
  SELECT account_id, month, family_id,
      %2$s * sum(invited),
      %2$s * sum(answered),
      %2$s * sum(responses),
      %2$s * sum(follow_ups),
      %2$s * sum(contacted),
      %2$s * sum(resolved),
      %2$s * sum(no_answer),
      %2$s * sum(rating_n_service_attitude),
      %2$s * sum(rating_sum_service_attitude),
      %2$s * sum(rating_n_delivery_speed),
      %2$s * sum(rating_sum_delivery_speed),
      %2$s * sum(rating_n_cargo_safety),
      %2$s * sum(rating_sum_cargo_safety),
      %2$s * sum(rating_n_price),
      %2$s * sum(rating_sum_price),
      %2$s * sum(rating_n_information),
      %2$s * sum(rating_sum_information),
      %2$s * sum(rating_n_overall),
      %2$s * sum(rating_sum_overall),
      %2$s * sum(importance_n_service_attitude),
      %2$s * sum(importance_sum_service_attitude),
      %2$s * sum(importance_n_delivery_speed),
      %2$s * sum(importance_sum_delivery_speed),
      %2$s * sum(importance_n_cargo_safety),
      %2$s * sum(importance_sum_cargo_safety),
      %2$s * sum(importance_n_price),
      %2$s * sum(importance_sum_price),
      %2$s * sum(importance_n_information),
      %2$s * sum(importance_sum_information),
      %2$s * sum(nps_0),
      %2$s * sum(nps_1),
      %2$s * sum(nps_2),
      %2$s * sum(nps_3),
      %2$s * sum(nps_4),
      %2$s * sum(nps_5),
      %2$s * sum(nps_6),
      %2$s * sum(nps_7),
      %2$s * sum(nps_8),
      %2$s * sum(nps_9),
      %2$s * sum(nps_10)
  FROM (
    SELECT i.account_id, date_trunc('month', i.submitted_at AT TIME ZONE z.tz)::date AS month, t.family_id,
      0 AS invited, 0 AS answered, 0 AS responses, 0 AS follow_ups, 0 AS contacted, 0 AS resolved, 0 AS no_answer,
        (a.kind = 'rating' AND a.dimension = 'service_attitude' AND a.score IS NOT NULL)::int AS rating_n_service_attitude,
        CASE WHEN a.kind = 'rating' AND a.dimension = 'service_attitude' THEN coalesce(a.score, 0) ELSE 0 END AS rating_sum_service_attitude,
        (a.kind = 'rating' AND a.dimension = 'delivery_speed' AND a.score IS NOT NULL)::int AS rating_n_delivery_speed,
        CASE WHEN a.kind = 'rating' AND a.dimension = 'delivery_speed' THEN coalesce(a.score, 0) ELSE 0 END AS rating_sum_delivery_speed,
        (a.kind = 'rating' AND a.dimension = 'cargo_safety' AND a.score IS NOT NULL)::int AS rating_n_cargo_safety,
        CASE WHEN a.kind = 'rating' AND a.dimension = 'cargo_safety' THEN coalesce(a.score, 0) ELSE 0 END AS rating_sum_cargo_safety,
        (a.kind = 'rating' AND a.dimension = 'price' AND a.score IS NOT NULL)::int AS rating_n_price,
        CASE WHEN a.kind = 'rating' AND a.dimension = 'price' THEN coalesce(a.score, 0) ELSE 0 END AS rating_sum_price,
        (a.kind = 'rating' AND a.dimension = 'information' AND a.score IS NOT NULL)::int AS rating_n_information,
        CASE WHEN a.kind = 'rating' AND a.dimension = 'information' THEN coalesce(a.score, 0) ELSE 0 END AS rating_sum_information,
        (a.kind = 'rating' AND a.dimension = 'overall' AND a.score IS NOT NULL)::int AS rating_n_overall,
        CASE WHEN a.kind = 'rating' AND a.dimension = 'overall' THEN coalesce(a.score, 0) ELSE 0 END AS rating_sum_overall,
        (a.kind = 'importance' AND a.dimension = 'service_attitude' AND a.score IS NOT NULL)::int AS importance_n_service_attitude,
        CASE WHEN a.kind = 'importance' AND a.dimension = 'service_attitude' THEN coalesce(a.score, 0) ELSE 0 END AS importance_sum_service_attitude,
        (a.kind = 'importance' AND a.dimension = 'delivery_speed' AND a.score IS NOT NULL)::int AS importance_n_delivery_speed,
        CASE WHEN a.kind = 'importance' AND a.dimension = 'delivery_speed' THEN coalesce(a.score, 0) ELSE 0 END AS importance_sum_delivery_speed,
        (a.kind = 'importance' AND a.dimension = 'cargo_safety' AND a.score IS NOT NULL)::int AS importance_n_cargo_safety,
        CASE WHEN a.kind = 'importance' AND a.dimension = 'cargo_safety' THEN coalesce(a.score, 0) ELSE 0 END AS importance_sum_cargo_safety,
        (a.kind = 'importance' AND a.dimension = 'price' AND a.score IS NOT NULL)::int AS importance_n_price,
        CASE WHEN a.kind = 'importance' AND a.dimension = 'price' THEN coalesce(a.score, 0) ELSE 0 END AS importance_sum_price,
        (a.kind = 'importance' AND a.dimension = 'information' AND a.score IS NOT NULL)::int AS importance_n_information,
        CASE WHEN a.kind = 'importance' AND a.dimension = 'information' THEN coalesce(a.score, 0) ELSE 0 END AS importance_sum_information,
        (a.kind = 'nps' AND a.score = 0)::int AS nps_0,
        (a.kind = 'nps' AND a.score = 1)::int AS nps_1,
        (a.kind = 'nps' AND a.score = 2)::int AS nps_2,
        (a.kind = 'nps' AND a.score = 3)::int AS nps_3,
        (a.kind = 'nps' AND a.score = 4)::int AS nps_4,
        (a.kind = 'nps' AND a.score = 5)::int AS nps_5,
        (a.kind = 'nps' AND a.score = 6)::int AS nps_6,
        (a.kind = 'nps' AND a.score = 7)::int AS nps_7,
        (a.kind = 'nps' AND a.score = 8)::int AS nps_8,
        (a.kind = 'nps' AND a.score = 9)::int AS nps_9,
        (a.kind = 'nps' AND a.score = 10)::int AS nps_10
    FROM %1$s a JOIN survey_invitations i ON i.id = a.invitation_id AND i.submitted_at IS NOT NULL
    JOIN survey_templates t ON t.id = i.template_id CROSS JOIN (SELECT logicrm_survey_zone() AS tz OFFSET 0) z
  ) x
  GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT ON CONSTRAINT survey_rollup_key DO UPDATE SET
      invited = r.invited + EXCLUDED.invited,
      answered = r.answered + EXCLUDED.answered,
      responses = r.responses + EXCLUDED.responses,
      follow_ups = r.follow_ups + EXCLUDED.follow_ups,
      contacted = r.contacted + EXCLUDED.contacted,
      resolved = r.resolved + EXCLUDED.resolved,
      no_answer = r.no_answer + EXCLUDED.no_answer,
      rating_n_service_attitude = r.rating_n_service_attitude + EXCLUDED.rating_n_service_attitude,
      rating_sum_service_attitude = r.rating_sum_service_attitude + EXCLUDED.rating_sum_service_attitude,
      rating_n_delivery_speed = r.rating_n_delivery_speed + EXCLUDED.rating_n_delivery_speed,
      rating_sum_delivery_speed = r.rating_sum_delivery_speed + EXCLUDED.rating_sum_delivery_speed,
      rating_n_cargo_safety = r.rating_n_cargo_safety + EXCLUDED.rating_n_cargo_safety,
      rating_sum_cargo_safety = r.rating_sum_cargo_safety + EXCLUDED.rating_sum_cargo_safety,
      rating_n_price = r.rating_n_price + EXCLUDED.rating_n_price,
      rating_sum_price = r.rating_sum_price + EXCLUDED.rating_sum_price,
      rating_n_information = r.rating_n_information + EXCLUDED.rating_n_information,
      rating_sum_information = r.rating_sum_information + EXCLUDED.rating_sum_information,
      rating_n_overall = r.rating_n_overall + EXCLUDED.rating_n_overall,
      rating_sum_overall = r.rating_sum_overall + EXCLUDED.rating_sum_overall,
      importance_n_service_attitude = r.importance_n_service_attitude + EXCLUDED.importance_n_service_attitude,
      importance_sum_service_attitude = r.importance_sum_service_attitude + EXCLUDED.importance_sum_service_attitude,
      importance_n_delivery_speed = r.importance_n_delivery_speed + EXCLUDED.importance_n_delivery_speed,
      importance_sum_delivery_speed = r.importance_sum_delivery_speed + EXCLUDED.importance_sum_delivery_speed,
      importance_n_cargo_safety = r.importance_n_cargo_safety + EXCLUDED.importance_n_cargo_safety,
      importance_sum_cargo_safety = r.importance_sum_cargo_safety + EXCLUDED.importance_sum_cargo_safety,
      importance_n_price = r.importance_n_price + EXCLUDED.importance_n_price,
      importance_sum_price = r.importance_sum_price + EXCLUDED.importance_sum_price,
      importance_n_information = r.importance_n_information + EXCLUDED.importance_n_information,
      importance_sum_information = r.importance_sum_information + EXCLUDED.importance_sum_information,
      nps_0 = r.nps_0 + EXCLUDED.nps_0,
      nps_1 = r.nps_1 + EXCLUDED.nps_1,
      nps_2 = r.nps_2 + EXCLUDED.nps_2,
      nps_3 = r.nps_3 + EXCLUDED.nps_3,
      nps_4 = r.nps_4 + EXCLUDED.nps_4,
      nps_5 = r.nps_5 + EXCLUDED.nps_5,
      nps_6 = r.nps_6 + EXCLUDED.nps_6,
      nps_7 = r.nps_7 + EXCLUDED.nps_7,
      nps_8 = r.nps_8 + EXCLUDED.nps_8,
      nps_9 = r.nps_9 + EXCLUDED.nps_9,
      nps_10 = r.nps_10 + EXCLUDED.nps_10
$q$, rel, sign)
$f$;
--> statement-breakpoint
CREATE FUNCTION logicrm_survey_invitations_rollup_trigger() RETURNS trigger LANGUAGE plpgsql SET jit = off AS $$
DECLARE side text; sgn int;
BEGIN
  -- transition tables are visible to EXECUTE in this function only, hence the statements run here
  IF TG_OP = 'DELETE' THEN
    -- row level, before the delete: the invitation's answers still exist
    EXECUTE logicrm_survey_invitations_delta_sql('(SELECT ($1).*)', -1) USING OLD;
    RETURN OLD;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    -- only rows whose counted columns changed (opening a link changes nothing here)
    IF NOT EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE (o.account_id, o.template_id, o.sent_at, o.submitted_at, o.follow_up_task_id, o.follow_up_outcome)
        IS DISTINCT FROM (n.account_id, n.template_id, n.sent_at, n.submitted_at, n.follow_up_task_id,
        n.follow_up_outcome)) THEN
      RETURN NULL;
    END IF;
    FOR side, sgn IN VALUES ('o', -1), ('n', 1) LOOP
      EXECUTE logicrm_survey_invitations_delta_sql(format('(SELECT %s.* FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE (o.account_id, o.template_id, o.sent_at, o.submitted_at, o.follow_up_task_id, o.follow_up_outcome)
          IS DISTINCT FROM (n.account_id, n.template_id, n.sent_at, n.submitted_at, n.follow_up_task_id,
          n.follow_up_outcome))', side), sgn);
    END LOOP;
    RETURN NULL;
  END IF;
  EXECUTE logicrm_survey_invitations_delta_sql('new_rows', 1);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER survey_invitations_rollup_insert AFTER INSERT ON survey_invitations REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION logicrm_survey_invitations_rollup_trigger();
--> statement-breakpoint
CREATE TRIGGER survey_invitations_rollup_update AFTER UPDATE ON survey_invitations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION logicrm_survey_invitations_rollup_trigger();
--> statement-breakpoint
CREATE TRIGGER survey_invitations_rollup_delete BEFORE DELETE ON survey_invitations
  FOR EACH ROW EXECUTE FUNCTION logicrm_survey_invitations_rollup_trigger();
--> statement-breakpoint
CREATE FUNCTION logicrm_survey_answers_rollup_trigger() RETURNS trigger LANGUAGE plpgsql SET jit = off AS $$
BEGIN
  -- answers saved before the submit (the usual case) count with the invitation's submit, not here
  -- (old_rows and new_rows exist only for the operations that have them: one test per branch)
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    IF EXISTS (SELECT 1 FROM old_rows a JOIN survey_invitations i
        ON i.id = a.invitation_id AND i.submitted_at IS NOT NULL) THEN
      EXECUTE logicrm_survey_answers_delta_sql('old_rows', -1);
    END IF;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    IF EXISTS (SELECT 1 FROM new_rows a JOIN survey_invitations i
        ON i.id = a.invitation_id AND i.submitted_at IS NOT NULL) THEN
      EXECUTE logicrm_survey_answers_delta_sql('new_rows', 1);
    END IF;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER survey_answers_rollup_insert AFTER INSERT ON survey_answers REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION logicrm_survey_answers_rollup_trigger();
--> statement-breakpoint
CREATE TRIGGER survey_answers_rollup_update AFTER UPDATE ON survey_answers REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION logicrm_survey_answers_rollup_trigger();
--> statement-breakpoint
CREATE TRIGGER survey_answers_rollup_delete AFTER DELETE ON survey_answers REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION logicrm_survey_answers_rollup_trigger();
--> statement-breakpoint
CREATE FUNCTION logicrm_rebuild_survey_rollup(zone text) RETURNS void LANGUAGE plpgsql SET jit = off AS $$
BEGIN
  INSERT INTO survey_rollup_state (id, time_zone) VALUES (1, zone)
    ON CONFLICT (id) DO UPDATE SET time_zone = EXCLUDED.time_zone;
  DELETE FROM survey_rollup;
  EXECUTE logicrm_survey_invitations_delta_sql('survey_invitations', 1);
END $$;
--> statement-breakpoint
SELECT logicrm_rebuild_survey_rollup(coalesce(
  (SELECT settings->>'timezone' FROM organizations ORDER BY created_at LIMIT 1), 'Asia/Shanghai'));
