import { createContext, useContext } from "react";

// The CSP nonce reaches React on the server; in the browser it is hidden and not needed.
const NonceContext = createContext<string>("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
