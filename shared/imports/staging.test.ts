import { describe, expect, it } from 'vitest';
import { importLockName, isStaged, journalKey, mayDiscard, publishedRow, recoveryOf, stagedMarks, stagedRow } from './staging';

describe('staged import rules', () => {
  it('a staged row carries a tombstone, so every read that hides deleted rows hides it', () => {
    expect(stagedMarks('IMP', 1_000)).toEqual({ importId: 'IMP', stagedImportId: 'IMP', deletedAt: 1_000 });
    expect(isStaged(stagedMarks('IMP', 1))).toBe(true);
    expect(isStaged({})).toBe(false);
    expect(isStaged({ stagedImportId: '' })).toBe(false);
  });

  it('a staged row keeps its search keys out of the search index until it is published', () => {
    const staged = stagedRow({ id: 'A', name: '张三', searchKeys: ['zs', 'zhangsan'], updatedAt: 1 }, 'IMP', 1);
    expect(staged).toEqual({ id: 'A', name: '张三', stagedSearchKeys: ['zs', 'zhangsan'], updatedAt: 1, importId: 'IMP', stagedImportId: 'IMP', deletedAt: 1 });
    expect(publishedRow(staged, 'IMP', 2)).toEqual({ id: 'A', name: '张三', searchKeys: ['zs', 'zhangsan'], updatedAt: 2, importId: 'IMP' });
    // A row without search keys (a visit) gets none.
    expect(publishedRow(stagedRow({ id: 'V', updatedAt: 1 }, 'IMP', 1), 'IMP', 2)).toEqual({ id: 'V', updatedAt: 2, importId: 'IMP' });
  });

  it('publishing removes both marks, keeps importId and never moves updatedAt backwards', () => {
    const row = { id: 'A', name: '张三', updatedAt: 5_000, ...stagedMarks('IMP', 5_000) };
    expect(publishedRow(row, 'IMP', 9_000)).toEqual({ id: 'A', name: '张三', importId: 'IMP', updatedAt: 9_000 });
    expect(publishedRow(row, 'IMP', 1_000)!.updatedAt).toBe(5_000);
  });

  it('publishing leaves alone a row that another import staged, or that is live', () => {
    expect(publishedRow({ updatedAt: 1, ...stagedMarks('OTHER', 1) }, 'IMP', 2)).toBeNull();
    // A live row deleted by hand is not "un-deleted" by an import.
    expect(publishedRow({ updatedAt: 1, deletedAt: 1 }, 'IMP', 2)).toBeNull();
  });

  it('a rollback removes only rows still staged by that very import', () => {
    expect(mayDiscard({ stagedImportId: 'IMP' }, 'IMP')).toBe(true);
    expect(mayDiscard({ stagedImportId: 'OTHER' }, 'IMP')).toBe(false);
    expect(mayDiscard({ importId: 'IMP' } as { stagedImportId?: unknown }, 'IMP')).toBe(false); // published already
    expect(mayDiscard(undefined, 'IMP')).toBe(false);
  });

  it('at start an interrupted import is rolled back while staging, finished once publishing', () => {
    expect(recoveryOf({ state: 'staging' })).toBe('discard');
    expect(recoveryOf({ state: 'publishing' })).toBe('publish');
    // Staged rows with no journal at all: never shown, rolled back.
    expect(recoveryOf(undefined)).toBe('discard');
  });

  it('names the journal and the lock of one import', () => {
    expect(journalKey('01J')).toBe('import.journal.01J');
    expect(importLockName('01J')).toBe('frontdesk-import-01J');
  });
});
