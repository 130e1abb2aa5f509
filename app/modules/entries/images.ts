// Screenshot checks by content, never by file name or the browser's claimed type.

export const MAX_SCREENSHOT_BYTES = 5 * 1024 * 1024;
export const MAX_SCREENSHOTS = 6;
export const TOO_LARGE_SCREENSHOT = "That file is larger than 5 MB.";
export const TOO_MANY_SCREENSHOTS = `An entry has at most ${MAX_SCREENSHOTS} screenshots. Delete one first.`;
// A 5 MB file can still declare 60000×60000 pixels (14 GB decoded): dimensions are checked before decoding.
export const MAX_SCREENSHOT_PIXELS = 40_000_000;

export type ImageType = "image/png" | "image/jpeg" | "image/webp";

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

/** The image type the bytes really are, or null for anything else (an .exe renamed to .png included). */
export function detectImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  // RIFF....WEBP
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return "image/webp";
  return null;
}

export type ScreenshotCheck = { ok: true; type: ImageType } | { ok: false; message: string };

export function checkScreenshot(bytes: Uint8Array, existingCount: number): ScreenshotCheck {
  if (existingCount >= MAX_SCREENSHOTS) return { ok: false, message: TOO_MANY_SCREENSHOTS };
  if (bytes.length === 0) return { ok: false, message: "Choose an image file to upload." };
  if (bytes.length > MAX_SCREENSHOT_BYTES) return { ok: false, message: TOO_LARGE_SCREENSHOT };
  const type = detectImageType(bytes);
  if (!type) return { ok: false, message: "Only PNG, JPEG or WebP images are accepted (checked by content, not by name)." };
  return { ok: true, type };
}

/** Dimensions read from the image header, checked before any pixel is decoded. */
export function checkDimensions(width: number | undefined, height: number | undefined): { ok: true } | { ok: false; message: string } {
  if (!width || !height) return { ok: false, message: "That image could not be read. Save it again as PNG, JPEG or WebP and upload it." };
  if (width * height > MAX_SCREENSHOT_PIXELS) {
    return { ok: false, message: `That image is ${width}×${height} pixels; screenshots may have at most 40 megapixels. Make it smaller and upload it again.` };
  }
  return { ok: true };
}
