/** Bumped whenever the pipeline's output for the same input may change. */
export const PIPELINE_VERSION = '0.2.0';
