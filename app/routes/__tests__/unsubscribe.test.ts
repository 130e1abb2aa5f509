// The signed one-click unsubscribe link: only this app's signature works, and it stops every mail but security mail.
import { describe, expect, it } from "vitest";
import { judgeAddedMail, passwordResetMail } from "~/modules/mail/messages";
import { mailStatements } from "~/modules/mail/outbox.server";
import { unsubscribeToken } from "~/modules/mail/unsubscribe.server";
import { args, createUser, request, settle } from "~/test/fixtures";
import { action, loader } from "../unsubscribe.$token";

const ORIGIN = "https://hack.example.com";
const post = (token: string) =>
  settle(
    action(
      args(
        new Request(`http://localhost/unsubscribe/${token}`, {
          method: "POST",
          body: "List-Unsubscribe=One-Click",
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
        }),
        { token },
      ),
    ),
  );

describe("unsubscribe link", () => {
  it("shows the address, and the one-click POST stops notification mail but not security mail", async () => {
    const token = unsubscribeToken("Quiet@Example.com");
    expect(await loader(args(request(`/unsubscribe/${token}`), { token }))).toEqual({ email: "quiet@example.com", isOwner: false });
    expect(await post(token)).toMatchObject({ status: 200, data: { stopped: "quiet@example.com" } });
    expect((await post(token)).status).toBe(200);

    const notification = judgeAddedMail({ name: "Q", eventTitle: "Winter AI", phase: "open", url: `${ORIGIN}/events/w` });
    expect(await mailStatements([{ to: "quiet@example.com", content: notification }], ORIGIN)).toHaveLength(0);
    expect(
      await mailStatements([{ to: "quiet@example.com", content: passwordResetMail({ name: "Q", resetUrl: `${ORIGIN}/r`, validMinutes: 60 }) }], ORIGIN),
    ).toHaveLength(1);
    expect(await mailStatements([{ to: "loud@example.com", content: notification }], ORIGIN)).toHaveLength(1);
  });

  it("sends the address's owner, signed in, to their preferences; nobody else signed in", async () => {
    const owner = await createUser();
    const someoneElse = await createUser();
    const token = unsubscribeToken(owner.email);
    expect(await loader(args(request(`/unsubscribe/${token}`, { user: owner }), { token }))).toMatchObject({ isOwner: true });
    expect(await loader(args(request(`/unsubscribe/${token}`, { user: someoneElse }), { token }))).toMatchObject({ isOwner: false });
  });

  it("refuses a link whose address or signature was changed", async () => {
    const [, signature] = unsubscribeToken("victim@example.com").split(".");
    const forged = `${Buffer.from("other@example.com").toString("base64url")}.${signature}`;
    for (const token of [forged, "garbage", "", `${unsubscribeToken("victim@example.com")}x`]) {
      expect((await settle(loader(args(request(`/unsubscribe/${token}`), { token })))).status).toBe(404);
      expect((await post(token)).status).toBe(404);
    }
  });
});
