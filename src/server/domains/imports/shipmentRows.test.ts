import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from './mapping.js';
import type { ShipmentImportTarget } from './shipmentMapping.js';
import { mixedZoneErrors, readShipmentCells, timeValue } from './shipmentRows.js';

describe('timeValue', () => {
  it.each([
    ['2026-03-01T08:00:00+08:00', '2026-03-01T08:00:00+08:00', '+08:00'],
    ['2026-03-01 08:00+08:00', '2026-03-01T08:00:00+08:00', '+08:00'],
    ['2026/3/1 8:05:09+0800', '2026-03-01T08:05:09+08:00', '+08:00'],
    ['２０２６-03-01 08:00Z', '2026-03-01T08:00:00+00:00', '+00:00'],
    ['2026-03-01 08:00', '2026-03-01T08:00:00', null],
    ['next monday', 'next monday', null],
  ])('%s → %s', (cell, iso, offset) => {
    expect(timeValue(cell)).toEqual({ iso, offset });
  });
});

const mapping = (targets: ShipmentImportTarget[]) =>
  new Map(
    targets.map((t, column): [ShipmentImportTarget, ColumnMapping<string>] => [
      t,
      { column, header: t, target: t },
    ]),
  );

describe('readShipmentCells', () => {
  const columns = mapping(['waybill', 'status', 'mode', 'weightKg', 'revenue', 'exceptions', 'bookedAt']);

  it('reads labels, units, yuan and exception lists into the bulk API input', () => {
    const read = readShipmentCells(
      {
        line: 2,
        cells: [' W1 ', '已签收', '快递', '1,200 kg', '300.5元', '破损、delay', '2026-03-01 08:00+08:00'],
      },
      columns,
    );
    expect(read.errors).toEqual([]);
    expect(read.input).toEqual({
      waybill: 'W1',
      status: 'delivered',
      mode: 'express',
      weightKg: 1200,
      revenueCents: 30050,
      exceptions: [{ kind: 'damage' }, { kind: 'delay' }],
      bookedAt: '2026-03-01T08:00:00+08:00',
    });
  });

  it('names amounts with more than two decimals and unreadable numbers', () => {
    const read = readShipmentCells({ line: 3, cells: ['W2', '', '', 'heavy', '1.005', '', ''] }, columns);
    expect(read.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [3, 'weightKg', 'import.not_a_number'],
      [3, 'revenue', 'import.money_decimals'],
    ]);
  });

  it('reports times in another zone than most of the file', () => {
    const time = mapping(['bookedAt']);
    const rows = ['+08:00', '+08:00', 'Z'].map((zone, i) =>
      readShipmentCells({ line: i + 2, cells: [`2026-03-01 08:00${zone}`] }, time),
    );
    expect(mixedZoneErrors(rows, time)).toEqual([
      {
        line: 4,
        column: 'bookedAt',
        field: 'bookedAt',
        code: 'import.time_zone_mixed',
        params: { offset: '+00:00', fileOffset: '+08:00' },
      },
    ]);
  });
});
