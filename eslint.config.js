// ESLint: correctness, React hooks and accessibility rules, and the module boundaries the architecture
// relies on. Formatting is Prettier's job (npm run format), so no style rules here.
import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const boundary = (patterns, paths = []) => ["error", { patterns, paths }];
// One link component (ADR 061): Remix's own Link only through it.
const remixLink = [
  { name: "@remix-run/react", importNames: ["Link"], message: "Use Link from ~/components/link (ADR 061)." },
  { name: "react-router-dom", importNames: ["Link", "NavLink"], message: "Use Link from ~/components/link (ADR 061)." },
];

export default tseslint.config(
  { ignores: ["build/", "build-*/", "node_modules/", "data/", "test-results/", "playwright-report/", ".cache/", "reports/", ".stryker-tmp/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-console": "off",
    },
  },
  {
    files: ["app/**/*.tsx"],
    plugins: { "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
    },
  },
  // Module boundaries: routes use modules and components; modules never reach up into routes or
  // components; db/ is below everything in app/ (the demo seed lives in scripts/, which may use modules).
  {
    files: ["app/modules/**/*.ts", "app/lib/**/*.ts"],
    rules: {
      "no-restricted-imports": boundary([
        { group: ["~/routes/*", "~/components/*", "../routes/*", "../components/*"], message: "Modules and lib never import routes or components." },
      ]),
    },
  },
  {
    files: ["app/components/**/*.tsx", "app/components/**/*.ts"],
    rules: { "no-restricted-imports": boundary([{ group: ["~/routes/*"], message: "Components never import routes." }], remixLink) },
  },
  {
    files: ["app/routes/**/*.tsx", "app/root.tsx", "app/lib/**/*.tsx"],
    rules: { "no-restricted-imports": boundary([], remixLink) },
  },
  {
    files: ["db/**/*.ts"],
    ignores: ["db/**/*.test.ts"],
    rules: { "no-restricted-imports": boundary([{ group: ["~/*"], message: "db/ is the bottom layer: it never imports app code." }]) },
  },
);
