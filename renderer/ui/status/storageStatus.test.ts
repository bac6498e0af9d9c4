import { describe, expect, it, vi } from 'vitest';
import { formatBytes, nearlyFullShare, requestPersistentStorage } from './storageStatus';

describe('requestPersistentStorage', () => {
  it('asks for persistence when not yet granted and reports usage', async () => {
    const persist = vi.fn().mockResolvedValue(true);
    const status = await requestPersistentStorage({ persisted: vi.fn().mockResolvedValue(false), persist, estimate: vi.fn().mockResolvedValue({ usage: 2048, quota: 10 }) });
    expect(persist).toHaveBeenCalledOnce();
    expect(status).toEqual({ state: 'persisted', usageBytes: 2048, quotaBytes: 10 });
  });
  it('reports a refusal and a missing storage manager', async () => {
    expect((await requestPersistentStorage({ persisted: async () => false, persist: async () => false, estimate: async () => ({}) })).state).toBe('notPersisted');
    expect((await requestPersistentStorage(undefined)).state).toBe('unavailable');
    expect((await requestPersistentStorage({ persisted: () => Promise.reject(new Error('x')), persist: async () => true, estimate: async () => ({}) })).state).toBe('unavailable');
  });
  it('formats sizes for the locale', () => {
    expect(formatBytes(1536, 'en')).toBe('1.5 KB');
    expect(formatBytes(12, 'zh-CN')).toBe('12 B');
  });
});

describe('nearlyFullShare', () => {
  it('warns above 80 % of the quota and not at or below it', () => {
    expect(nearlyFullShare({ usageBytes: 81, quotaBytes: 100 })).toBeCloseTo(0.81);
    expect(nearlyFullShare({ usageBytes: 80, quotaBytes: 100 })).toBeUndefined();
    expect(nearlyFullShare({ usageBytes: 10, quotaBytes: 100 })).toBeUndefined();
  });
  it('says nothing without an estimate', () => {
    expect(nearlyFullShare({})).toBeUndefined();
    expect(nearlyFullShare({ usageBytes: 5, quotaBytes: 0 })).toBeUndefined();
  });
});

