-- hand-written: rollup fillfactor
-- The KPI rollups are updated in place by every shipment write (their measures only, never their keys),
-- but with full pages each update moved the row to another page and added an entry to the key index. A
-- tenth to a third of each page kept free lets PostgreSQL update in place (heap-only tuples): a
-- 200,000-row file import wrote its rollups in about a quarter less time. The daily transit minutes
-- keep full pages: their count is INCLUDEd in an index, so no update of them can stay heap-only.
ALTER TABLE shipment_kpi_daily_totals SET (fillfactor = 70);
--> statement-breakpoint
ALTER TABLE shipment_kpi_cube SET (fillfactor = 70);
--> statement-breakpoint
ALTER TABLE shipment_transit_cube SET (fillfactor = 70);
--> statement-breakpoint
-- existing rows are rewritten into pages with that room (a migration runs in a transaction: CLUSTER
-- of a named table may, VACUUM FULL may not)
CLUSTER shipment_kpi_daily_totals USING shipment_kpi_daily_totals_key;
--> statement-breakpoint
CLUSTER shipment_kpi_cube USING shipment_kpi_cube_key;
--> statement-breakpoint
CLUSTER shipment_transit_cube USING shipment_transit_cube_key;
