// Why a write was refused, and the one clean-up every stored row gets (no keys holding undefined).
import type { z } from 'zod';

/** A write refused because of what the person entered; `fields` maps field names to error codes. */
export class ValidationError extends Error {
  constructor(readonly fields: Record<string, string>) {
    super(`Invalid fields: ${Object.entries(fields).map(([f, c]) => `${f} (${c})`).join(', ')}`);
    this.name = 'ValidationError';
  }

  static fromZod(error: z.ZodError): ValidationError {
    const fields: Record<string, string> = {};
    for (const issue of error.issues) {
      const field = String(issue.path[0] ?? '_');
      fields[field] ??= issue.message;
    }
    return new ValidationError(fields);
  }
}

export class RecordNotFoundError extends Error {
  constructor(readonly table: string, readonly id: string) {
    super(`No ${table} record ${id}`);
    this.name = 'RecordNotFoundError';
  }
}

/** Drops keys whose value is undefined so stored rows carry only what is set. */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * A change or read refused because the signed-in person lacks the permission (shared/auth/permissions.ts).
 * Thrown before anything is written, so nothing changes and nothing is audited. `permission` names what was
 * missing: 'parcels:create', 'callNotes:read', 'export', or 'signIn' when nobody is signed in.
 */
export class PermissionDeniedError extends Error {
  readonly code = 'forbidden' as const;
  constructor(readonly permission: string, readonly actorId: string | null) {
    super(`Not permitted: ${permission}${actorId ? ` (${actorId})` : ' (nobody signed in)'}`);
    this.name = 'PermissionDeniedError';
  }
}

export function isPermissionDenied(error: unknown): error is PermissionDeniedError {
  return error instanceof Error && error.name === 'PermissionDeniedError';
}
