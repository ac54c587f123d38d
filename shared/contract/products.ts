import { z } from 'zod';
import { event, procedure } from './procedure';
import { epochMs, exactlyOneOf, listOf, noInput } from './common';
import { productSlugSchema, productSpecSchema, productStatuses } from '../product';
import { omegaFolders, omegaSlotPaths } from '../omega';
import { base64Length, contentFileMaxBytes, filePartMaxBytes, omegaImageMaxBytes } from '../product-files';

export const specErrorSchema = z.object({ path: z.string(), message: z.string() });

/** The archive a compile writes, as its build record and the compile's answer both describe it. */
const archiveFields = {
  version: z.string(),
  zipPath: z.string(),
  sha256: z.string(),
  bytes: z.number().int(),
  entries: z.number().int(),
};

export const buildSchema = z.object({ ...archiveFields, compiledAt: epochMs });
export type ProductBuild = z.infer<typeof buildSchema>;

/**
 * A Drive upload of one compiled ZIP. `needs-approval`: a pre-launch dry run (the plan is what
 * it would do); `queued`: waiting to upload (offline, no credentials, Drive busy), retried with
 * backoff; `superseded`: a newer build of the product replaced it before it was sent;
 * `rejected`: its pre-launch approval was rejected or timed out, and nothing was sent.
 */
export const uploadStatuses = ['needs-approval', 'queued', 'uploading', 'done', 'failed', 'superseded', 'rejected'] as const;
export const uploadStatusSchema = z.enum(uploadStatuses);
export type UploadStatus = z.infer<typeof uploadStatusSchema>;

export const uploadPlanSchema = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  bytes: z.number().int(),
  folderId: z.string().optional(),
  supportsAllDrives: z.literal(true),
  permission: z.object({ type: z.literal('anyone'), role: z.literal('reader') }),
});
export type UploadPlan = z.infer<typeof uploadPlanSchema>;

export const uploadRecordSchema = z.object({
  id: z.string(),
  slug: z.string(),
  version: z.string(),
  sha256: z.string(),
  bytes: z.number().int(),
  zipPath: z.string(),
  status: uploadStatusSchema,
  plan: uploadPlanSchema,
  attempts: z.number().int(),
  nextAttemptAt: epochMs.optional(),
  lastError: z.string().optional(),
  driveFileId: z.string().optional(),
  driveDownloadUrl: z.string().optional(),
  /** Pre-launch: the approval (`approvals.*`) this upload waits for, or went out under. */
  approvalId: z.string().optional(),
  createdAt: epochMs,
  updatedAt: epochMs,
});
export type UploadRecord = z.infer<typeof uploadRecordSchema>;

/** Where a product lives: its spec file and its content folder (and whether that holds anything). */
const productFilesFields = { file: z.string(), contentDir: z.string(), hasContent: z.boolean() };

/** What the product's last compile left, when it has one: the build and its Drive upload. */
const lastCompileFields = { lastBuild: buildSchema.optional(), upload: uploadRecordSchema.optional() };

export const productSummarySchema = z.object({
  slug: z.string(),
  ...productFilesFields,
  valid: z.boolean(),
  errors: z.array(specErrorSchema),
  name: z.string().optional(),
  price: z.number().optional(),
  /** ISO 4217; absent means USD. */
  currency: z.string().optional(),
  status: z.enum(productStatuses).optional(),
  version: z.string().optional(),
  ...lastCompileFields,
});
export type ProductSummary = z.infer<typeof productSummarySchema>;

export const productDetailSchema = z.object({ spec: productSpecSchema, ...productFilesFields, ...lastCompileFields });
export type ProductDetail = z.infer<typeof productDetailSchema>;

export const compileResultSchema = z.object({
  slug: z.string(),
  ...archiveFields,
  /** True when this exact archive (same sha256) is on Drive. */
  uploaded: z.boolean(),
  driveDownloadUrl: z.string().optional(),
  upload: uploadRecordSchema.optional(),
  omegaDir: z.string(),
  siteConfig: z.object({ ts: z.string(), json: z.string() }),
});
export type CompileResult = z.infer<typeof compileResultSchema>;

