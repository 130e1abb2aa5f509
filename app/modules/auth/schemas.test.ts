import { describe, expect, it } from "vitest";
import { changePasswordSchema, isEmailDomainAllowed, safeRedirect, signInSchema, signUpSchema } from "./schemas";

const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.success ? [] : result.error!.issues.map((i) => i.path.join("."));

describe("signUpSchema", () => {
  const valid = { name: "  Ada Lovelace ", email: "  Ada@Example.COM ", password: "correct horse battery" };

  it("trims the name and trims and lowercases the email", () => {
    const result = signUpSchema.safeParse(valid);
    expect(result.success).toBe(true);
    expect(result.data).toEqual({ name: "Ada Lovelace", email: "ada@example.com", password: "correct horse battery" });
  });
  it("writes the name with one space between words, as it reads", () => {
    expect(signUpSchema.parse({ ...valid, name: " Ada \t  King  Lovelace " }).name).toBe("Ada King Lovelace");
  });
  it("keeps the password exactly as typed", () => {
    expect(signUpSchema.parse({ ...valid, password: "  spaces kept  " }).password).toBe("  spaces kept  ");
  });
  it("needs at least 12 password characters", () => {
    const short = signUpSchema.safeParse({ ...valid, password: "a".repeat(11) });
    expect(short.success).toBe(false);
    expect(short.error!.issues).toMatchObject([{ path: ["password"], message: "Use at least 12 characters" }]);
    expect(signUpSchema.safeParse({ ...valid, password: "a".repeat(12) }).success).toBe(true);
  });
  it("caps the password at 200 characters", () => {
    expect(paths(signUpSchema.safeParse({ ...valid, password: "a".repeat(201) }))).toEqual(["password"]);
  });
  it("rejects an invalid email with a message on the email field", () => {
    const result = signUpSchema.safeParse({ ...valid, email: "not-an-email" });
    expect(result.error!.issues).toMatchObject([{ path: ["email"], message: "Enter a valid email address, like name@company.com" }]);
  });
  it("rejects a blank name", () => {
    expect(signUpSchema.safeParse({ ...valid, name: "   " }).error!.issues).toMatchObject([{ path: ["name"], message: "Enter your name" }]);
  });
  it("reports every missing field by path", () => {
    expect(paths(signUpSchema.safeParse({})).sort()).toEqual(["email", "name", "password"]);
  });
});

describe("signInSchema", () => {
  it("normalizes the email the same way as sign-up", () => {
    expect(signInSchema.parse({ email: " Ada@Example.com", password: "x" }).email).toBe("ada@example.com");
  });
});

describe("changePasswordSchema", () => {
  it("refuses a new password equal to the current one, on the newPassword field", () => {
    const same = "correct horse battery";
    expect(changePasswordSchema.safeParse({ currentPassword: same, newPassword: same }).error!.issues).toMatchObject([
      { path: ["newPassword"], message: "Choose a password different from the current one" },
    ]);
    expect(changePasswordSchema.safeParse({ currentPassword: same, newPassword: "another long secret" }).success).toBe(true);
  });
});

describe("isEmailDomainAllowed", () => {
  it("allows every domain when the list is empty", () => {
    expect(isEmailDomainAllowed("anyone@anywhere.org", [])).toBe(true);
  });
  it("allows listed domains, whatever the email's case", () => {
    expect(isEmailDomainAllowed("ada@acme.com", ["acme.com"])).toBe(true);
    expect(isEmailDomainAllowed("Ada@ACME.Com", ["acme.com"])).toBe(true);
    expect(isEmailDomainAllowed("ada@acme.co.uk", ["acme.com", "acme.co.uk"])).toBe(true);
  });
  it("refuses other domains, subdomains and look-alikes", () => {
    expect(isEmailDomainAllowed("ada@evil.com", ["acme.com"])).toBe(false);
    expect(isEmailDomainAllowed("ada@mail.acme.com", ["acme.com"])).toBe(false);
    expect(isEmailDomainAllowed("ada@acme.com.evil.com", ["acme.com"])).toBe(false);
    expect(isEmailDomainAllowed("acme.com@evil.com", ["acme.com"])).toBe(false);
  });
});

describe("safeRedirect", () => {
  it("follows same-site paths, with query and hash", () => {
    expect(safeRedirect("/events/x?y=1")).toBe("/events/x?y=1");
    expect(safeRedirect("/events/winter-ai#results")).toBe("/events/winter-ai#results");
    expect(safeRedirect("/")).toBe("/");
  });
  it("falls back for empty values", () => {
    expect(safeRedirect(undefined)).toBe("/");
    expect(safeRedirect(null)).toBe("/");
    expect(safeRedirect("")).toBe("/");
  });
  it("refuses other origins: protocol-relative, absolute and backslash tricks", () => {
    for (const to of ["//evil.com", "https://evil.com", "/\\evil.com", "\\\\evil.com", "javascript:alert(1)", "evil.com", "events/x"]) {
      expect(safeRedirect(to), to).toBe("/");
    }
  });
  it("refuses tabs and newlines, which browsers strip to turn '/\\t/evil.com' into '//evil.com'", () => {
    for (const to of ["/\t/evil.com", "/\n/evil.com", "/\r\n/evil.com", "/\t\\evil.com", "/events\u0000"]) {
      expect(safeRedirect(to), JSON.stringify(to)).toBe("/");
    }
  });
  it("uses the given fallback", () => {
    expect(safeRedirect("//evil.com", "/events")).toBe("/events");
  });
  it("percent-encodes characters a Location header cannot carry, so sign-in never fails on them", () => {
    expect(safeRedirect("/。/x")).toBe("/%E3%80%82/x");
    expect(safeRedirect("/events/café?q=a b")).toBe("/events/caf%C3%A9?q=a%20b");
    expect(safeRedirect("/already%20encoded")).toBe("/already%20encoded");
    expect(safeRedirect("/\ud800")).toBe("/");
    for (const to of ["/。/x", "/🚀", "/ÿ\u0100"]) expect(() => new Headers({ Location: safeRedirect(to) })).not.toThrow();
  });
});

describe("safeRedirect, characters outside ASCII", () => {
  it("percent-encodes a whole run at once, so characters made of two UTF-16 units survive", () => {
    expect(safeRedirect("/events/café😀?q=ü")).toBe("/events/caf%C3%A9%F0%9F%98%80?q=%C3%BC");
    expect(safeRedirect("/a\uD800b")).toBe("/");
  });
});
