// Real image bytes for tests: uploads are decoded and re-encoded, so a signature alone no longer passes.
import zlib from "node:zlib";
import sharp from "sharp";

/** A real PNG of the given size, filled with one colour. */
export async function realPng(width = 2, height = 2): Promise<Uint8Array<ArrayBuffer>> {
  const out = await sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 60 } } })
    .png()
    .toBuffer();
  return new Uint8Array(out);
}

function chunk(type: string, data: Buffer) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A small PNG whose header declares `width`×`height` pixels (the pixel data is a few zero rows). */
export function declaredPng(width: number, height: number): Uint8Array<ArrayBuffer> {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, no interlace
  const idat = zlib.deflateSync(Buffer.alloc(Math.min(width + 1, 1_000_000) * 2));
  const bytes = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", idat),
    chunk("IEND", Buffer.alloc(0)),
  ]);
  return new Uint8Array(bytes);
}