export const checklistSlotSchema = z.object({
  folder: z.enum(omegaFolders.map((f) => f.folder) as [string, ...string[]]),
  file: z.string(),
  path: z.string(),
  /** The style a slot is made in, where its folder has styles (Social-Posts: quote, tip, promo). */
  style: z.string().optional(),
  present: z.boolean(),
  /** A real PNG: signature and IHDR read from the file. */
  png: z.boolean(),
  width: z.number().int().optional(),
  height: z.number().int().optional(),
  /** The size the slot is made for (shared/omega.ts). */
  expectedWidth: z.number().int(),
  expectedHeight: z.number().int(),
  /** A real PNG of another size: said, never refused. */
  sizeNote: z.string().optional(),
  problem: z.string().optional(),
});
export type ChecklistSlot = z.infer<typeof checklistSlotSchema>;

export const checklistSchema = z.object({
  slug: z.string(),
  omegaDir: z.string(),
  omegaCreated: z.boolean(),
  slots: z.array(checklistSlotSchema),
  filled: z.number().int(),
  total: z.number().int(),
  /** The seed's human checklist per launch. */
  steps: z.array(
    z.object({
      id: z.enum(['pngs', 'gumroad', 'drive']),
      label: z.string(),
      done: z.boolean(),
      detail: z.string(),
    }),
  ),
  /** What to paste into the Gumroad listing, one copy button each. */
  gumroadFields: z.array(z.object({ label: z.string(), value: z.string() })),
});
export type Checklist = z.infer<typeof checklistSchema>;

export const omegaPackEntrySchema = z.object({
  /** Relative to the pack's root. */
  path: z.string(),
  kind: z.enum(['file', 'folder']),
  /** `kept`: a file that was there with other text (the founder's edit), left as it is. */
  state: z.enum(['created', 'unchanged', 'kept']),
});
export type OmegaPackEntry = z.infer<typeof omegaPackEntrySchema>;
export const omegaPackResultSchema = z.object({ root: z.string(), entries: z.array(omegaPackEntrySchema) });
export type OmegaPackResult = z.infer<typeof omegaPackResultSchema>;

const slugInput = z.object({ slug: productSlugSchema }).strict();

/**
 * One part of a dropped file (shared/product-files.ts): the whole file's `size`, the byte
 * `offset` this part starts at (0 for the first), and its bytes as base64, at most
 * filePartMaxBytes (512 KiB) per call. Parts come in order; the last one puts the file in place.
 */
function filePart(maxFileBytes: number) {
  const mib = `${maxFileBytes / 1024 / 1024} MiB`;
  return {
    size: z.number().int().min(0, 'must be 0 or more').max(maxFileBytes, `must be at most ${maxFileBytes} bytes (${mib}) for this kind of file`),
    offset: z.number().int().min(0, 'must be 0 or more'),
    data: z
      .string()
      .max(base64Length(filePartMaxBytes), `must carry at most ${filePartMaxBytes} bytes (512 KiB) per call; send a larger file in parts`)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64')
      .refine((b64) => b64.length % 4 === 0, 'must be base64 (its length a multiple of 4)'),
  };
}

const omegaSlot = z.enum(omegaSlotPaths, { error: () => 'must be an Omega slot, such as Product-Cover/cover-01.png' });
const partWritten = { received: z.number().int(), size: z.number().int(), done: z.boolean() };

export const contentFilesSchema = z.object({
  contentDir: z.string(),
  files: z.array(z.object({ name: z.string(), bytes: z.number().int() })),
  /** What the compile would refuse (a link out, a bad name…), in its words. */
  problems: z.array(z.string()),
});
export type ContentFiles = z.infer<typeof contentFilesSchema>;

export const omegaImageSchema = z.object({ slot: z.string(), bytes: z.number().int(), width: z.number().int(), height: z.number().int(), data: z.string() });
export type OmegaImage = z.infer<typeof omegaImageSchema>;

