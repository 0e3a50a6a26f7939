declare const __CLI_VERSION__: string | undefined;

/** Injected by the bundler from package.json; `0.0.0-dev` when run unbundled (tests of modules). */
export const cliVersion: string =
  typeof __CLI_VERSION__ === 'string' ? __CLI_VERSION__ : '0.0.0-dev';
