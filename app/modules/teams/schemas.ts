import { z } from "zod";

export const teamSchema = z.object({
  name: z.string({ error: "Enter a team name" }).trim().min(2, "Use at least 2 characters").max(60, "Use at most 60 characters"),
  problemId: z.string({ error: "Pick the problem your team works on" }).min(1, "Pick the problem your team works on").max(100),
});

export const joinSchema = z.object({
  code: z
    .string({ error: "Enter the invite code" })
    .trim()
    .toUpperCase()
    .max(64, "An invite code has 8 letters and digits")
    .regex(/^[A-Z0-9]{8}$/, "An invite code has 8 letters and digits"),
});
