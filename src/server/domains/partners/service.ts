import type {
  CreatePartnerInput,
  PartnerChildKind,
  PartnerDto,
  PartnerKind,
  UpdatePartnerInput,
} from '../../../shared/partners.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { staleWrite } from '../../db/versioned.js';
import type { Actor } from '../../lib/actor.js';
import { addDays } from '../../lib/calendarDates.js';
import { AppError, notFound } from '../../lib/errors.js';
import { decodeCursor, toPage } from '../../lib/pagination.js';
import { recordChange } from '../audit/service.js';
import * as repo from './repo.js';

const CHILD_ENTITY = {
  qualifications: 'qualification',
  contacts: 'partnerContact',
  contracts: 'contract',
} as const;

export function toPartnerDto(p: repo.PartnerRow): PartnerDto {
  return {
    id: p.id,
    code: p.code,
    kind: p.kind,
    nameZh: p.nameZh,
    nameEn: p.nameEn,
    modes: p.modes,
    status: p.status,
    exitWarning: p.exitWarning,
    grade: p.grade,
    notes: p.notes,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

const toChildDto = (r: repo.ChildRow) => {
  const { createdAt, updatedAt, ...rest } = r as repo.ChildRow & { createdAt: Date; updatedAt: Date };
  return { ...rest, createdAt: createdAt.toISOString(), updatedAt: updatedAt.toISOString() };
};

/** Today's calendar date in a time zone, as YYYY-MM-DD. */
export const todayIn = (timeZone: string, now = new Date()) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    now,
  );

/** valid, expiring (within the warning window) or expired, judged on calendar dates. */
export function expiryState(expiresOn: string | null, today: string, warnDays: number) {
  if (!expiresOn) return 'valid';
  if (expiresOn < today) return 'expired';
  return expiresOn <= addDays(today, warnDays) ? 'expiring' : 'valid';
}

const codeTaken = () =>
  new AppError('ALREADY_EXISTS', {
    params: { entity: 'partner', field: 'code' },
    fields: { code: 'partner.codeTaken' },
  });

export async function createPartner(db: Db, actor: Actor, input: CreatePartnerInput) {
  return db.transaction(async (tx) => {
    if (await repo.findPartnerByCode(tx, input.code)) throw codeTaken();
    const row = await repo.insertPartner(tx, input);
    await recordChange(tx, actor, 'partner', row.id, 'create', null, row);
    return toPartnerDto(row);
  });
}

export async function updatePartner(db: Db, actor: Actor, id: string, input: UpdatePartnerInput) {
  return db.transaction(async (tx) => {
    const before = await repo.findPartner(tx, id);
    if (!before) throw notFound('partner');
    const { version, ...patch } = input;
    const after = await repo.updatePartnerVersioned(tx, id, version, patch);
    if (!after) throw await staleWrite('partner', () => repo.findPartner(tx, id), toPartnerDto);
    await recordChange(tx, actor, 'partner', id, 'update', before, after);
    return toPartnerDto(after);
  });
}

/** A partner with its qualifications (each with its expiry state), contacts and contracts. */
export async function getPartner(db: DbOrTx, id: string, today: string, warnDays = 30) {
  const p = await repo.findPartner(db, id);
  if (!p) throw notFound('partner');
  // sequential: `db` may be a transaction, whose connection runs one query at a time
  const qualifications = await repo.listChildren(db, 'qualifications', id);
  const contacts = await repo.listChildren(db, 'contacts', id);
  const contracts = await repo.listChildren(db, 'contracts', id);
  return {
    ...toPartnerDto(p),
    qualifications: qualifications.map((q) => ({
      ...toChildDto(q),
      expiryState: expiryState(q.expiresOn as string | null, today, warnDays),
    })),
    contacts: contacts.map(toChildDto),
    contracts: contracts.map(toChildDto),
  };
}

export async function listPartnersPage(
  db: DbOrTx,
  q: { kind?: PartnerKind; q?: string; limit: number; cursor?: string },
) {
  const after = decodeCursor(q.cursor, 1);
  const rows = await repo.listPartners(db, { ...q, after: after ? String(after[0]) : null });
  const page = toPage(rows, q.limit, (p) => [p.code]);
  return { items: page.items.map(toPartnerDto), nextCursor: page.nextCursor };
}

export async function addPartnerChild(
  db: Db,
  actor: Actor,
  partnerId: string,
  kind: PartnerChildKind,
  input: Record<string, unknown>,
) {
  return db.transaction(async (tx) => {
    if (!(await repo.findPartner(tx, partnerId))) throw notFound('partner');
    const row = await repo.insertChild(tx, kind, { ...input, partnerId });
    await recordChange(tx, actor, CHILD_ENTITY[kind], row.id, 'create', null, row);
    return toChildDto(row);
  });
}

export async function updatePartnerChild(
  db: Db,
  actor: Actor,
  partnerId: string,
  kind: PartnerChildKind,
  id: string,
  input: Record<string, unknown> & { version: number },
) {
  return db.transaction(async (tx) => {
    const before = await repo.findChild(tx, kind, partnerId, id);
    if (!before) throw notFound(CHILD_ENTITY[kind]);
    const { version, ...patch } = input;
    const after = await repo.updateChildVersioned(tx, kind, id, version, patch);
    if (!after)
      throw await staleWrite(CHILD_ENTITY[kind], () => repo.findChild(tx, kind, partnerId, id), toChildDto);
    await recordChange(tx, actor, CHILD_ENTITY[kind], id, 'update', before, after);
    return toChildDto(after);
  });
}

export async function removePartnerChild(
  db: Db,
  actor: Actor,
  partnerId: string,
  kind: PartnerChildKind,
  id: string,
) {
  await db.transaction(async (tx) => {
    const before = await repo.findChild(tx, kind, partnerId, id);
    if (!before) throw notFound(CHILD_ENTITY[kind]);
    await repo.deleteChild(tx, kind, id);
    await recordChange(tx, actor, CHILD_ENTITY[kind], id, 'delete', before, null);
  });
}

/** Qualifications that have expired or expire within `warnDays` days of today. */
export async function listExpiringQualifications(db: DbOrTx, today: string, warnDays: number) {
  const rows = await repo.expiringQualifications(db, addDays(today, warnDays));
  return {
    items: rows.map((r) => ({
      ...toChildDto(r.q as unknown as repo.ChildRow),
      partnerCode: r.partnerCode,
      partnerName: r.nameZh ?? r.nameEn,
      expiryState: expiryState(r.q.expiresOn, today, warnDays),
    })),
  };
}
