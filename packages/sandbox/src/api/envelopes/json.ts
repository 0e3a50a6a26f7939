/**
 * JSON text as Rails renders it: `&`, `<`, `>` and the JS line separators escaped as
 * `\uXXXX` (which is why Cloud 66's presigned URLs show `\u0026` between parameters).
 */
export function railsJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[&<>\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
