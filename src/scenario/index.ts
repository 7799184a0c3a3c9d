/** Scenario and solution files: schema, presets, seeded generator, parsing and formatting. */
export {
  ScenarioSchema,
  SolutionSchema,
  LlmSchema,
  UserSchema,
  ServerSchema,
  DEFAULT_OBJECTIVE,
  DEFAULT_PATH_LOSS,
  DEFAULT_SERVER_TX_POWER_W,
  DEFAULT_TOKEN_ID_BITS,
} from './schema.ts';
export type { Scenario, ScenarioUser, ScenarioServer, Solution } from './schema.ts';
export { parseScenario, parseSolution, ValidationError, formatPath } from './parse.ts';
export { PAPER_PRESET, CONTESTED_PRESET, PRESETS, presetNamed } from './presets.ts';
export type { Preset, Range } from './presets.ts';
export { generateScenario } from './generate.ts';
export type { GenerateOptions } from './generate.ts';
export { metricsToJson, toJsonText, formatScenario, formatSolution } from './format.ts';
export type { MetricsJson, UserMetricsJson } from './format.ts';
export { solutionFromAllocation } from './solution.ts';
