/**
 * The data set as the extension uses it: typed as the validated `Dataset` without running zod (every defaulted
 * field is written out in dataset.ts, which `satisfies Dataset`). Validation happens at build time.
 */
import { dataset } from './dataset';
import type { Dataset } from './schema';

export type { Dataset } from './schema';

/** The bundled, build-time-validated data set. */
export const data: Dataset = dataset;
