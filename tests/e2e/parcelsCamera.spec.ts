// Parcel intake with the webcam (issue 11): the real parts end to end. Each test launches its own Chromium
// whose fake camera plays a video made in the test from a barcode that bwip-js renders
// (tests/support/fakeCamera.ts); ZXing in the page reads it from the camera's frames. The test asserts what
// the person sees (the number in the field, the carrier detected, the dialog gone) and what is stored, and
// that the camera is off again after a read, a cancel and Escape; no camera and a refused permission each
// give their message. Camera streams are watched (not replaced) through an init script, to see their tracks end.
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium';
import { fakeCameraFile } from '../support/fakeCamera';
import { test, expect, signInAsTestSupervisor } from './fixtures';
import { AppPage } from './pages/AppPage';
import { ParcelsPage } from './pages/ParcelsPage';
import { SeedData } from './pages/SeedData';

interface StoredParcel { trackingNumber?: string; trackingKey?: string; carrier?: string; recipientName?: string; status: string }

const FAKE_UI = '--use-fake-ui-for-media-stream';
const FAKE_DEVICE = '--use-fake-device-for-media-stream';
const BASE_ARGS = CHROMIUM_ARGS.filter((a) => a !== FAKE_UI && a !== FAKE_DEVICE);

const browsers: Browser[] = [];
test.afterEach(async () => {
  await Promise.all(browsers.splice(0).map((b) => b.close()));
});

/** A console page in a Chromium started with these camera flags, signed in, on the parcels screen. */
async function openConsole(args: string[]): Promise<{ page: Page; parcels: ParcelsPage; errors: string[] }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...BASE_ARGS, ...args] });
  browsers.push(browser);
  const use = test.info().project.use;
  const context = await browser.newContext({ baseURL: use.baseURL, locale: 'en-US', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signInAsTestSupervisor(page);
  await page.addInitScript(() => {
    const devices = navigator.mediaDevices as MediaDevices | undefined;
    if (!devices) return;
    const streams: MediaStream[] = [];
    (window as unknown as { __cameraTracksLive: () => number }).__cameraTracksLive = () => streams.flatMap((s) => s.getTracks()).filter((t) => t.readyState === 'live').length;
    (window as unknown as { __cameraOpened: () => number }).__cameraOpened = () => streams.length;
    const original = devices.getUserMedia.bind(devices);
    devices.getUserMedia = async (constraints) => {
      const stream = await original(constraints);
      streams.push(stream);
      return stream;
    };
  });
  const app = new AppPage(page);
  const parcels = new ParcelsPage(app);
  await parcels.open();
  return { page, parcels, errors };
}

const liveTracks = (page: Page) => page.evaluate(() => (window as unknown as { __cameraTracksLive: () => number }).__cameraTracksLive());
const camerasOpened = (page: Page) => page.evaluate(() => (window as unknown as { __cameraOpened: () => number }).__cameraOpened());

test.describe('parcel intake with the camera', () => {
  test('a Code 128 label read by the camera fills the number, detects the carrier, and the item is stored', async () => {
    const code = 'SF1402000000777';
    const video = await fakeCameraFile({ bcid: 'code128', text: code });
    const { page, parcels, errors } = await openConsole([FAKE_UI, FAKE_DEVICE, `--use-file-for-fake-video-capture=${video}`]);
    await new SeedData(parcels.app).sampleHosts();

    await parcels.app.main.getByRole('button', { name: 'Scan with camera' }).click();
    const dialog = page.getByRole('dialog', { name: 'Scan the barcode with the camera' });
    await expect(dialog).toBeVisible();
    // The read closes the dialog and the camera with it.
    await expect(dialog).toBeHidden({ timeout: 30_000 });
    await expect(parcels.tracking).toHaveValue(code);
    await expect(parcels.carrier).toHaveText('Carrier: SF Express');
    await expect(parcels.recipient).toBeFocused();
    expect(await camerasOpened(page)).toBe(1);
    expect(await liveTracks(page)).toBe(0);

    await page.keyboard.type('3001', { delay: 5 });
    await page.keyboard.press('Enter');
    await expect(parcels.sessionCount).toHaveText('1 items recorded in this session');
    const stored = await parcels.app.readTable<StoredParcel>('parcels');
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ trackingNumber: code, trackingKey: code, carrier: 'sf', status: 'received', recipientName: '李秀英' });
    expect(errors).toEqual([]);
  });

  test('a QR code read by the camera goes through the same detection (UPU S10 with its check digit)', async () => {
    const code = 'RR123456785CN';
    const video = await fakeCameraFile({ bcid: 'qrcode', text: code });
    const { page, parcels, errors } = await openConsole([FAKE_UI, FAKE_DEVICE, `--use-file-for-fake-video-capture=${video}`]);
    await parcels.app.main.getByRole('button', { name: 'Scan with camera' }).click();
    await expect(page.getByRole('dialog', { name: 'Scan the barcode with the camera' })).toBeHidden({ timeout: 30_000 });
    await expect(parcels.tracking).toHaveValue(code);
    await expect(parcels.carrier).toHaveText('Carrier: EMS / international post (S10)');
    expect(await liveTracks(page)).toBe(0);
    expect(errors).toEqual([]);
  });

  test('Cancel and Escape close the camera without a read; the number field keeps the cursor', async () => {
    // Chromium's own fake camera picture (a moving test pattern): a camera with no barcode in view.
    const { page, parcels, errors } = await openConsole([FAKE_UI, FAKE_DEVICE]);
    const button = parcels.app.main.getByRole('button', { name: 'Scan with camera' });
    const dialog = page.getByRole('dialog', { name: 'Scan the barcode with the camera' });

    await button.click();
    await expect(dialog.getByRole('status')).toHaveText('Looking for a barcode…');
    expect(await liveTracks(page)).toBe(1);
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    const { violations } = await new AxeBuilder({ page }).include('[role="dialog"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(parcels.tracking).toBeFocused();
    await expect(parcels.tracking).toHaveValue('');
    expect(await liveTracks(page)).toBe(0);

    await button.focus();
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('status')).toHaveText('Looking for a barcode…');
    expect(await liveTracks(page)).toBe(1);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(parcels.tracking).toBeFocused();
    expect(await camerasOpened(page)).toBe(2);
    expect(await liveTracks(page)).toBe(0);
    expect(await parcels.app.readTable('parcels')).toHaveLength(0);
    expect(errors).toEqual([]);
  });

  test('a refused camera permission says so and what to do instead', async () => {
    // A fake camera but no automatic "Allow": headless Chromium refuses the permission prompt.
    const { page, parcels, errors } = await openConsole([FAKE_DEVICE]);
    await parcels.app.main.getByRole('button', { name: 'Scan with camera' }).click();
    const dialog = page.getByRole('dialog', { name: 'Scan the barcode with the camera' });
    await expect(dialog.getByRole('alert')).toHaveText(/^The camera was not allowed\. Allow this console to use the camera/);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
    await expect(parcels.tracking).toBeFocused();
    expect(errors).toEqual([]);
  });

  test('a desk with no camera says so and what to do instead', async () => {
    // No camera device at all (the automatic "Allow" on, so the missing device is what fails).
    const { page, parcels, errors } = await openConsole([FAKE_UI]);
    await parcels.app.main.getByRole('button', { name: 'Scan with camera' }).click();
    const dialog = page.getByRole('dialog', { name: 'Scan the barcode with the camera' });
    await expect(dialog.getByRole('alert')).toHaveText(/^No camera was found\. Connect one/);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(parcels.tracking).toBeFocused();
    expect(errors).toEqual([]);
  });
});
