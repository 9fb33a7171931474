// No imports: proxy.ts (the middleware) reads this too.

/** The request header proxy.ts sets on every request to the path asked for, overwriting any a client sent. */
export const REQUEST_PATH_HEADER = "x-kohtaamo-path";
