import { bench } from "./bench-lib";
const path = process.argv[2];
const { signIn, load } = bench(3301, "data/bench-archive.db");
const cookie = await signIn("bench@example.com");
const r = await load(path, cookie);
console.log(path, r);
