// Reading a label's barcode with the webcam (issue 11, intake): the camera through getUserMedia, the frames
// decoded by ZXing (@zxing/browser over @zxing/library, pure JavaScript, no network and no WebAssembly), which
// reads the 1D codes carriers print (Code 128 above all; Code 39/93, ITF, EAN) and QR codes. The library is
// loaded on the first scan only, so the parcels screen does not carry it until someone opens the camera.
// The camera is released on every way out: a read, a cancel, an error, the dialog closing.

/** Why the camera could not be used, for a message in the person's language. */
export type CameraProblem = 'unavailable' | 'noCamera' | 'denied' | 'busy' | 'failed';

export class CameraUnavailableError extends Error {
  override readonly name = 'CameraUnavailableError';
}

/** What getUserMedia's refusal means at the desk (the DOMException names of the Media Capture spec). */
export function cameraProblemOf(error: unknown): CameraProblem {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String((error as { name: unknown }).name) : '';
  switch (name) {
    case 'CameraUnavailableError':
      return 'unavailable';
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return 'denied';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'noCamera';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'busy';
    default:
      return 'failed';
  }
}

export interface CameraScan {
  /** Stops decoding and turns the camera off (idempotent). */
  stop(): void;
}

/** The formats looked for: what carriers and post offices print, and QR codes. */
const FORMATS = ['CODE_128', 'CODE_39', 'CODE_93', 'ITF', 'EAN_13', 'QR_CODE'] as const;

/** Opens the camera (the back camera where there are several), showing it in `video`. */
export async function openCamera(): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getUserMedia) throw new CameraUnavailableError('no media devices in this context');
  return navigator.mediaDevices.getUserMedia({
    audio: false,
    video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } },
  });
}

/**
 * Decodes the camera's frames until one holds a code: `onRead` gets its text once, and the camera is off
 * by then. The returned handle stops the scan early (cancel).
 */
export async function scanStream(stream: MediaStream, video: HTMLVideoElement, onRead: (text: string) => void): Promise<CameraScan> {
  let done = false;
  const release = () => stream.getTracks().forEach((track) => track.stop());
  try {
    const [{ BrowserMultiFormatReader }, { BarcodeFormat, DecodeHintType }] = await Promise.all([import('@zxing/browser'), import('@zxing/library')]);
    const hints = new Map<unknown, unknown>([
      [DecodeHintType.POSSIBLE_FORMATS, FORMATS.map((f) => BarcodeFormat[f])],
      [DecodeHintType.TRY_HARDER, true],
    ]);
    const reader = new BrowserMultiFormatReader(hints as Map<never, never>, { delayBetweenScanAttempts: 100, delayBetweenScanSuccess: 100 });
    const controls = await reader.decodeFromStream(stream, video, (result, _error, running) => {
      const text = result?.getText().trim();
      if (done || !text) return;
      done = true;
      running.stop();
      release();
      onRead(text);
    });
    if (done) controls.stop();
    return {
      stop() {
        done = true;
        controls.stop();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
