/** Types of scripts/stages.mjs, for the TypeScript that imports it (tests/helpers/project-copy.ts). */
export interface BuildStep {
  /** Which stage or part this is. */
  name: string;
  /** What the bench prints for it. */
  label: string;
  /** The script under scripts/, relative to the project folder. */
  script: string;
  args: string[];
  /** Options for the step's Node, before the script. */
  nodeArgs?: string[];
}

export interface BuildStage extends BuildStep {
  /** The same work as separate commands, timed one by one by the bench. */
  parts?: BuildStep[];
}

export const BUILD_STAGES: readonly BuildStage[];
export function timedSteps(): BuildStep[];
export function buildStage(name: string): BuildStage;
export function stepCommand(step: BuildStep, root?: string): { command: string; args: string[] };
export function runSteps(
  steps: readonly BuildStep[],
  options?: { root?: string; env?: NodeJS.ProcessEnv },
): number;
