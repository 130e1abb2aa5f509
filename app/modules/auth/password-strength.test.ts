import { describe, expect, it } from "vitest";
import { passwordWeakness } from "./password-strength.server";

const jane = { email: "jane.doe@example.com", name: "Jane Doe" };

describe("passwordWeakness", () => {
  it("refuses common and breached-style passwords", () => {
    for (const p of ["password1234", "iloveyou1234", "qwertyuiop12", "hunter2hunter2"]) {
      expect(passwordWeakness(p, jane), p).toMatch(/too common or too easy to guess/);
    }
  });

  it("refuses repeated characters", () => {
    expect(passwordWeakness("aaaaaaaaaaaa", jane)).toMatch(/repeated characters/);
    expect(passwordWeakness("abcabcabcabc", jane)).toMatch(/repeated characters/);
  });

  it("refuses the email's local part or the name, in any case", () => {
    expect(passwordWeakness("JANE.DOE-rocket-lamp-9", jane)).toBe("Do not use your email address in your password.");
    expect(passwordWeakness("violin-jane-orbit-42", jane)).toBe("Do not use your name in your password.");
    expect(passwordWeakness("violin-orbit-42-quint", { email: "x1@example.com", name: "Quint Ado" })).toBe("Do not use your name in your password.");
  });

  it("accepts passphrases, the test suites' passwords included", () => {
    for (const p of [
      "tangerine-octopus-violin-41",
      "a-long-enough-passphrase",
      "correct horse battery staple",
      "an-entirely-new-passphrase",
      "a-brand-new-passphrase",
    ]) {
      expect(passwordWeakness(p, { email: "pat-password-x1@example.com", name: "Pat Password" }), p).toBeNull();
    }
  });
});
