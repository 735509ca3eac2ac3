// Stands in for the `server-only` package, whose import throws outside a React server build.
export {};
