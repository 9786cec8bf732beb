/** The compose-spec validator is compiled ahead of time; the generated file must be what the schema gives today. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATED_VALIDATOR, generateValidatorSource } from '../../../scripts/generate-compose-validator';

describe('the generated compose-spec validator', () => {
  it('is up to date with compose-spec-schema.ts (else run `npx tsx scripts/generate-compose-validator.ts`)', () => {
    expect(readFileSync(GENERATED_VALIDATOR, 'utf8') === generateValidatorSource()).toBe(true);
  });
});
