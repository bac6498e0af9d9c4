import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../i18n';
import { describeError } from './describeError';

beforeAll(async () => {
  await initI18n('zh-CN');
});

describe('describeError', () => {
  it('says a full disk in the desk language, also when Dexie wraps the browser error', () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    expect(describeError(quota)).toBe('存储空间已满，无法保存：请导出归档并释放磁盘空间后重试，已保存的记录不受影响。');
    const wrapped = Object.assign(new Error('AbortError'), { name: 'AbortError', inner: quota });
    expect(describeError(wrapped)).toBe('存储空间已满，无法保存：请导出归档并释放磁盘空间后重试，已保存的记录不受影响。');
  });

  it('keeps any other message as it is', () => {
    expect(describeError(new Error('extension taken'))).toBe('extension taken');
  });
});
