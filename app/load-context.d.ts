import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Per-request Content-Security-Policy nonce, set by server.mjs. */
    cspNonce?: string;
    /** The client's IP address as Express sees it (see TRUST_PROXY). */
    clientIp?: string;
  }
}
