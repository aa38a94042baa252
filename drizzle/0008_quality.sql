CREATE TABLE "account_service_targets" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"targets" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shipment_kpi_daily" (
	"day" date NOT NULL,
	"account_id" uuid NOT NULL,
	"carrier_id" uuid,
	"origin" text NOT NULL,
	"destination" text NOT NULL,
	"mode" text NOT NULL,
	"delivered" integer DEFAULT 0 NOT NULL,
	"on_time_ts" integer DEFAULT 0 NOT NULL,
	"judged_ts" integer DEFAULT 0 NOT NULL,
	"on_time_date" integer DEFAULT 0 NOT NULL,
	"judged_date" integer DEFAULT 0 NOT NULL,
	"cargo_issues" integer DEFAULT 0 NOT NULL,
	"volume" integer DEFAULT 0 NOT NULL,
	"revenue_cents" bigint DEFAULT 0 NOT NULL,
	"cost_cents" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "shipment_kpi_daily_key" UNIQUE NULLS NOT DISTINCT("day","account_id","carrier_id","origin","destination","mode")
);
--> statement-breakpoint
CREATE TABLE "shipment_kpi_daily_totals" (
	"day" date NOT NULL,
	"carrier_id" uuid,
	"origin" text NOT NULL,
	"destination" text NOT NULL,
	"mode" text NOT NULL,
	"delivered" integer DEFAULT 0 NOT NULL,
	"on_time_ts" integer DEFAULT 0 NOT NULL,
	"judged_ts" integer DEFAULT 0 NOT NULL,
	"on_time_date" integer DEFAULT 0 NOT NULL,
	"judged_date" integer DEFAULT 0 NOT NULL,
	"cargo_issues" integer DEFAULT 0 NOT NULL,
	"volume" integer DEFAULT 0 NOT NULL,
	"revenue_cents" bigint DEFAULT 0 NOT NULL,
	"cost_cents" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "shipment_kpi_daily_totals_key" UNIQUE NULLS NOT DISTINCT("day","carrier_id","origin","destination","mode")
);
--> statement-breakpoint
CREATE TABLE "shipment_kpi_rollup_state" (
	"id" integer PRIMARY KEY NOT NULL,
	"time_zone" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shipment_transit_daily" (
	"day" date NOT NULL,
	"carrier_id" uuid,
	"origin" text NOT NULL,
	"destination" text NOT NULL,
	"mode" text NOT NULL,
	"minutes" integer NOT NULL,
	"shipments" integer NOT NULL,
	CONSTRAINT "shipment_transit_daily_key" UNIQUE NULLS NOT DISTINCT("day","carrier_id","origin","destination","mode","minutes")
);
--> statement-breakpoint
ALTER TABLE "account_service_targets" ADD CONSTRAINT "account_service_targets_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "shipment_kpi_daily_account_idx" ON "shipment_kpi_daily" USING btree ("account_id","day");--> statement-breakpoint
-- hand-written: quality
-- The daily KPI rollups are kept by statement triggers (set-based, same transaction) on every write to
-- shipments and shipment_exceptions; logicrm_rebuild_shipment_kpis(zone) rebuilds them from scratch.
CREATE FUNCTION logicrm_kpi_zone() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT coalesce((SELECT time_zone FROM shipment_kpi_rollup_state WHERE id = 1), 'Asia/Shanghai')
$$;
--> statement-breakpoint
-- The statements adding (sign 1) or removing (sign -1) the contribution of the shipments in `rel`;
-- the on-time and transit expressions are those of src/server/domains/kpi/repo.ts.
CREATE FUNCTION logicrm_kpi_delta_sql(rel text, sign int) RETURNS text[] LANGUAGE sql IMMUTABLE AS $f$
SELECT ARRAY[
  format($q$
  WITH c AS (
    SELECT day, account_id, carrier_id, origin, destination, mode, %2$s * sum(delivered) AS delivered,
      %2$s * sum(on_time_ts) AS on_time_ts, %2$s * sum(judged_ts) AS judged_ts,
      %2$s * sum(on_time_date) AS on_time_date, %2$s * sum(judged_date) AS judged_date,
      %2$s * sum(cargo_issues) AS cargo_issues, %2$s * sum(volume) AS volume,
      %2$s * sum(revenue_cents) AS revenue_cents, %2$s * sum(cost_cents) AS cost_cents
    FROM (
      SELECT d.day, r.account_id, r.carrier_id, r.origin, r.destination, r.mode, 1 AS delivered,
        (t.ts IS TRUE)::int AS on_time_ts, (t.ts IS NOT NULL)::int AS judged_ts,
        (o.dt IS TRUE)::int AS on_time_date, (o.dt IS NOT NULL)::int AS judged_date,
        (EXISTS (SELECT 1 FROM shipment_exceptions x WHERE x.shipment_id = r.id
          AND x.kind IN ('damage', 'loss', 'shortage')))::int AS cargo_issues,
        0 AS volume, 0::bigint AS revenue_cents, 0::bigint AS cost_cents
      FROM %1$s r CROSS JOIN (SELECT logicrm_kpi_zone() AS tz) z
      CROSS JOIN LATERAL (SELECT (r.delivered_at AT TIME ZONE z.tz)::date AS day,
        (r.promised_at AT TIME ZONE z.tz)::date AS promised_day) d
      CROSS JOIN LATERAL (SELECT d.day <= coalesce(r.promised_date, d.promised_day) AS dt) o
      CROSS JOIN LATERAL (SELECT CASE WHEN r.promised_at IS NOT NULL THEN r.delivered_at <= r.promised_at
        ELSE o.dt END AS ts) t
      WHERE r.status = 'delivered' AND r.delivered_at IS NOT NULL
      UNION ALL
      SELECT (r.booked_at AT TIME ZONE z.tz)::date, r.account_id, r.carrier_id, r.origin,
        r.destination, r.mode, 0, 0, 0, 0, 0, 0, 1, coalesce(r.revenue_cents, 0), coalesce(r.cost_cents, 0)
      FROM %1$s r CROSS JOIN (SELECT logicrm_kpi_zone() AS tz) z
      WHERE r.status <> 'cancelled'
    ) x
    GROUP BY 1, 2, 3, 4, 5, 6
  ), by_account AS (
    INSERT INTO shipment_kpi_daily AS k SELECT * FROM c ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ON CONSTRAINT shipment_kpi_daily_key DO UPDATE SET
      delivered = k.delivered + EXCLUDED.delivered, on_time_ts = k.on_time_ts + EXCLUDED.on_time_ts,
      judged_ts = k.judged_ts + EXCLUDED.judged_ts, on_time_date = k.on_time_date + EXCLUDED.on_time_date,
      judged_date = k.judged_date + EXCLUDED.judged_date, cargo_issues = k.cargo_issues + EXCLUDED.cargo_issues,
      volume = k.volume + EXCLUDED.volume, revenue_cents = k.revenue_cents + EXCLUDED.revenue_cents,
      cost_cents = k.cost_cents + EXCLUDED.cost_cents
  )
  INSERT INTO shipment_kpi_daily_totals AS k
  SELECT day, carrier_id, origin, destination, mode, sum(delivered), sum(on_time_ts), sum(judged_ts),
    sum(on_time_date), sum(judged_date), sum(cargo_issues), sum(volume), sum(revenue_cents), sum(cost_cents)
  FROM c GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT ON CONSTRAINT shipment_kpi_daily_totals_key DO UPDATE SET
    delivered = k.delivered + EXCLUDED.delivered, on_time_ts = k.on_time_ts + EXCLUDED.on_time_ts,
    judged_ts = k.judged_ts + EXCLUDED.judged_ts, on_time_date = k.on_time_date + EXCLUDED.on_time_date,
    judged_date = k.judged_date + EXCLUDED.judged_date, cargo_issues = k.cargo_issues + EXCLUDED.cargo_issues,
    volume = k.volume + EXCLUDED.volume, revenue_cents = k.revenue_cents + EXCLUDED.revenue_cents,
    cost_cents = k.cost_cents + EXCLUDED.cost_cents
  $q$, rel, sign),
  format($q$
  INSERT INTO shipment_transit_daily AS t (day, carrier_id, origin, destination, mode, minutes, shipments)
  SELECT (r.delivered_at AT TIME ZONE z.tz)::date, r.carrier_id, r.origin, r.destination, r.mode,
    floor(extract(epoch FROM r.delivered_at - r.picked_up_at) / 60)::int, %2$s * count(*)
  FROM %1$s r CROSS JOIN (SELECT logicrm_kpi_zone() AS tz) z
  WHERE r.status = 'delivered' AND r.delivered_at IS NOT NULL AND r.picked_up_at IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT ON CONSTRAINT shipment_transit_daily_key DO UPDATE SET shipments = t.shipments + EXCLUDED.shipments
  $q$, rel, sign)]
