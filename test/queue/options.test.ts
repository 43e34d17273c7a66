import { describe, expect, it } from 'vitest';
import { cliInteger, redactUrl, resolveEnqueueOptions, resolveTarget, resolveWorkerOptions } from '../../src/queue/options.js';
import { jobIdFor, parseFailure, type DocJobData } from '../../src/queue/job-data.js';
import { SitrepOptionError } from '../../src/errors.js';

describe('queue options are checked at the door', () => {
  it.each([
    ['redis://127.0.0.1:6379', 'sitrep', 'redis://127.0.0.1:6379'],
    ['redis://redis.internal', 'sitrep', 'redis://redis.internal'],
    ['redis://:hunter2@10.0.0.5:6380/2', 'sitrep', 'redis://:***@10.0.0.5:6380/2'],
    ['rediss://user:pw@cache.example.org:6380', 'sitrep', 'rediss://user:***@cache.example.org:6380'],
  ])('accepts %s', (url, name, display) => {
    expect(resolveTarget({ url })).toEqual({ url, name, display });
  });

  it.each([
    [{ url: 'localhost:6379' }, /redis:\/\/HOST:PORT URL, got `localhost:6379`/],
    [{ url: 'http://127.0.0.1:6379' }, /got `http:\/\/127.0.0.1:6379`/],
    [{ url: '' }, /got ``/],
    [{ url: 'redis://127.0.0.1:6379/jobs' }, /database number such as \/0, got `\/jobs`/],
    [{ url: 'redis://127.0.0.1:6379', name: 'a:b' }, /`queue-name`.*got `a:b`/],
    [{ url: 'redis://127.0.0.1:6379', name: '' }, /`queue-name`.*got ``/],
  ])('refuses %j', (target, message) => {
    expect(() => resolveTarget(target)).toThrow(SitrepOptionError);
    expect(() => resolveTarget(target)).toThrow(message);
  });

  it('never shows a password in a refusal', () => {
    expect(() => resolveTarget({ url: 'redis://:s3cret@host:6379/x' })).toThrow(/^(?!.*s3cret)/);
    expect(redactUrl('redis://u:s3cret@host:6379')).toBe('redis://u:***@host:6379');
  });

  it.each([
    [{ concurrency: 0 }, /`concurrency` to be an integer from 1 and up, got `0`/],
    [{ concurrency: 1.5 }, /got `1.5`/],
    [{ lockDuration: 50 }, /`lock-duration` to be an integer from 200 and up, got `50`/],
    [{ stalledInterval: 10 }, /`stalled-interval`.*got `10`/],
    [{ outDir: ' ' }, /`out` to be a folder path/],
  ])('refuses worker options %j', (bad, message) => {
    expect(() => resolveWorkerOptions({ url: 'redis://h:1', ...bad })).toThrow(message);
  });

  it('gives workers a stalled check as often as the lock duration unless told', () => {
    expect(resolveWorkerOptions({ url: 'redis://h:1', lockDuration: 1000 })).toMatchObject({ lockDuration: 1000, stalledInterval: 1000, concurrency: 1, outDir: 'output' });
  });

  it.each([
    [{ attempts: 0 }, /`attempts` to be an integer from 1 and up, got `0`/],
    [{ backoff: -1 }, /`backoff`.*got `-1`/],
    [{ date: '5 May 2024' }, /`date` as YYYY-MM-DD, got `5 May 2024`/],
  ])('refuses enqueue options %j', (bad, message) => {
    expect(() => resolveEnqueueOptions({ url: 'redis://h:1', ...bad })).toThrow(message);
  });

  it.each([
    ['3', 3],
    [undefined, undefined],
  ])('reads --attempts %j as %j', (raw, value) => {
    expect(cliInteger('attempts', raw)).toBe(value);
  });

  it.each(['three', '-1', '2.5', ''])('refuses --attempts %j, naming it', (raw) => {
    expect(() => cliInteger('attempts', raw)).toThrow(`Expected \`attempts\` to be a whole number, got \`${raw}\``);
  });
});

describe('job ids', () => {
  const data: Omit<DocJobData, 'text' | 'file'> = {
    v: 1,
    id: 'sahel-jnim-juntas',
    path: 'corpus/sahel-jnim-juntas.md',
    key: 'sahel-jnim-juntas.md',
    format: 'md',
    sha256: 'a'.repeat(64),
    fallbackDate: null,
    html: true,
    reviewsHash: 'e3b0c44298fc1c14',
    configKey: 'b'.repeat(24),
  };

  it('are the document id and a hash: the same work gives the same id, with no ":" (BullMQ refuses it)', () => {
    const id = jobIdFor(data);
    expect(id).toMatch(/^sahel-jnim-juntas@[0-9a-f]{16}$/);
    expect(jobIdFor({ ...data })).toBe(id);
  });

  it.each<[string, Partial<DocJobData>]>([
    ['content', { sha256: 'c'.repeat(64) }],
    ['path', { path: 'other/sahel-jnim-juntas.md' }],
    ['JSONL line', { line: 3 }],
    ['fallback date', { fallbackDate: '2024-05-01' }],
    ['HTML pages or not', { html: false }],
    ["reviewers' decisions", { reviewsHash: '0123456789abcdef' }],
    ['configuration (pipeline, lexicons, libraries)', { configKey: 'd'.repeat(24) }],
  ])('change when the %s changes', (_, change) => {
    expect(jobIdFor({ ...data, ...change })).not.toBe(jobIdFor(data));
  });
});

describe('failure reasons', () => {
  it.each([
    ['[ingest:empty] no article text left', { ruleId: 'ingest:empty', reason: 'no article text left' }],
    ['[pipeline:crash] Error: EISDIR: illegal operation on a directory', { ruleId: 'pipeline:crash', reason: 'Error: EISDIR: illegal operation on a directory' }],
    ['job stalled more than allowable limit', { ruleId: 'queue:stalled', reason: 'job stalled more than allowable limit (its worker died or hung on it every time)' }],
    ['something else', { ruleId: 'queue:failed', reason: 'something else' }],
    [undefined, { ruleId: 'queue:failed', reason: 'failed without a reason' }],
  ])('%j reads as a rule and a reason', (raw, expected) => {
    expect(parseFailure(raw)).toEqual(expected);
  });
});
