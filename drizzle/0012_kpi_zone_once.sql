-- hand-written: kpi zone once
-- The KPI rollup statements (logicrm_kpi_delta_sql, run by the statement triggers on shipments) read the
-- company's time zone in a one-row subquery, `(SELECT logicrm_kpi_zone() AS tz) z`. The planner pulls
-- such a subquery up and so called the function, itself a query, for every row and every use: about
-- 40 % of the trigger's time on a 50,000-row import. OFFSET 0 keeps the subquery, so the zone is read
-- once per statement; the statements are otherwise unchanged (redefined from their stored text, so
-- nothing else of the function is restated here).
DO $$
DECLARE
  def text := pg_get_functiondef('logicrm_kpi_delta_sql(text, int)'::regprocedure);
  fenced text := replace(def, '(SELECT logicrm_kpi_zone() AS tz) z', '(SELECT logicrm_kpi_zone() AS tz OFFSET 0) z');
BEGIN
  IF fenced = def THEN
    RAISE EXCEPTION 'logicrm_kpi_delta_sql no longer reads the zone as expected';
  END IF;
  EXECUTE fenced;
END $$;
