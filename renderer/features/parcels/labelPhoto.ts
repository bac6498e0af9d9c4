// The photo of a parcel's label taken at intake: decoded by the browser (a file that is not a picture is
// refused), downscaled to at most 1024 px on its long side and stored as a JPEG data URL on the
// 'received' event (shared/domain/parcels.ts, at most 600 kB).
const MAX_SIDE = 1024;
const MAX_CHARS = 600_000;

export async function labelPhotoFromFile(file: Blob): Promise<string> {
  const bitmap = await createImageBitmap(file);
  try {
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d canvas');
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    for (const quality of [0.8, 0.6, 0.4]) {
      const url = canvas.toDataURL('image/jpeg', quality);
      if (url.length <= MAX_CHARS) return url;
    }
    throw new Error('photo too large');
  } finally {
    bitmap.close();
  }
}
