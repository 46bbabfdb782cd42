#!/usr/bin/env node
/**
 * `npm run build`: runs the build's stages (scripts/stages.mjs) in order with this Node and tsx, and stops
 * at the first that fails, exiting with its status.
 */
import { BUILD_STAGES, runSteps } from './stages.mjs';

process.exitCode = runSteps(BUILD_STAGES);
