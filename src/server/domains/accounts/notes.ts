import type { Db } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { notFound } from '../../lib/errors.js';
import { recordChange } from '../audit/service.js';
import * as repo from './repo.js';
import { accountNotes } from './table.js';

export async function addNote(db: Db, actor: Actor, accountId: string, body: string) {
  return db.transaction(async (tx) => {
    if (!(await repo.findAccount(tx, accountId))) throw notFound('account');
    const [note] = await tx.insert(accountNotes).values({ accountId, authorId: actor.id, body }).returning();
    await recordChange(tx, actor, 'note', note.id, 'create', null, { body }, accountId);
    return { id: note.id };
  });
}
