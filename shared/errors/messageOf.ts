// The text of anything thrown or rejected: an Error's message, a string as it is, anything else as JSON
// when it can be (a plain object from a library), else String(). Used wherever an error is shown or logged.
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string') return error;
  if (error && typeof error === 'object') {
    const message = (error as { message?: unknown }).message;
    if (typeof message === 'string' && message) return message;
    try {
      return JSON.stringify(error);
    } catch {
      return String(error);
    }
  }
  return String(error);
}