$f$;
--> statement-breakpoint
CREATE FUNCTION logicrm_shipments_kpi_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE stmt text;
BEGIN
  -- transition tables are visible to EXECUTE in this function only, hence the statements run here
  IF TG_OP = 'DELETE' THEN
    -- row level, before the delete: the shipment's exceptions still exist to count its cargo issue
    FOREACH stmt IN ARRAY logicrm_kpi_delta_sql('(SELECT ($1).*)', -1) LOOP EXECUTE stmt USING OLD; END LOOP;
    RETURN OLD;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    FOREACH stmt IN ARRAY logicrm_kpi_delta_sql('old_rows', -1) LOOP EXECUTE stmt; END LOOP;
  END IF;
  FOREACH stmt IN ARRAY logicrm_kpi_delta_sql('new_rows', 1) LOOP EXECUTE stmt; END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER shipments_kpi_insert AFTER INSERT ON shipments REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION logicrm_shipments_kpi_trigger();
--> statement-breakpoint
CREATE TRIGGER shipments_kpi_update AFTER UPDATE ON shipments REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION logicrm_shipments_kpi_trigger();
--> statement-breakpoint
CREATE TRIGGER shipments_kpi_delete BEFORE DELETE ON shipments
  FOR EACH ROW EXECUTE FUNCTION logicrm_shipments_kpi_trigger();
