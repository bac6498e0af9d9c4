import { describe, expect, it } from 'vitest';
import { cameraProblemOf, openCamera } from './cameraScan';

const domError = (name: string) => Object.assign(new Error(name), { name });

describe('camera problems, as the desk is told them', () => {
  it('tells a refused permission, a missing camera and a camera in use apart (getUserMedia error names)', () => {
    expect(cameraProblemOf(domError('NotAllowedError'))).toBe('denied');
    expect(cameraProblemOf(domError('SecurityError'))).toBe('denied');
    expect(cameraProblemOf(domError('NotFoundError'))).toBe('noCamera');
    expect(cameraProblemOf(domError('OverconstrainedError'))).toBe('noCamera');
    expect(cameraProblemOf(domError('NotReadableError'))).toBe('busy');
    expect(cameraProblemOf(domError('TypeError'))).toBe('failed');
    expect(cameraProblemOf('a string')).toBe('failed');
  });

  it('says the camera cannot be used where the page has no media devices (an insecure context)', async () => {
    expect(navigator.mediaDevices?.getUserMedia).toBeUndefined();
    const error = await openCamera().then(() => undefined, (e: unknown) => e);
    expect(cameraProblemOf(error)).toBe('unavailable');
  });
});
