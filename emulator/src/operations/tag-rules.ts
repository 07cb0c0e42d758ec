// Tag keys and values as the model's documentation has them: IVS puts no constraint on tags beyond the Tag Editor's
// "Tag naming limits and requirements" (letters, numbers and spaces representable in UTF-8, plus _ . : / = + - @;
// the aws: prefix is reserved for AWS). Lengths and counts are the model's own (validated before the operation).
import { validation } from '../errors.ts';

const KEY = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u;
const VALUE = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
// The Tag Editor reserves the prefix in any case ("aws:", "AWS:", "Aws:"…). AWS is silent on whether a value may
// start with it; we refuse it only in keys, as the services that publish a pattern do (their value patterns allow it).
const RESERVED = /^aws:/i;

/** Refuses a tag key that breaks the rules, naming the member and the key. */
export function checkTagKey(key: string, member: string): void {
  if (RESERVED.test(key)) throw validation(`${member}: tag key "${key}" starts with "aws:", which is reserved for AWS.`);
  if (!KEY.test(key)) {
    throw validation(`${member}: tag key "${key}" may hold only letters, numbers, spaces and _ . : / = + - @.`);
  }
}

export function checkTags(tags: Record<string, string> | undefined, member: string): void {
  for (const [key, value] of Object.entries(tags ?? {})) {
    checkTagKey(key, member);
    if (!VALUE.test(value)) throw validation(`${member}: the value of tag "${key}" may hold only letters, numbers, spaces and _ . : / = + - @.`);
  }
}
