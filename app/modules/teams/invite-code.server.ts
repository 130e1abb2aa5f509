import { joinSchema } from "~/modules/teams/schemas";
import { findTeamByCode } from "~/modules/teams/teams.server";

export const UNKNOWN_CODE_MESSAGE = "No team has this invite code. Check it with whoever sent it.";

export type InviteLookup = { ok: true; code: string } | { ok: false; code: string; message: string };

/** A typed-in invite code: found, or the reason to show next to the field (never a bare "Not found"). */
export async function lookUpInviteCode(raw: string): Promise<InviteLookup> {
  const parsed = joinSchema.safeParse({ code: raw });
  if (!parsed.success) return { ok: false, code: raw.slice(0, 64), message: parsed.error.issues[0].message };
  const team = await findTeamByCode(parsed.data.code);
  return team ? { ok: true, code: parsed.data.code } : { ok: false, code: parsed.data.code, message: UNKNOWN_CODE_MESSAGE };
}

/** The lookup as a conform reply, so the form shows the code as typed with the message under it. */
export function inviteCodeReply(lookup: Extract<InviteLookup, { ok: false }>) {
  return { status: "error" as const, initialValue: { code: lookup.code }, error: { code: [lookup.message] } };
}
