/**
 * Entry point of a worker thread (piscina): annotates one document per task and answers with
 * plain data. The pipeline (compromise, the lexicons) is loaded once per thread.
 */
import { runDocTask } from './doc-task.js';

export default runDocTask;