export const productsProcedures = {
  'products.list': procedure({
    summary: 'Every product spec in the products folder, valid or not, with its last build and upload.',
    input: noInput,
    output: z.object({ productsDir: z.string(), products: z.array(productSummarySchema) }),
  }),
  'products.get': procedure({
    summary: 'One product: its spec, folders, last build and upload.',
    input: slugInput,
    output: productDetailSchema,
  }),
  'products.create': procedure({
    summary: 'Write products/<slug>.product.json and create the empty content folder products/<slug>/.',
    input: productSpecSchema,
    output: productDetailSchema,
  }),
  'products.update': procedure({
    summary: 'Replace an existing product\u2019s spec (the slug names it and cannot change).',
    input: productSpecSchema,
    output: productDetailSchema,
  }),
  'products.validate': procedure({
    summary: 'Check a spec by slug, as given, or by file path (the CLI only); every field error, not just the first.',
    localPaths: ['file'],
    input: z
      .object({ slug: z.string().min(1).optional(), file: z.string().min(1).optional(), spec: z.unknown().optional() })
      .strict()
      .refine(...exactlyOneOf(['slug', 'file', 'spec'])),
    output: z.object({ valid: z.boolean(), errors: z.array(specErrorSchema), file: z.string().optional() }),
  }),
  'products.compile': procedure({
    summary: 'Validate, ZIP (reproducible), upload to Drive (queued offline; a dry run in pre-launch), write the site config and the Omega tree.',
    input: z.object({ slug: productSlugSchema, upload: z.boolean().default(true) }).strict(),
    output: compileResultSchema,
  }),
  'products.cancel': procedure({
    summary: 'Cancel a running compile or upload of a product; no half-written archive is left.',
    input: slugInput,
    output: z.object({ cancelled: z.boolean() }),
  }),
  'products.checklist': procedure({
    summary: 'For each Omega slot whether a real PNG is there (with its size), and the launch checklist.',
    input: slugInput,
    output: checklistSchema,
  }),
  'products.omegaPack': procedure({
    summary: 'Create the root Levqor-Omega-Empire-Pack/ beside the product trees (brand tokens as JSON and CSS, Brand-Geometry/, a README of the layout); what is there already is left alone.',
    input: noInput,
    output: omegaPackResultSchema,
  }),
  'products.contentFiles': procedure({
    summary: 'The files of a product\u2019s content folder as the compile would take them (name, size), and what it would refuse.',
    input: slugInput,
    output: contentFilesSchema,
  }),
  'products.putContentFile': procedure({
    summary: 'Write a file into a product\u2019s content folder from its bytes (base64, in parts of at most 512 KiB), under a name relative to that folder; never outside it.',
    input: z.object({ slug: productSlugSchema, name: z.string().min(1, 'is required').max(1024, 'must be at most 1024 characters'), ...filePart(contentFileMaxBytes) }).strict(),
    output: z.object({ name: z.string(), ...partWritten }),
  }),
  'products.putOmegaImage': procedure({
    summary: 'Write a PNG into one of a product\u2019s Omega slots from its bytes (base64, in parts of at most 512 KiB); anything but a real PNG is refused.',
    input: z.object({ slug: productSlugSchema, slot: omegaSlot, ...filePart(omegaImageMaxBytes) }).strict(),
    output: z.object({ slot: z.string(), ...partWritten, image: checklistSlotSchema.optional() }),
  }),
  'products.omegaImage': procedure({
    summary: 'The PNG in one of a product\u2019s Omega slots (base64), for its preview.',
    input: z.object({ slug: productSlugSchema, slot: omegaSlot }).strict(),
    output: omegaImageSchema,
  }),
  'products.uploads': procedure({
    summary: 'Drive uploads, newest first: waiting, needing approval, done or failed.',
    input: z.object({ slug: productSlugSchema.optional() }).strict(),
    output: listOf('uploads', uploadRecordSchema),
  }),
  'products.sendUploads': procedure({
    summary: 'Try every waiting upload now, without waiting for its backoff.',
    input: noInput,
    output: z.object({ attempted: z.number().int(), uploaded: z.number().int(), uploads: z.array(uploadRecordSchema) }),
  }),
};

export const productsEvents = {
  'products.progress': event({
    summary: 'Bytes done of total while a product is zipped or uploaded.',
    payload: z.object({
      slug: z.string(),
      phase: z.enum(['zip', 'upload']),
      bytesDone: z.number().int(),
      bytesTotal: z.number().int(),
    }),
  }),
  'products.changed': event({ summary: 'A product spec was created or updated.', payload: z.object({ slug: z.string() }) }),
  'products.compiled': event({ summary: 'A compile finished.', payload: compileResultSchema }),
  'products.uploadChanged': event({ summary: 'A Drive upload changed status.', payload: uploadRecordSchema }),
};