--> statement-breakpoint
-- A shipment counts one cargo issue however many damage/loss/shortage exceptions it has: the change is
-- judged per shipment from the counts before (now − added + removed) and after (now) the statement.
CREATE FUNCTION logicrm_exceptions_kpi_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  added text := CASE WHEN TG_OP = 'DELETE' THEN '(SELECT * FROM old_rows WHERE false)' ELSE 'new_rows' END;
  removed text := CASE WHEN TG_OP = 'INSERT' THEN '(SELECT * FROM new_rows WHERE false)' ELSE 'old_rows' END;
BEGIN
  EXECUTE format($q$
  WITH moved AS (
    SELECT shipment_id, sum(n)::int AS n FROM (
      SELECT shipment_id, -1 AS n FROM %1$s a WHERE a.kind IN ('damage', 'loss', 'shortage')
      UNION ALL
      SELECT shipment_id, 1 FROM %2$s b WHERE b.kind IN ('damage', 'loss', 'shortage')
    ) m GROUP BY shipment_id
  ), changed AS (
    SELECT m.shipment_id, (now_n > 0)::int - (now_n + m.n > 0)::int AS delta
    FROM moved m CROSS JOIN LATERAL (SELECT count(*)::int AS now_n FROM shipment_exceptions x
      WHERE x.shipment_id = m.shipment_id AND x.kind IN ('damage', 'loss', 'shortage')) c
  ), per_key AS (
    SELECT (s.delivered_at AT TIME ZONE logicrm_kpi_zone())::date AS day, s.account_id, s.carrier_id,
      s.origin, s.destination, s.mode, sum(c.delta)::int AS delta
    FROM changed c JOIN shipments s ON s.id = c.shipment_id
    WHERE c.delta <> 0 AND s.status = 'delivered' AND s.delivered_at IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
  ), by_account AS (
    UPDATE shipment_kpi_daily k SET cargo_issues = k.cargo_issues + p.delta
    FROM per_key p
    WHERE k.day = p.day AND k.account_id = p.account_id AND k.carrier_id IS NOT DISTINCT FROM p.carrier_id
      AND k.origin = p.origin AND k.destination = p.destination AND k.mode = p.mode
  )
  UPDATE shipment_kpi_daily_totals k SET cargo_issues = k.cargo_issues + p.delta
  FROM (SELECT day, carrier_id, origin, destination, mode, sum(delta)::int AS delta FROM per_key
        GROUP BY 1, 2, 3, 4, 5) p
  WHERE k.day = p.day AND k.carrier_id IS NOT DISTINCT FROM p.carrier_id
    AND k.origin = p.origin AND k.destination = p.destination AND k.mode = p.mode
  $q$, added, removed);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER shipment_exceptions_kpi_insert AFTER INSERT ON shipment_exceptions REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION logicrm_exceptions_kpi_trigger();
--> statement-breakpoint
CREATE TRIGGER shipment_exceptions_kpi_update AFTER UPDATE ON shipment_exceptions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION logicrm_exceptions_kpi_trigger();
--> statement-breakpoint
CREATE TRIGGER shipment_exceptions_kpi_delete AFTER DELETE ON shipment_exceptions REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION logicrm_exceptions_kpi_trigger();
--> statement-breakpoint
CREATE FUNCTION logicrm_rebuild_shipment_kpis(zone text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE stmt text;
BEGIN
  INSERT INTO shipment_kpi_rollup_state (id, time_zone) VALUES (1, zone)
    ON CONFLICT (id) DO UPDATE SET time_zone = EXCLUDED.time_zone;
  DELETE FROM shipment_kpi_daily;
  DELETE FROM shipment_kpi_daily_totals;
  DELETE FROM shipment_transit_daily;
  FOREACH stmt IN ARRAY logicrm_kpi_delta_sql('shipments', 1) LOOP EXECUTE stmt; END LOOP;
END $$;
--> statement-breakpoint
SELECT logicrm_rebuild_shipment_kpis(coalesce(
  (SELECT settings->>'timezone' FROM organizations ORDER BY created_at LIMIT 1), 'Asia/Shanghai'));
