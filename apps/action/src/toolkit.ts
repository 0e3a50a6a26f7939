import * as actions from '@actions/core';

/** The part of the summary builder the action uses (chainable, like `core.summary`). */
export interface SummaryWriter {
  addHeading(text: string, level?: number): SummaryWriter;
  addTable(rows: SummaryCell[][]): SummaryWriter;
  addRaw(text: string, addEOL?: boolean): SummaryWriter;
  write(): Promise<unknown>;
}

export type SummaryCell = string | { data: string; header?: boolean };

/**
 * The runner-facing side effects the action needs, so tests can record them without a runner.
 * The default binds to @actions/core, which speaks the runner protocol (workflow commands on
 * stdout, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files).
 */
export interface Toolkit {
  setSecret(value: string): void;
  setOutput(name: string, value: string): void;
  setFailed(message: string): void;
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
  debug(message: string): void;
  startGroup(name: string): void;
  endGroup(): void;
  summary: SummaryWriter;
}

export const actionsToolkit: Toolkit = {
  setSecret: (value) => actions.setSecret(value),
  setOutput: (name, value) => actions.setOutput(name, value),
  setFailed: (message) => actions.setFailed(message),
  info: (message) => actions.info(message),
  warning: (message) => actions.warning(message),
  error: (message) => actions.error(message),
  debug: (message) => actions.debug(message),
  startGroup: (name) => actions.startGroup(name),
  endGroup: () => actions.endGroup(),
  summary: actions.summary,
};
