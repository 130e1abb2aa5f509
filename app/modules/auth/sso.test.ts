import { describe, expect, it } from "vitest";
import { decideAccount, displayName, isAcceptableIssuer, readGroups, roleFromGroups, type SsoClaims } from "./sso";

const claims = (over: Partial<SsoClaims> = {}): SsoClaims => ({
  issuer: "https://id.acme.test",
  subject: "sub-1",
  email: "ada@acme.test",
  emailVerified: true,
  name: "Ada Lovelace",
  groups: [],
  ...over,
});
const decide = (over: Partial<Parameters<typeof decideAccount>[0]> = {}) =>
  decideAccount({ claims: claims(), linkedUserId: null, userIdWithEmail: null, allowedDomains: [], ...over });

describe("decideAccount", () => {
  it("signs a linked identity straight in, even when its email now belongs to another account", () => {
    expect(decide({ linkedUserId: "u1", userIdWithEmail: "u2" })).toEqual({ kind: "sign-in", userId: "u1" });
  });

  it("links an existing account only on a verified email", () => {
    expect(decide({ userIdWithEmail: "u2" })).toEqual({ kind: "link", userId: "u2" });
    expect(decide({ userIdWithEmail: "u2", claims: claims({ emailVerified: false }) })).toEqual({ kind: "refuse", reason: "email-unverified" });
  });

  it("creates an account from the claims when no account has the email", () => {
    expect(decide()).toEqual({ kind: "create", email: "ada@acme.test", name: "Ada Lovelace" });
  });

  it("refuses a missing email unless the identity is already linked", () => {
    expect(decide({ claims: claims({ email: undefined }) })).toEqual({ kind: "refuse", reason: "missing-email" });
    expect(decide({ claims: claims({ email: undefined }), linkedUserId: "u1" })).toEqual({ kind: "sign-in", userId: "u1" });
  });

  it("applies ALLOWED_EMAIL_DOMAINS to new, linking and linked sign-ins alike", () => {
    const allowedDomains = ["example.com"];
    expect(decide({ allowedDomains })).toEqual({ kind: "refuse", reason: "domain-not-allowed" });
    expect(decide({ allowedDomains, userIdWithEmail: "u2" })).toEqual({ kind: "refuse", reason: "domain-not-allowed" });
    expect(decide({ allowedDomains, linkedUserId: "u1" })).toEqual({ kind: "refuse", reason: "domain-not-allowed" });
    expect(decide({ allowedDomains: ["acme.test"] }).kind).toBe("create");
  });
});

describe("roleFromGroups", () => {
  const both = { organizerGroup: "organizers", adminGroup: "admins" };
  it("leaves every role alone when no group is configured", () => {
    for (const role of ["admin", "organizer", "member"] as const)
      expect(roleFromGroups(role, ["admins"], { organizerGroup: undefined, adminGroup: undefined })).toBe(role);
  });
  it("grants and takes back each role with its group", () => {
    expect(roleFromGroups("member", ["admins"], both)).toBe("admin");
    expect(roleFromGroups("member", ["organizers"], both)).toBe("organizer");
    expect(roleFromGroups("admin", ["organizers"], both)).toBe("organizer");
    expect(roleFromGroups("organizer", [], both)).toBe("member");
    expect(roleFromGroups("admin", [], both)).toBe("member");
  });
  it("keeps a role whose group is not configured", () => {
    expect(roleFromGroups("admin", [], { organizerGroup: "organizers", adminGroup: undefined })).toBe("admin");
    expect(roleFromGroups("organizer", [], { organizerGroup: undefined, adminGroup: "admins" })).toBe("organizer");
    expect(roleFromGroups("admin", [], { organizerGroup: undefined, adminGroup: "admins" })).toBe("member");
  });
});

describe("claims helpers", () => {
  it("reads groups as an array or a single name, and nothing else", () => {
    expect(readGroups(["a", 1, "b"])).toEqual(["a", "b"]);
    expect(readGroups("a")).toEqual(["a"]);
    expect(readGroups(undefined)).toEqual([]);
  });
  it("names a new account from the name claim, else the email's local part", () => {
    expect(displayName({ name: "  ", email: "grace@acme.test" })).toBe("grace");
    expect(displayName({ name: "x".repeat(100), email: undefined })).toHaveLength(80);
  });
  it("accepts plain http only for an issuer on this machine", () => {
    expect(isAcceptableIssuer(new URL("https://id.acme.test"))).toBe(true);
    expect(isAcceptableIssuer(new URL("http://localhost:4000"))).toBe(true);
    expect(isAcceptableIssuer(new URL("http://127.0.0.1:4000"))).toBe(true);
    expect(isAcceptableIssuer(new URL("http://id.acme.test"))).toBe(false);
  });
});
