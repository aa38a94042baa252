import type { Db } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import type { EncodingChoice } from './decode.js';
import { importEntity } from './entities.js';
import { loadJob, openOptions, wrongStatus } from './jobService.js';
import * as jobs from './jobsRepo.js';
import { openImportFile } from './prepare.js';

/**
 * The first data rows of an uploaded file, read with the job's encoding and header choice, so a person
 * can see whether the text came out right before mapping the columns. Only while the file is kept.
 */

export interface ImportPreview {
  header: string[];
  rows: { line: number; cells: string[] }[];
}

/** Cells are cut to this length in a preview: it shows text, it does not carry it. */
const PREVIEW_CELL_CHARS = 200;

export async function previewRows(db: Db, actor: Actor, id: string, limit: number): Promise<ImportPreview> {
  const job = await loadJob(db, actor, id);
  const bytes = await jobs.jobBytes(db, id);
  if (!bytes) throw wrongStatus(job.status);
  // the kind's limits (a shipment file may hold a million rows), only the rows shown kept
  const opened = await openImportFile(bytes, {
    ...openOptions(importEntity(job.kind), job.encodingChoice as EncodingChoice, job.hasHeader),
    keepRows: limit,
  });
  if (!opened.ok) return { header: [], rows: [] };
  return {
    header: opened.header,
    rows: opened.rows.slice(0, limit).map((r) => ({
      line: r.line,
      cells: opened.header.map((_, i) => (r.cells[i] ?? '').slice(0, PREVIEW_CELL_CHARS)),
    })),
  };
}
