import type { Command } from 'commander';
import { register as registerBacklinks } from './backlinks';
import { register as registerCheck } from './check';
import { register as registerEvidence } from './evidence';
import { register as registerImport } from './import';
import { register as registerLinks } from './links';
import { register as registerMigrate } from './migrate';
import { register as registerScan } from './scan';
import { register as registerServe } from './serve';
import { register as registerSites } from './sites';
import { register as registerWorker } from './worker';

/** A command module adds itself (name, options, action) to the program. */
export type RegisterCommand = ( program: Command ) => void;

/**
 * Every `rlg` command, in the order `rlg --help` lists them. Add one line
 * per command module.
 */
export const COMMANDS: RegisterCommand[] = [
	registerBacklinks,
	registerCheck,
	registerEvidence,
	registerImport,
	registerLinks,
	registerMigrate,
	registerScan,
	registerServe,
	registerSites,
	registerWorker,
];
