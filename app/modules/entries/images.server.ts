// Uploads are re-encoded, never stored as sent: the new file has only pixels, no metadata (EXIF, GPS,
// comments) and nothing appended after the image (polyglot payloads such as HTML or ZIP).
import sharp from "sharp";
import { checkDimensions, checkScreenshot, MAX_SCREENSHOT_PIXELS, type ImageType } from "./images";

// Keep no decoded images in memory between uploads.
sharp.cache(false);

export type PreparedScreenshot = { ok: true; type: ImageType; bytes: Uint8Array } | { ok: false; message: string };

const unreadable = { ok: false as const, message: "That image could not be read. Save it again as PNG, JPEG or WebP and upload it." };
const formats = { "image/png": "png", "image/jpeg": "jpeg", "image/webp": "webp" } as const;

/** Checks an upload (count, size, type by content, header dimensions) and returns its re-encoded bytes. */
export async function prepareScreenshot(bytes: Uint8Array, existingCount: number): Promise<PreparedScreenshot> {
  const check = checkScreenshot(bytes, existingCount);
  if (!check.ok) return check;
  const format = formats[check.type];
  try {
    // Only the header is read here, no pixels: without a limit, so a huge declared size gets its own message.
    const header = await sharp(bytes, { limitInputPixels: false }).metadata();
    if (header.format !== format) return unreadable;
    const size = checkDimensions(header.width, header.height);
    if (!size.ok) return size;
    // limitInputPixels again, in case a decoder reads other dimensions than the header said.
    const image = sharp(bytes, { limitInputPixels: MAX_SCREENSHOT_PIXELS, autoOrient: true });
    const out =
      format === "png"
        ? await image.png().toBuffer()
        : format === "jpeg"
          ? await image.jpeg({ quality: 85 }).toBuffer()
          : await image.webp({ quality: 85 }).toBuffer();
    return { ok: true, type: check.type, bytes: new Uint8Array(out) };
  } catch {
    return unreadable;
  }
}
