/** Review decisions: stored beside the corpus, re-applied to every run's output. */
export { applyDecisions, applyReviews } from './apply.js';
export { loadReviewStore, reviewStoreFor, reviewsHash, decisionsFor, storeReviewFile, resolveReviewsDir, DEFAULT_REVIEWS_DIR, type ReviewStore } from './store.js';
export { parseReviewFile } from './validate.js';
export { quoteAt, mentionKey, locateQuote } from './quote.js';
export * from './types.js';
