/**
 * `decodeURIComponent` that keeps a malformed escape (`%zz`) as it was instead of throwing:
 * a path or URL a client sent is still named, and a bad escape never takes the process down.
 */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
