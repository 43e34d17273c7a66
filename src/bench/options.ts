/**
 * A bench option that counts something (`--docs`, `--repeat`): a whole number from 1, or `fallback`
 * when it is not given. Anything else is a usage error naming the option and what was given.
 */
export function countOption(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`Expected ${name} to be a whole number from 1, got \`${value}\``);
  return n;
}
