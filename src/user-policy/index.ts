export {
  commandPolicyName,
  DEFAULT_POLICY_TIMEOUT_S,
  MAX_POLICY_TIMEOUT_S,
  startCommandPolicy,
  withProcess,
  type CommandOptions,
  type ProcessPolicy,
} from './command.ts';
export { isModulePath, loadPolicyModule } from './module.ts';
