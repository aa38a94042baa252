CREATE TABLE "shipment_kpi_cube" (
	"slice" text NOT NULL,
	"grain" text NOT NULL,
	"period" date NOT NULL,
	"carrier_id" uuid,
	"origin" text,
	"destination" text,
	"mode" text,
	"delivered" integer DEFAULT 0 NOT NULL,
	"on_time_ts" integer DEFAULT 0 NOT NULL,
	"judged_ts" integer DEFAULT 0 NOT NULL,
	"on_time_date" integer DEFAULT 0 NOT NULL,
	"judged_date" integer DEFAULT 0 NOT NULL,
	"cargo_issues" integer DEFAULT 0 NOT NULL,
	"volume" integer DEFAULT 0 NOT NULL,
	"revenue_cents" bigint DEFAULT 0 NOT NULL,
	"cost_cents" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "shipment_kpi_cube_key" UNIQUE NULLS NOT DISTINCT("slice","grain","period","origin","destination","mode","carrier_id")
);
--> statement-breakpoint
CREATE TABLE "shipment_transit_cube" (
	"slice" text NOT NULL,
	"grain" text NOT NULL,
	"period" date NOT NULL,
	"carrier_id" uuid,
	"origin" text,
	"destination" text,
	"mode" text,
	"hour" integer NOT NULL,
	"shipments" integer NOT NULL,
	CONSTRAINT "shipment_transit_cube_key" UNIQUE NULLS NOT DISTINCT("slice","grain","period","origin","destination","mode","carrier_id","hour")
);
--> statement-breakpoint
-- hand-written: kpi cube
-- The rollup triggers of 0014 also keep the cube (shipment_kpi_cube, shipment_transit_cube): each delta,
-- already summed per day × carrier × lane × mode, is spread over its slices and grains by one
-- CROSS JOIN LATERAL (VALUES …) and upserted in the same statement as the daily row (a data-modifying
-- CTE), so a write statement still runs two statements. carrier_lane (the partner lane comparison) is
-- kept per month only: per week it would hold about a row per shipment.
--
-- The minutes of one hour on one day, read index-only for the exact percentiles (kpi/cube.ts); INCLUDE
-- is why it is written here and not in table.ts.
CREATE INDEX shipment_transit_daily_minutes_idx ON shipment_transit_daily (day, minutes)
  INCLUDE (carrier_id, origin, destination, mode, shipments);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION logicrm_kpi_cube_cells(grain_day date, carrier uuid, o text, d text, m text)
RETURNS TABLE (slice text, grain text, period date, carrier_id uuid, origin text, destination text, mode text)
LANGUAGE sql IMMUTABLE AS $$
  SELECT sl.slice, g.grain, g.period, sl.carrier_id, sl.origin, sl.destination, sl.mode
  FROM (VALUES ('week', date_trunc('week', grain_day::timestamp)::date),
               ('month', date_trunc('month', grain_day::timestamp)::date)) g(grain, period)
  CROSS JOIN (VALUES ('overall', NULL::uuid, NULL::text, NULL::text, NULL::text),
                     ('carrier', carrier, NULL, NULL, NULL),
                     ('mode', NULL, NULL, NULL, m),
                     ('origin', NULL, o, NULL, NULL),
                     ('lane', NULL, o, d, NULL),
                     ('carrier_lane', carrier, o, d, NULL)) sl(slice, carrier_id, origin, destination, mode)
  WHERE sl.slice <> 'carrier_lane' OR g.grain = 'month'
