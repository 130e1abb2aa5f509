/** The single sign-on button: a plain link to /auth/sso, so it works without JavaScript. */
export function SsoButton({ label, redirectTo }: { label: string; redirectTo: string | null }) {
  const href = redirectTo ? `/auth/sso?${new URLSearchParams({ redirectTo })}` : "/auth/sso";
  return (
    <a href={href} className="btn-primary block w-full text-center">
      {label}
    </a>
  );
}
