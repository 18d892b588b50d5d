// foldFullWidth as it was before decision 039 (no fast path), for reader-equivalence.test.ts.
const FULLWIDTH_RE = /[\uFF01-\uFF5E]/g;

export function foldFullWidth(s: string): string {
  return s.replace(FULLWIDTH_RE, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}
