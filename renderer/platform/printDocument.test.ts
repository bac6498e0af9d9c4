import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FrontDeskBridge } from '@shared/bridge/contract';
import { fail, ok } from '@shared/bridge/result';
import { createBrowserBridge } from './browserBridge';
import { printDocument } from './printDocument';

afterEach(() => vi.restoreAllMocks());

function bridgeAnswering(page: FrontDeskBridge['print']['page']): FrontDeskBridge {
  const real = createBrowserBridge();
  return { ...real, print: { ...real.print, page } };
}

describe('printDocument', () => {
  it('prints through the bridge in the desktop app', async () => {
    const page = vi.fn(async () => ok({ printed: true as const }));
    expect(await printDocument(bridgeAnswering(page), { html: '<p>x</p>', pageSize: 'ID1' })).toEqual({ status: 'printed', via: 'bridge' });
    expect(page).toHaveBeenCalledWith({ html: '<p>x</p>', pageSize: 'ID1' });
  });

  it('reports a cancelled dialog and a printer failure', async () => {
    expect(await printDocument(bridgeAnswering(async () => fail('cancelled', 'x')), { html: 'x' })).toEqual({ status: 'cancelled' });
    expect(await printDocument(bridgeAnswering(async () => fail('io-error', 'offline')), { html: 'x' })).toMatchObject({ status: 'failed', error: { code: 'io-error' } });
  });

  it('falls back to the browser print dialog on the same HTML, from a script-less iframe', async () => {
    const printed: string[] = [];
    const appendChild = document.body.appendChild.bind(document.body);
    vi.spyOn(document.body, 'appendChild').mockImplementation(<T extends Node>(node: T): T => {
      appendChild(node);
      if (node instanceof HTMLIFrameElement) {
        expect(node.getAttribute('sandbox')).toBe('allow-same-origin allow-modals');
        Object.defineProperty(node, 'contentWindow', { value: { focus: () => undefined, print: () => printed.push(node.srcdoc) } });
        node.dispatchEvent(new Event('load'));
      }
      return node;
    });
    expect(await printDocument(createBrowserBridge(), { html: '<p>badge</p>', title: 'Badge' })).toEqual({ status: 'printed', via: 'browser' });
    expect(printed).toEqual(['<p>badge</p>']);
    expect(document.querySelector('iframe')).toBeNull();
  });
});
