import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({})); // appProtocol only needs electron's types

const { appSchemePrivileges, createAppProtocolHandler, resolveAppFile } = await import('./appProtocol');
const { mimeTypeFor } = await import('./mimeTypes');

let root: string;
let rendererDir: string;
const CSP = "default-src 'self'";

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'fd-proto-'));
  rendererDir = path.join(root, 'renderer');
  await fs.mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await fs.writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>FrontDesk</title>');
  await fs.writeFile(path.join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1)');
  await fs.writeFile(path.join(rendererDir, 'assets', 'index-abc.css'), 'body{}');
  await fs.writeFile(path.join(rendererDir, 'assets', 'ring tone.wav'), 'RIFF');
  await fs.writeFile(path.join(root, 'secret.txt'), 'outside the renderer');
});
afterAll(() => fs.rm(root, { recursive: true, force: true }));

const handler = () => createAppProtocolHandler({ rootDir: rendererDir, contentSecurityPolicy: () => CSP });
const get = (url: string, method = 'GET') => handler()(new Request(url, { method }));

describe('app:// scheme registration (checklist #18: custom protocol instead of file://)', () => {
  it('is standard, secure and fetch-enabled, and grants nothing more', () => {
    expect(appSchemePrivileges).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    });
  });
});

describe('app:// handler', () => {
  it('serves index.html for / and /index.html with the CSP header', async () => {
    for (const url of ['app://frontdesk/', 'app://frontdesk/index.html']) {
      const res = await get(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toBe(CSP);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await res.text()).toContain('FrontDesk');
    }
  });

  it('serves assets with correct MIME types (module scripts need text/javascript)', async () => {
    expect((await get('app://frontdesk/assets/index-abc.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await get('app://frontdesk/assets/index-abc.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
    const wav = await get('app://frontdesk/assets/ring%20tone.wav');
    expect(wav.status).toBe(200);
    expect(wav.headers.get('content-type')).toBe('audio/wav');
    expect(mimeTypeFor('x.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('x.unknown')).toBe('application/octet-stream');
  });

  it('answers 404 for unknown paths and directories', async () => {
    expect((await get('app://frontdesk/nope.js')).status).toBe(404);
    expect((await get('app://frontdesk/assets')).status).toBe(404);
    expect((await get('app://frontdesk/visitors/today')).status).toBe(404);
  });

  it('refuses path traversal, encoded or not', async () => {
    for (const url of [
      'app://frontdesk/..%2fsecret.txt',
      'app://frontdesk/assets/..%2F..%2Fsecret.txt',
      'app://frontdesk/%2e%2e%2fsecret.txt',
      'app://frontdesk/..%5csecret.txt',
      'app://frontdesk/assets%5c..%5c..%5csecret.txt',
      'app://frontdesk/index.html%00.js',
      'app://frontdesk/%E0%A4%A', // undecodable
    ]) {
      const res = await get(url);
      expect([403, 404], url).toContain(res.status);
      expect(await res.text(), url).not.toContain('outside the renderer');
    }
    expect(resolveAppFile(rendererDir, 'app://frontdesk/..%2fsecret.txt')).toBeNull();
    // Unencoded dot segments are normalised away by the URL parser: they stay inside the root.
    expect(resolveAppFile(rendererDir, 'app://frontdesk/../../secret.txt')).toBe(path.join(rendererDir, 'secret.txt'));
  });

  it('refuses other hosts and schemes', async () => {
    expect((await get('app://evil/index.html')).status).toBe(403);
    expect(resolveAppFile(rendererDir, 'file:///etc/passwd')).toBeNull();
  });

  it('allows only GET and HEAD', async () => {
    expect((await get('app://frontdesk/index.html', 'POST')).status).toBe(405);
    const head = await get('app://frontdesk/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('asks for the CSP on every response, so new SIP servers apply on reload', async () => {
    let n = 0;
    const h = createAppProtocolHandler({ rootDir: rendererDir, contentSecurityPolicy: () => `csp-${++n}` });
    expect((await h(new Request('app://frontdesk/'))).headers.get('content-security-policy')).toBe('csp-1');
    expect((await h(new Request('app://frontdesk/'))).headers.get('content-security-policy')).toBe('csp-2');
  });
});
