// The environment for an npm (or vsce, which runs npm) started from a pnpm script: without
// the npm_* / pnpm_* variables pnpm sets (npm_config_user_agent, npm_config_verify_deps_...),
// which npm would read as its own config, warn about, or act on. An earlier CI run broke on
// exactly that leak.
const LEAKED = /^(npm|pnpm)_|^INIT_CWD$/i;

/** A copy of `env` without the package-manager variables; `extra` is added on top. */
export function cleanEnv(env = process.env, extra = {}) {
  const out = {};
  for (const [key, value] of Object.entries(env)) {
    if (!LEAKED.test(key) && value !== undefined) out[key] = value;
  }
  return { ...out, ...extra };
}
