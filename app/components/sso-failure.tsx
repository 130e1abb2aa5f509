import { Link } from "~/components/link";

/** The page a failed single sign-on shows: what happened in words, and the way back. */
export function SsoFailure({ title, message }: { title: string; message: string }) {
  return (
    <div className="card mx-auto max-w-xl" role="alert">
      <h1 className="h1">{title}</h1>
      <p className="mt-3 text-slate-700">{message}</p>
      <p className="mt-6">
        <Link to="/login" className="btn-secondary">
          Back to sign-in
        </Link>
      </p>
    </div>
  );
}
