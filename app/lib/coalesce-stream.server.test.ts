import { describe, expect, it } from "vitest";
import { coalescingStream } from "./coalesce-stream.server";

const piece = (n: number, size = 2048) => new Uint8Array(size).fill(n);

/** Everything the stream passes on, one entry per piece, with the moment (turn of the event loop) it came out. */
function collect(stream: ReturnType<typeof coalescingStream>) {
  const out: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => out.push(chunk));
  const ended = new Promise<void>((resolve) => stream.on("end", resolve));
  return { out, ended };
}

describe("coalescingStream", () => {
  it("passes on what is written in one go as one piece, with every byte in order", async () => {
    const stream = coalescingStream();
    const { out, ended } = collect(stream);
    for (let i = 0; i < 20; i++) stream.write(piece(i));
    await new Promise((r) => setImmediate(r));
    expect(out.map((c) => c.byteLength)).toEqual([20 * 2048]);
    stream.end();
    await ended;
    expect(Buffer.concat(out)).toEqual(Buffer.concat(Array.from({ length: 20 }, (_, i) => piece(i))));
  });

  it("passes a piece on as soon as the limit is reached", async () => {
    const stream = coalescingStream(8 * 1024);
    const { out, ended } = collect(stream);
    for (let i = 0; i < 10; i++) stream.write(piece(i));
    stream.end();
    await ended;
    expect(out.map((c) => c.byteLength)).toEqual([8192, 8192, 4096]);
  });

  it("keeps a streamed page streaming: what comes after a pause goes out separately, and the shell does not wait for it", async () => {
    const stream = coalescingStream();
    const { out, ended } = collect(stream);
    stream.write(piece(1));
    stream.write(piece(2));
    // The next turns of the event loop (a timer could fire first on a busy machine, before the turn that passes it on).
    for (let turn = 0; turn < 3; turn++) await new Promise((r) => setImmediate(r));
    // The shell went out while the rest was still being prepared.
    expect(out.map((c) => c.byteLength)).toEqual([4096]);
    stream.write(piece(3));
    stream.end();
    await ended;
    expect(out.map((c) => c.byteLength)).toEqual([4096, 2048]);
  });

  it("ends with nothing left behind when the page ends right after its last write", async () => {
    const stream = coalescingStream();
    const { out, ended } = collect(stream);
    stream.end(piece(7, 10));
    await ended;
    await new Promise((r) => setImmediate(r));
    expect(Buffer.concat(out)).toEqual(Buffer.from(piece(7, 10)));
  });
});
