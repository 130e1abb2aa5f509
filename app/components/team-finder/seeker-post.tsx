import { getFormProps, useForm, type SubmissionResult } from "~/lib/form";
import { Form } from "@remix-run/react";
import { ConfirmStep } from "~/components/confirm-step";
import { FormErrors, SelectField, TextareaField } from "~/components/forms";
import { lazySchemas } from "~/lib/lazy-schemas";
import { NotSent } from "./not-sent";

const check = lazySchemas(() => import("~/modules/teams/schemas"));

/** The person's own "Looking for a team" post: write, edit or remove it (removing asks first). */
export function SeekerPost({
  post,
  problems,
  refusal,
  lastResult,
  confirmRemove,
}: {
  post: { skills: string; problemId: string | null } | null;
  problems: { value: string; label: string }[];
  refusal: string | null;
  lastResult: SubmissionResult<string[]> | undefined;
  confirmRemove: boolean;
}) {
  const [form, fields] = useForm({
    id: "seeker-post",
    lastResult,
    defaultValue: { skills: post?.skills ?? "", problemId: post?.problemId ?? "" },
    onValidate: ({ formData }) => check(formData, (s) => s.seekerPostSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <section aria-labelledby="post-h" className="card space-y-3">
      <h2 id="post-h" className="h2">
        Your post
      </h2>
      {refusal ? (
        <>
          <p className="text-sm text-slate-700">{refusal}</p>
          {lastResult?.error?.[""] ? <NotSent refused="Your post was not saved" result={lastResult} field="skills" /> : null}
        </>
      ) : (
        <>
          <p className="text-sm text-slate-700">
            {post ? "Teams looking for members see this post until you join a team." : "Tell teams what you bring; your post shows until you join a team."}
          </p>
          <Form method="post" {...getFormProps(form)} className="space-y-4">
            <input type="hidden" name="intent" value="save-post" />
            <FormErrors id={form.errorId} errors={form.errors} />
            <TextareaField label="Your skills and interests" meta={fields.skills} rows={3} hint="For example: SQL, prompt design, talking to support agents." />
            <SelectField label="Problem you would like to work on" meta={fields.problemId} options={problems} placeholder="No preference" />
            <button type="submit" className="btn-primary">
              {post ? "Update my post" : "Post that I am looking"}
            </button>
          </Form>
        </>
      )}
      {post && confirmRemove ? (
        <ConfirmStep
          question="Remove your post? Teams no longer see that you are looking; your requests to join stay as they are."
          fields={{ intent: "remove-post" }}
          confirmLabel="Remove my post"
          keepLabel="Keep my post"
        />
      ) : post ? (
        <Form method="post">
          <button type="submit" name="intent" value="remove-post" className="btn-danger">
            Remove my post
          </button>
        </Form>
      ) : null}
    </section>
  );
}
