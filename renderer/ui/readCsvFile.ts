// A CSV file chosen for import, read as bytes and decoded by its own encoding (shared/csv/decodeCsvBytes.ts):
// `file.text()` always reads UTF-8, which turned a file Excel saved in GB18030 into "����".
import { decodeCsvBytes, type DecodedCsv } from '@shared/csv/decodeCsvBytes';

function readBytes(file: Blob): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer();
  // Older Blob implementations (jsdom in unit tests) have only FileReader.
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsArrayBuffer(file);
  });
}

export async function readCsvFile(file: Blob): Promise<DecodedCsv> {
  return decodeCsvBytes(new Uint8Array(await readBytes(file)));
}
