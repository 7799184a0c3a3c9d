#!/usr/bin/env node
// The `mecsim` bin: registers tsx's loader so the TypeScript sources run without a build step.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
