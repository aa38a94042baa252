import { z } from 'zod';

export const attachmentUploadQuerySchema = z.object({
  /** The file's name as the user had it (Chinese names welcome); its extension decides what is allowed. */
  fileName: z.string().trim().min(1).max(255),
  /** Attach to this reply or internal note of the ticket. */
  eventId: z.coerce.number().int().min(1).optional(),
});

export const attachmentDtoSchema = z.object({
  id: z.string(),
  ticketId: z.string(),
  eventId: z.number().int().nullable(),
  internal: z.boolean(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.string().nullable(),
  uploadedByLabel: z.string(),
  createdAt: z.string(),
});
export type AttachmentDto = z.infer<typeof attachmentDtoSchema>;
