import { describe, expect, it } from 'vitest';
import { apiUrlWarning, type Env, InputError, parseInputs, readInput } from './inputs.js';

const TOKEN = 'tok_0123456789abcdef0123456789abcdef';

/** Inputs as the runner passes them: `INPUT_` + the name upper-cased, hyphens kept. */
function env(inputs: Record<string, string>): Env {
  const out: Env = {};
  for (const [name, value] of Object.entries({ 'api-token': TOKEN, stack: 'my-app', ...inputs })) {
    out[`INPUT_${name.toUpperCase()}`] = value;
  }
  return out;
}

function problemsOf(inputs: Record<string, string>): readonly string[] {
  try {
    parseInputs(env(inputs));
  } catch (error) {
    if (error instanceof InputError) return error.problems;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('readInput', () => {
  it('reads INPUT_<NAME> with hyphens kept and trims', () => {
    expect(readInput({ 'INPUT_API-TOKEN': '  abc \n' }, 'api-token')).toBe('abc');
    expect(readInput({ INPUT_API_TOKEN: 'abc' }, 'api-token')).toBe('');
  });
});

describe('parseInputs', () => {
  it('applies the defaults of action.yml when only the required inputs are set', () => {
    const inputs = parseInputs(env({}));
    expect(inputs).toEqual({
      token: TOKEN,
      stack: 'my-app',
      environment: undefined,
      dbTypes: 'all',
      wait: true,
      timeoutMs: 1_800_000,
      pollIntervalMs: 15_000,
      failOnTimeout: true,
      apiUrl: 'https://app.cloud66.com/api/3',
      create: {},
    });
  });

  it('converts every input', () => {
    const inputs = parseInputs(
      env({
        environment: 'production',
        'db-type': 'Redis, postgresql',
        wait: 'False',
        'timeout-seconds': '90',
        'poll-interval-seconds': '2.5',
        'fail-on-timeout': 'false',
        'api-url': 'http://127.0.0.1:4010/api/3/',
        gzip: 'true',
        'excluded-tables': 'sessions,logs',
        'run-on-replica-server': 'TRUE',
        'keep-count': '7',
        frequency: ' 0 3 * * * ',
      }),
    );
    expect(inputs).toMatchObject({
      environment: 'production',
      dbTypes: ['redis', 'postgresql'],
      wait: false,
      timeoutMs: 90_000,
      pollIntervalMs: 2_500,
      failOnTimeout: false,
      apiUrl: 'http://127.0.0.1:4010/api/3',
      create: {
        gzip: true,
        excludedTables: 'sessions,logs',
        runOnReplicaServer: true,
        keepCount: 7,
        frequency: '0 3 * * *',
      },
    });
  });

  it('reports every bad input at once, each by name', () => {
    const problems = problemsOf({
      'db-type': 'postgres',
      'timeout-seconds': '-5',
      'poll-interval-seconds': 'soon',
      wait: 'yes',
      frequency: '61 * * * *',
      'keep-count': '2.5',
      'api-url': 'ftp://example.com',
    });
    expect(problems).toHaveLength(7);
    expect(problems.join('\n')).toMatch(/Input 'db-type': .*"postgres"/);
    expect(problems.join('\n')).toMatch(
      /Input 'timeout-seconds': '-5' is not a positive whole number/,
    );
    expect(problems.join('\n')).toMatch(/Input 'poll-interval-seconds': 'soon' is not a positive/);
    expect(problems.join('\n')).toMatch(/Input 'wait': 'yes' is not a boolean/);
    expect(problems.join('\n')).toMatch(
      /Input 'frequency': invalid cron expression "61 \* \* \* \*"/,
    );
    expect(problems.join('\n')).toMatch(/Input 'keep-count': '2.5' is not a positive whole number/);
    expect(problems.join('\n')).toMatch(/Input 'api-url': 'ftp:\/\/example.com' must be an http/);
  });

  it.each([
    ['0', 'not a positive whole number'],
    ['1e3', 'not a positive whole number'],
    ['ten', 'not a positive whole number'],
    ['30.5', 'not a positive whole number'],
  ])('rejects timeout-seconds %s', (value, message) => {
    expect(problemsOf({ 'timeout-seconds': value })).toEqual([
      `Input 'timeout-seconds': '${value}' is ${message}`,
    ]);
  });

  it('requires the token and the stack without echoing anything secret', () => {
    const problems = problemsOf({ 'api-token': '', stack: '  ' });
    expect(problems).toEqual([
      "Input 'api-token': is required and was not supplied",
      "Input 'stack': is required and was not supplied",
    ]);
  });

  it('rejects "all" mixed with other db types and a cron with the wrong field count', () => {
    const problems = problemsOf({ 'db-type': 'all,redis', frequency: '0 3 * *' });
    expect(problems[0]).toMatch(/Input 'db-type': "all" cannot be combined/);
    expect(problems[1]).toMatch(/Input 'frequency': .*expected 5 fields/);
  });
});

describe('apiUrlWarning', () => {
  it('warns about plain http off loopback only', () => {
    expect(apiUrlWarning('https://app.cloud66.com/api/3')).toBeUndefined();
    expect(apiUrlWarning('http://127.0.0.1:4066/api/3')).toBeUndefined();
    expect(apiUrlWarning('http://localhost:4066/api/3')).toBeUndefined();
    expect(apiUrlWarning('http://proxy.internal:8080/api/3')).toBe(
      'api-url http://proxy.internal:8080 is plain http: the api-token travels unencrypted',
    );
  });
});