$$;
--> statement-breakpoint
-- The delta of a statement: `rel` holds the rows with kpi_sign (-1 for the old image of an updated or
-- deleted row, +1 for the new one). An update's old and new images go through ONE aggregation, so the
-- measures that did not change cancel out and only keys whose sums moved are upserted (a change of
-- weight touches no rollup row; a delivery touches its delivery day's rows only).
DROP FUNCTION logicrm_kpi_delta_sql(text, int);
--> statement-breakpoint
CREATE FUNCTION logicrm_kpi_delta_sql(rel text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $f$
SELECT ARRAY[
  format($q$
  WITH c AS (
    SELECT day, carrier_id, origin, destination, mode, sum(delivered) AS delivered,
      sum(on_time_ts) AS on_time_ts, sum(judged_ts) AS judged_ts,
      sum(on_time_date) AS on_time_date, sum(judged_date) AS judged_date,
      sum(cargo_issues) AS cargo_issues, sum(volume) AS volume,
      sum(revenue_cents) AS revenue_cents, sum(cost_cents) AS cost_cents
    FROM (
      SELECT d.day, r.carrier_id, r.origin, r.destination, r.mode, r.kpi_sign AS delivered,
        r.kpi_sign * (t.ts IS TRUE)::int AS on_time_ts, r.kpi_sign * (t.ts IS NOT NULL)::int AS judged_ts,
        r.kpi_sign * (o.dt IS TRUE)::int AS on_time_date, r.kpi_sign * (o.dt IS NOT NULL)::int AS judged_date,
        r.kpi_sign * (EXISTS (SELECT 1 FROM shipment_exceptions x WHERE x.shipment_id = r.id
          AND x.kind IN ('damage', 'loss', 'shortage')))::int AS cargo_issues,
        0 AS volume, 0::bigint AS revenue_cents, 0::bigint AS cost_cents
      FROM %1$s r CROSS JOIN (SELECT logicrm_kpi_zone() AS tz OFFSET 0) z
      CROSS JOIN LATERAL (SELECT (r.delivered_at AT TIME ZONE z.tz)::date AS day,
        (r.promised_at AT TIME ZONE z.tz)::date AS promised_day) d
      CROSS JOIN LATERAL (SELECT d.day <= coalesce(r.promised_date, d.promised_day) AS dt) o
      CROSS JOIN LATERAL (SELECT CASE WHEN r.promised_at IS NOT NULL THEN r.delivered_at <= r.promised_at
        ELSE o.dt END AS ts) t
      WHERE r.status = 'delivered' AND r.delivered_at IS NOT NULL
      UNION ALL
      SELECT (r.booked_at AT TIME ZONE z.tz)::date, r.carrier_id, r.origin, r.destination, r.mode,
        0, 0, 0, 0, 0, 0, r.kpi_sign, r.kpi_sign * coalesce(r.revenue_cents, 0)::bigint,
        r.kpi_sign * coalesce(r.cost_cents, 0)::bigint
      FROM %1$s r CROSS JOIN (SELECT logicrm_kpi_zone() AS tz OFFSET 0) z
      WHERE r.status <> 'cancelled'
    ) x
    GROUP BY 1, 2, 3, 4, 5
    HAVING (sum(delivered), sum(on_time_ts), sum(judged_ts), sum(on_time_date), sum(judged_date),
      sum(cargo_issues), sum(volume), sum(revenue_cents), sum(cost_cents)) <> (0, 0, 0, 0, 0, 0, 0, 0, 0)
  ), daily AS (
    INSERT INTO shipment_kpi_daily_totals AS k (day, carrier_id, origin, destination, mode, delivered, on_time_ts,
      judged_ts, on_time_date, judged_date, cargo_issues, volume, revenue_cents, cost_cents)
    SELECT * FROM c ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT ON CONSTRAINT shipment_kpi_daily_totals_key DO UPDATE SET
      delivered = k.delivered + EXCLUDED.delivered, on_time_ts = k.on_time_ts + EXCLUDED.on_time_ts,
      judged_ts = k.judged_ts + EXCLUDED.judged_ts, on_time_date = k.on_time_date + EXCLUDED.on_time_date,
      judged_date = k.judged_date + EXCLUDED.judged_date, cargo_issues = k.cargo_issues + EXCLUDED.cargo_issues,
      volume = k.volume + EXCLUDED.volume, revenue_cents = k.revenue_cents + EXCLUDED.revenue_cents,
      cost_cents = k.cost_cents + EXCLUDED.cost_cents
  )
  INSERT INTO shipment_kpi_cube AS k (slice, grain, period, carrier_id, origin, destination, mode, delivered,
    on_time_ts, judged_ts, on_time_date, judged_date, cargo_issues, volume, revenue_cents, cost_cents)
  SELECT g.slice, g.grain, g.period, g.carrier_id, g.origin, g.destination, g.mode, sum(c.delivered),
    sum(c.on_time_ts), sum(c.judged_ts), sum(c.on_time_date), sum(c.judged_date), sum(c.cargo_issues),
    sum(c.volume), sum(c.revenue_cents), sum(c.cost_cents)
  FROM c CROSS JOIN LATERAL logicrm_kpi_cube_cells(c.day, c.carrier_id, c.origin, c.destination, c.mode) g
  GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT ON CONSTRAINT shipment_kpi_cube_key DO UPDATE SET
    delivered = k.delivered + EXCLUDED.delivered, on_time_ts = k.on_time_ts + EXCLUDED.on_time_ts,
    judged_ts = k.judged_ts + EXCLUDED.judged_ts, on_time_date = k.on_time_date + EXCLUDED.on_time_date,
    judged_date = k.judged_date + EXCLUDED.judged_date, cargo_issues = k.cargo_issues + EXCLUDED.cargo_issues,
    volume = k.volume + EXCLUDED.volume, revenue_cents = k.revenue_cents + EXCLUDED.revenue_cents,
    cost_cents = k.cost_cents + EXCLUDED.cost_cents
  $q$, rel),
  format($q$
  WITH m AS (
    SELECT (r.delivered_at AT TIME ZONE z.tz)::date AS day, r.carrier_id, r.origin, r.destination, r.mode,
      floor(extract(epoch FROM r.delivered_at - r.picked_up_at) / 60)::int AS minutes, sum(r.kpi_sign) AS shipments
    FROM %1$s r CROSS JOIN (SELECT logicrm_kpi_zone() AS tz OFFSET 0) z
    WHERE r.status = 'delivered' AND r.delivered_at IS NOT NULL AND r.picked_up_at IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(r.kpi_sign) <> 0
  ), daily AS (
    INSERT INTO shipment_transit_daily AS t (day, carrier_id, origin, destination, mode, minutes, shipments)
    SELECT * FROM m ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ON CONSTRAINT shipment_transit_daily_key DO UPDATE SET shipments = t.shipments + EXCLUDED.shipments
  )
  INSERT INTO shipment_transit_cube AS t (slice, grain, period, carrier_id, origin, destination, mode, hour, shipments)
  SELECT g.slice, g.grain, g.period, g.carrier_id, g.origin, g.destination, g.mode,
    floor(m.minutes / 60.0)::int, sum(m.shipments)
  FROM m CROSS JOIN LATERAL logicrm_kpi_cube_cells(m.day, m.carrier_id, m.origin, m.destination, m.mode) g
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT ON CONSTRAINT shipment_transit_cube_key DO UPDATE SET shipments = t.shipments + EXCLUDED.shipments
  $q$, rel)]
$f$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION logicrm_shipments_kpi_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE stmt text;
BEGIN
  -- transition tables are visible to EXECUTE in this function only, hence the statements run here
  IF TG_OP = 'DELETE' THEN
    -- row level, before the delete: the shipment's exceptions still exist to count its cargo issue
    FOREACH stmt IN ARRAY logicrm_kpi_delta_sql('(SELECT ($1).*, -1 AS kpi_sign)') LOOP
      EXECUTE stmt USING OLD;
    END LOOP;
    RETURN OLD;
  END IF;
  FOREACH stmt IN ARRAY logicrm_kpi_delta_sql(CASE TG_OP WHEN 'UPDATE'
    THEN '(SELECT o.*, -1 AS kpi_sign FROM old_rows o UNION ALL SELECT n.*, 1 FROM new_rows n)'
    ELSE '(SELECT n.*, 1 AS kpi_sign FROM new_rows n)' END) LOOP
    EXECUTE stmt;
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION logicrm_exceptions_kpi_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
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
    SELECT (s.delivered_at AT TIME ZONE z.tz)::date AS day, s.carrier_id, s.origin, s.destination, s.mode,
      sum(c.delta)::int AS delta
    FROM changed c JOIN shipments s ON s.id = c.shipment_id
      CROSS JOIN (SELECT logicrm_kpi_zone() AS tz OFFSET 0) z
    WHERE c.delta <> 0 AND s.status = 'delivered' AND s.delivered_at IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5
  ), daily AS (
    UPDATE shipment_kpi_daily_totals k SET cargo_issues = k.cargo_issues + p.delta
    FROM per_key p
    WHERE k.day = p.day AND k.carrier_id IS NOT DISTINCT FROM p.carrier_id
      AND k.origin = p.origin AND k.destination = p.destination AND k.mode = p.mode
  )
  -- the delivered shipment's cube rows exist already: the upsert only adds to cargo_issues
  INSERT INTO shipment_kpi_cube AS k (slice, grain, period, carrier_id, origin, destination, mode, cargo_issues)
  SELECT g.slice, g.grain, g.period, g.carrier_id, g.origin, g.destination, g.mode, sum(p.delta)
  FROM per_key p CROSS JOIN LATERAL logicrm_kpi_cube_cells(p.day, p.carrier_id, p.origin, p.destination, p.mode) g
  GROUP BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT ON CONSTRAINT shipment_kpi_cube_key DO UPDATE SET cargo_issues = k.cargo_issues + EXCLUDED.cargo_issues
  $q$, added, removed);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION logicrm_rebuild_shipment_kpis(zone text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE stmt text;
BEGIN
  INSERT INTO shipment_kpi_rollup_state (id, time_zone) VALUES (1, zone)
    ON CONFLICT (id) DO UPDATE SET time_zone = EXCLUDED.time_zone;
  DELETE FROM shipment_kpi_daily_totals;
  DELETE FROM shipment_transit_daily;
  DELETE FROM shipment_kpi_cube;
  DELETE FROM shipment_transit_cube;
  FOREACH stmt IN ARRAY logicrm_kpi_delta_sql('(SELECT s.*, 1 AS kpi_sign FROM shipments s)') LOOP
    EXECUTE stmt;
  END LOOP;
END $$;
--> statement-breakpoint
-- existing databases: fill the cube (and re-cut the days) in the zone the rollup was cut in
SELECT logicrm_rebuild_shipment_kpis(time_zone) FROM shipment_kpi_rollup_state WHERE id = 1;
