/** What is wrong with a manifest (and, given the bundle, between the two); empty when fine. */
export function manifestProblems(manifest: unknown, bundle?: string): string[];
