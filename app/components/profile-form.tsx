import { getFormProps, useForm, type SubmissionResult } from "~/lib/form";
import { Form } from "@remix-run/react";
import { Link } from "~/components/link";
import { Field } from "~/components/forms";
import { lazySchemas } from "~/lib/lazy-schemas";

const check = lazySchemas(() => import("~/modules/portfolio/schemas"));

/** The account page's "Profile" section: the name others see, and the two optional lines of the person's portfolio page. */
export function ProfileForm({
  userId,
  name,
  headline,
  skills,
  shown,
  lastResult,
}: {
  userId: string;
  name: string;
  headline: string;
  skills: string;
  /** The profile as stored when the page was read: a save writes only the fields changed from it. */
  shown: string;
  lastResult?: SubmissionResult<string[]>;
}) {
  const [form, fields] = useForm({
    id: "profile",
    lastResult,
    defaultValue: { name, headline, skills },
    onValidate: ({ formData }) => check(formData, (s) => s.profileSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="card space-y-4" aria-labelledby="profile-h">
      <input type="hidden" name="intent" value="profile" />
      <input type="hidden" name="shown" value={shown} />
      <h2 id="profile-h" className="h2">
        Profile
      </h2>
      <p className="text-sm text-slate-700">
        Your name is how teammates, organizers and judges see you. Headline and skills are optional, shown on{" "}
        <Link to={`/people/${userId}`}>your portfolio</Link> with every entry you were part of.
      </p>
      <Field label="Name" meta={fields.name} autoComplete="name" />
      <Field label="Headline" meta={fields.headline} hint="Your title or team, e.g. “Analyst, Finance operations”." />
      <Field label="Skills" meta={fields.skills} hint="Separated by commas, e.g. “SQL, prompt design, Python”." />
      <button type="submit" className="btn-primary">
        Save profile
      </button>
    </Form>
  );
}
