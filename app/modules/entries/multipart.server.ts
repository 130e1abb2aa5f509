import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { MAX_SCREENSHOT_BYTES } from "./images";

/** The upload form sends a file, a caption and its button: a body with more parts is not ours. */
export const MAX_FORM_PARTS = 20;
/** One screenshot and its few text fields. server.mjs refuses bodies past 6 MB before this runs. */
const MAX_FORM_BYTES = MAX_SCREENSHOT_BYTES + 64 * 1024;

class FormRefused extends Error {}

/** A multipart body: the screenshot upload's, whatever the capitals of its type. */
function isMultipart(request: Request): boolean {
  return request.headers.get("Content-Type")?.toLowerCase().startsWith("multipart/form-data") ?? false;
}

/**
 * The entry page's form: plain fields, or a multipart screenshot upload parsed part by part with a cap
 * on each part, on the number of parts and on their total, instead of being buffered whole.
 */
export async function readEntryForm(request: Request): Promise<FormData | { refused: string }> {
  if (!isMultipart(request)) return request.formData();
  const inMemory = unstable_createMemoryUploadHandler({ maxPartSize: MAX_SCREENSHOT_BYTES });
  let parts = 0;
  let total = 0;
  async function* counted(data: AsyncIterable<Uint8Array>) {
    for await (const chunk of data) {
      total += chunk.byteLength;
      if (total > MAX_FORM_BYTES) throw new FormRefused("That upload is larger than 5 MB.");
      yield chunk;
    }
  }
  const capped: UploadHandler = (part) => {
    if (++parts > MAX_FORM_PARTS) throw new FormRefused("That form has more fields than the upload form sends.");
    return inMemory({ ...part, data: counted(part.data) });
  };
  try {
    return await unstable_parseMultipartFormData(request, capped);
  } catch (e) {
    if (e instanceof MaxPartSizeExceededError) return { refused: "That file is larger than 5 MB." };
    if (e instanceof FormRefused) return { refused: e.message };
    throw e;
  }
}
