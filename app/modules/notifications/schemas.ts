import { z } from "zod";
import { optionalKinds, type NotificationKind } from "./kinds";

/** The preferences form: one checkbox per optional kind, named `kinds`; a kind left unticked is not mailed. */
export const emailPreferencesSchema = z.object({
  kinds: z
    .array(z.enum(optionalKinds as [NotificationKind, ...NotificationKind[]], { error: "Choose from the kinds of email listed." }))
    .max(optionalKinds.length)
    .default([]),
  /** What the form showed (shownPreferences): a save writes only the kinds the person changed. */
  shown: z.string().max(4000).optional(),
});
