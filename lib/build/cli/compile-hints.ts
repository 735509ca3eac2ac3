// `npm run build`, after `next build`: the boot scripts of .next compiled eagerly (../compile-hints.ts).
import { addCompileHints } from "../compile-hints";

const marked = addCompileHints(".next");
console.log(`compile hints: ${marked.length} boot script(s) marked for eager compilation`);
