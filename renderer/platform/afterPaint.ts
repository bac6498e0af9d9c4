// Runs work once the browser has painted what was just committed: the frame callback runs right before
// the paint, and a task queued from it runs after. A hidden window gets no frames, so a fallback timer
// makes sure the work still happens. Returns a cancel function. Used by the phone (the screen's snapshot
// after the pop-up's paint) and the pop-up itself (the caller lookup after its paint).
const HIDDEN_FALLBACK_MS = 100;

export function afterPaint(work: () => void): () => void {
  if (typeof requestAnimationFrame !== 'function') {
    const timer = setTimeout(work, 0);
    return () => clearTimeout(timer);
  }
  let done = false;
  let inner: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    if (done) return;
    done = true;
    clearTimeout(fallback);
    cancelAnimationFrame(frame);
    work();
  };
  const frame = requestAnimationFrame(() => {
    inner = setTimeout(run, 0);
  });
  const fallback = setTimeout(run, HIDDEN_FALLBACK_MS);
  return () => {
    done = true;
    clearTimeout(fallback);
    clearTimeout(inner);
    cancelAnimationFrame(frame);
  };
}
