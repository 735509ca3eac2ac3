import { PGlite } from "@electric-sql/pglite";
let t=Date.now();
const db = new PGlite("memory://"); await db.waitReady;
console.log("init", Date.now()-t); t=Date.now();
await db.query("select 1"); console.log("q", Date.now()-t);
const dump = await db.dumpDataDir("none"); console.log("dump size", dump.size);
t=Date.now();
const db2 = new PGlite({ loadDataDir: dump }); await db2.waitReady; console.log("load init", Date.now()-t);
