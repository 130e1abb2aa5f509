import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { declaredPng, realPng } from "~/test/images";
import { checkDimensions, checkScreenshot, detectImageType, MAX_SCREENSHOT_BYTES } from "./images";
import { prepareScreenshot } from "./images.server";

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const webp = new Uint8Array([0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50]);
// What a Windows executable starts with, whatever its file name says.
const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);

describe("detectImageType", () => {
  it("recognizes PNG, JPEG and WebP by their bytes", () => {
    expect(detectImageType(png)).toBe("image/png");
    expect(detectImageType(jpeg)).toBe("image/jpeg");
    expect(detectImageType(webp)).toBe("image/webp");
  });

  it("refuses an executable renamed to .png, SVG, GIF and a RIFF that is not WebP", () => {
    expect(detectImageType(exe)).toBeNull();
    expect(detectImageType(new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"))).toBeNull();
    expect(detectImageType(new TextEncoder().encode("GIF89a"))).toBeNull();
    expect(detectImageType(new Uint8Array([0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x41, 0x56, 0x49, 0x20]))).toBeNull();
    expect(detectImageType(new Uint8Array([0x89, 0x50]))).toBeNull();
  });
});

describe("checkScreenshot", () => {
  it("accepts a small image", () => {
    expect(checkScreenshot(png, 0)).toEqual({ ok: true, type: "image/png" });
  });

  it("says why it refuses", () => {
    expect(checkScreenshot(exe, 0)).toMatchObject({ ok: false, message: expect.stringContaining("PNG, JPEG or WebP") });
    expect(checkScreenshot(new Uint8Array(), 0)).toMatchObject({ ok: false, message: "Choose an image file to upload." });
    const big = new Uint8Array(MAX_SCREENSHOT_BYTES + 1);
    big.set(png);
    expect(checkScreenshot(big, 0)).toMatchObject({ ok: false, message: "That file is larger than 5 MB." });
    expect(checkScreenshot(png, 6)).toMatchObject({ ok: false, message: expect.stringContaining("at most 6") });
  });
});

describe("checkDimensions", () => {
  it("accepts up to 40 megapixels and refuses more, naming the size", () => {
    expect(checkDimensions(8000, 5000)).toEqual({ ok: true });
    expect(checkDimensions(8000, 5001)).toMatchObject({ ok: false, message: expect.stringContaining("at most 40 megapixels") });
    expect(checkDimensions(60000, 60000)).toMatchObject({ ok: false, message: expect.stringContaining("60000×60000") });
    expect(checkDimensions(undefined, 10)).toMatchObject({ ok: false, message: expect.stringContaining("could not be read") });
  });
});

describe("prepareScreenshot", () => {
  it("refuses a small PNG that declares 60000×60000 pixels, before decoding it", async () => {
    const huge = declaredPng(60000, 60000);
    expect(huge.length).toBeLessThan(MAX_SCREENSHOT_BYTES);
    expect(await prepareScreenshot(huge, 0)).toMatchObject({ ok: false, message: expect.stringContaining("at most 40 megapixels") });
  });

  it("re-encodes: metadata and anything appended after the image are gone, the pixels stay", async () => {
    const tagged = await sharp(await realPng(4, 3))
      .jpeg()
      .withExif({ IFD0: { Copyright: "secret-exif-owner" } })
      .toBuffer();
    const payload = Buffer.from("<html><script>alert(1)</script></html>PK\x03\x04");
    const polyglot = new Uint8Array(Buffer.concat([tagged, payload]));
    expect(Buffer.from(polyglot).includes("secret-exif-owner")).toBe(true);
    const prepared = await prepareScreenshot(polyglot, 0);
    if (!prepared.ok) throw new Error(prepared.message);
    expect(prepared.type).toBe("image/jpeg");
    const out = Buffer.from(prepared.bytes);
    expect(out.includes("secret-exif-owner")).toBe(false);
    expect(out.includes("<script>")).toBe(false);
    const meta = await sharp(out).metadata();
    expect([meta.format, meta.width, meta.height, meta.exif]).toEqual(["jpeg", 4, 3, undefined]);
  });

  it("keeps PNG as PNG, and refuses bytes that only start like an image", async () => {
    expect(await prepareScreenshot(await realPng(), 0)).toMatchObject({ ok: true, type: "image/png" });
    expect(await prepareScreenshot(png, 0)).toMatchObject({ ok: false, message: expect.stringContaining("could not be read") });
    expect(await prepareScreenshot(exe, 0)).toMatchObject({ ok: false, message: expect.stringContaining("PNG, JPEG or WebP") });
  });
});

describe("screenshot checks at their edges", () => {
  it("reads the signature only where it belongs, and only when all of it is there", () => {
    expect(detectImageType(new Uint8Array([0xff, 0xd8, 0xff]))).toBe("image/jpeg");
    expect(detectImageType(new Uint8Array([0xff, 0xd8]))).toBeNull();
    expect(detectImageType(new Uint8Array([0, 0xff, 0xd8, 0xff]))).toBeNull();
    // WEBP right after RIFF (offset 4) instead of at offset 8, and WEBP without RIFF.
    expect(detectImageType(new Uint8Array([0x52, 0x49, 0x46, 0x46, 0x57, 0x45, 0x42, 0x50, 0, 0, 0, 0]))).toBeNull();
    expect(detectImageType(new Uint8Array([0, 0, 0, 0, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50]))).toBeNull();
    expect(detectImageType(webp.slice(0, 11))).toBeNull();
    expect(detectImageType(png.slice(0, 8))).toBe("image/png");
    expect(detectImageType(png.slice(0, 7))).toBeNull();
  });

  it("allows a sixth screenshot and exactly 5 MB, and says each refusal in full", () => {
    expect(checkScreenshot(png, 5)).toEqual({ ok: true, type: "image/png" });
    expect(checkScreenshot(png, 6)).toEqual({ ok: false, message: "An entry has at most 6 screenshots. Delete one first." });
    const exact = new Uint8Array(MAX_SCREENSHOT_BYTES);
    exact.set(jpeg);
    expect(checkScreenshot(exact, 0)).toEqual({ ok: true, type: "image/jpeg" });
    expect(checkScreenshot(exe, 0)).toEqual({ ok: false, message: "Only PNG, JPEG or WebP images are accepted (checked by content, not by name)." });
  });

  it("refuses a missing or zero dimension and names the size over the limit", () => {
    const unreadable = { ok: false, message: "That image could not be read. Save it again as PNG, JPEG or WebP and upload it." };
    expect(checkDimensions(10, undefined)).toEqual(unreadable);
    expect(checkDimensions(0, 10)).toEqual(unreadable);
    expect(checkDimensions(10, 0)).toEqual(unreadable);
    expect(checkDimensions(1, 1)).toEqual({ ok: true });
    expect(checkDimensions(40_000_001, 1)).toEqual({
      ok: false,
      message: "That image is 40000001×1 pixels; screenshots may have at most 40 megapixels. Make it smaller and upload it again.",
    });
  });
});
