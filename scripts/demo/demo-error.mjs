// A failure the demo explains in a sentence (printed without a stack trace).
export class DemoError extends Error {}
