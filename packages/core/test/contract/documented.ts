import { readFileSync } from 'node:fs';
import type { Endpoint } from '../../src/schemas/index.js';

/** A documented example answer and what the field policy requires of it. */
export interface DocumentedAnswer {
  /** File under fixtures/, written from shared/cloud66 (see fixtures/README.md). */
  fixture: string;
  endpoint: Endpoint;
  /**
   * Paths the policy requires (docs/field-policy.md), stated here independently of the
   * schemas: `response.0.uid` is the first item's `uid`.
   */
  required: string[];
  /** Required paths whose documented value may be null (still required to be present). */
  nullable?: string[];
}

const list = (item: string[]) => [
  'response',
  'pagination',
  'pagination.next',
  ...item.map((f) => `response.0.${f}`),
];
const object = (fields: string[]) => ['response', ...fields.map((f) => `response.${f}`)];

const STACK = ['uid', 'name', 'environment'];
const BACKUP = ['id', 'db_type', 'backup_status', 'backup_date_iso', 'created_at_iso'];
const FILE = ['id', 'name'];

export const DOCUMENTED_ANSWERS: DocumentedAnswer[] = [
  {
    fixture: 'stacks-list',
    endpoint: 'GET /stacks',
    required: list(STACK),
    nullable: ['pagination.next'],
  },
  { fixture: 'stacks-get', endpoint: 'GET /stacks/:id', required: object(STACK) },
  {
    fixture: 'backups-list',
    endpoint: 'GET /stacks/:id/backups',
    required: list(BACKUP),
    nullable: ['pagination.next'],
  },
  { fixture: 'backups-get', endpoint: 'GET /stacks/:id/backups/:id', required: object(BACKUP) },
  {
    fixture: 'backup-files-list',
    endpoint: 'GET /stacks/:id/backups/:id/files',
    required: list(FILE),
    nullable: ['pagination.next'],
  },
  {
    fixture: 'backup-files-get',
    endpoint: 'GET /stacks/:id/backups/:id/files/:id',
    required: object(['public_url']),
  },
  { fixture: 'backups-create', endpoint: 'POST /stacks/:id/backups', required: ['response'] },
  { fixture: 'backups-import', endpoint: 'POST /stacks/:id/backups', required: ['response'] },
];

/** Documented fields the schemas leave as sent: the stack's non-`_iso` dates (mixed formats). */
export const KEPT_AS_SENT = ['created_at', 'updated_at', 'last_activity'];

/** The documented error bodies (api-notes.md, "Errors and rate limits"). */
export interface DocumentedError {
  status: number;
  body: { error: string; error_description: string; details: string | null };
}

// biome-ignore lint/suspicious/noExplicitAny: documented JSON
export function readFixture(name: string): any {
  return JSON.parse(readFileSync(new URL(`fixtures/${name}.json`, import.meta.url), 'utf8'));
}

export const DOCUMENTED_ERRORS: DocumentedError[] = readFixture('error-bodies');
