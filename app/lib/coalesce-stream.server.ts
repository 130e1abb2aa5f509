import { Transform } from "node:stream";

/** The largest piece passed on at once: a large page still starts reaching the browser early. */
const COALESCE_LIMIT = 64 * 1024;

/**
 * A pass-through for a rendered page that joins the small pieces React writes (2 kB each) into larger ones
 * (ADR 048). Compressing and sending a page in 2 kB pieces cost several times the CPU of larger ones, and
 * brotli's output was two and a half times larger. What React writes in one go is passed on once it pauses (the
 * next turn of the event loop) or reaches `limit`, so a page that streams (a Suspense boundary waiting for data)
 * still sends its shell at once.
 */
export function coalescingStream(limit = COALESCE_LIMIT) {
  let parts: Uint8Array[] = [];
  let size = 0;
  let scheduled = false;
  const stream = new Transform({
    transform(chunk: Uint8Array, _encoding, done) {
      parts.push(chunk);
      size += chunk.byteLength;
      if (size >= limit) passOn();
      else if (!scheduled) {
        scheduled = true;
        setImmediate(() => {
          scheduled = false;
          passOn();
        });
      }
      done();
    },
    flush(done) {
      passOn();
      done();
    },
  });
  function passOn() {
    if (size === 0 || stream.writableFinished) return;
    stream.push(parts.length === 1 ? parts[0] : Buffer.concat(parts, size));
    parts = [];
    size = 0;
  }
  return stream;
}
