import { createCookie, redirect } from "@remix-run/node";
import { z } from "zod";
import { env } from "~/env.server";

const toastSchema = z.object({
  kind: z.enum(["success", "error"]).default("success"),
  message: z.string().max(500),
});
export type Toast = z.infer<typeof toastSchema>;

const toastCookie = createCookie("pf_toast", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  secure: env().cookieSecure,
  secrets: [env().sessionSecret],
  maxAge: 60,
});

export async function redirectWithToast(url: string, toast: Toast | string, init?: ResponseInit) {
  const value = typeof toast === "string" ? { kind: "success" as const, message: toast } : toast;
  const headers = new Headers(init?.headers);
  headers.append("Set-Cookie", await toastCookie.serialize(value));
  return redirect(url, { ...init, headers });
}

/** Reads and clears the flash toast. A tampered or malformed cookie is ignored. */
export async function readToast(request: Request): Promise<{ toast: Toast | null; setCookie: string | null }> {
  const raw = await toastCookie.parse(request.headers.get("Cookie"));
  if (raw === null || raw === undefined) return { toast: null, setCookie: null };
  const parsed = toastSchema.safeParse(raw);
  return {
    toast: parsed.success ? parsed.data : null,
    setCookie: await toastCookie.serialize("", { maxAge: 0 }),
  };
}
