export { LineProcess, LineProcessError, type LineProcessOptions } from './line-process.ts';
