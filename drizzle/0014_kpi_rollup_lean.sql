DROP TABLE "shipment_kpi_daily" CASCADE;
--> statement-breakpoint
-- hand-written: kpi rollup lean
-- The rollup triggers of 0008_quality, with two changes measured at 2M shipments / 100k accounts:
-- * no per-account rollup (shipment_kpi_daily, dropped above): with many accounts it held about two
--   rows per shipment (4M rows, 880 MB, more than the shipments table) and was two thirds of a bulk
--   upsert's trigger time, while one account's KPIs read its few raw rows through the shipments'
--   account indexes just as fast (kpi/rollup.ts);
-- * the company zone is read once per statement: without OFFSET 0 the planner pulls the one-row
--   subquery up and calls logicrm_kpi_zone() (a table read) for every row of the transition table.
CREATE OR REPLACE FUNCTION logicrm_kpi_delta_sql(rel text, sign int) RETURNS text[] LANGUAGE sql IMMUTABLE AS $f$
SELECT ARRAY[
  format($q$
  WITH c AS (
    SELECT day, carrier_id, origin, destination, mode, %2$s * sum(delivered) AS delivered,
      %2$s * sum(on_time_ts) AS on_time_ts, %2$s * sum(judged_ts) AS judged_ts,
      %2$s * sum(on_time_date) AS on_time_date, %2$s * sum(judged_date) AS judged_date,
      %2$s * sum(cargo_issues) AS cargo_issues, %2$s * sum(volume) AS volume,
      %2$s * sum(revenue_cents) AS revenue_cents, %2$s * sum(cost_cents) AS cost_cents
    FROM (
      SELECT d.day, r.carrier_id, r.origin, r.destination, r.mode, 1 AS delivered,
        (t.ts IS TRUE)::int AS on_time_ts, (t.ts IS NOT NULL)::int AS judged_ts,
        (o.dt IS TRUE)::int AS on_time_date, (o.dt IS NOT NULL)::int AS judged_date,
        (EXISTS (SELECT 1 FROM shipment_exceptions x WHERE x.shipment_id = r.id
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
      SELECT (r.booked_at AT TIME ZONE z.tz)::date, r.carrier_id, r.origin,
        r.destination, r.mode, 0, 0, 0, 0, 0, 0, 1, coalesce(r.revenue_cents, 0), coalesce(r.cost_cents, 0)
      FROM %1$s r CROSS JOIN (SELECT logicrm_kpi_zone() AS tz OFFSET 0) z
      WHERE r.status <> 'cancelled'
    ) x
    GROUP BY 1, 2, 3, 4, 5
  )
  INSERT INTO shipment_kpi_daily_totals AS k (day, carrier_id, origin, destination, mode, delivered, on_time_ts,
    judged_ts, on_time_date, judged_date, cargo_issues, volume, revenue_cents, cost_cents)
  SELECT * FROM c ORDER BY 1, 2, 3, 4, 5
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
  FROM %1$s r CROSS JOIN (SELECT logicrm_kpi_zone() AS tz OFFSET 0) z
  WHERE r.status = 'delivered' AND r.delivered_at IS NOT NULL AND r.picked_up_at IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT ON CONSTRAINT shipment_transit_daily_key DO UPDATE SET shipments = t.shipments + EXCLUDED.shipments
  $q$, rel, sign)]
$f$;
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
  )
  UPDATE shipment_kpi_daily_totals k SET cargo_issues = k.cargo_issues + p.delta
  FROM per_key p
  WHERE k.day = p.day AND k.carrier_id IS NOT DISTINCT FROM p.carrier_id
    AND k.origin = p.origin AND k.destination = p.destination AND k.mode = p.mode
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
  FOREACH stmt IN ARRAY logicrm_kpi_delta_sql('shipments', 1) LOOP EXECUTE stmt; END LOOP;
END $$;
