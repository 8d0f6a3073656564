import { describe, expect, it } from '@jest/globals';
import type { PluginOutbound } from '../../../outbound/plugin-outbound.js';
import { ingestRun } from '../../../testing/ingest-run.js';
import type { IngestStep } from '../ingest-step.js';
import { SignatureInvalidError } from '../../signature-invalid.error.js';
import { VerifyStep } from './verify.step.js';

const outbound = { signingCertificatesFor: () => ({}) } as unknown as PluginOutbound;

function verifying(verified: boolean, seen: Buffer[] = []) {
  return {
    verify: ({ rawBody }: { rawBody: Buffer }) => {
      seen.push(rawBody);
      return Promise.resolve(verified ? { verified } : { verified, reason: 'wrong HMAC' });
    },
  };
}

describe('VerifyStep', () => {
  it("checks the push's bytes with the plugin, and refuses what it does not verify", async () => {
    const seen: Buffer[] = [];
    const rawBody = Buffer.from('{"a":1}');
    const step = new VerifyStep(outbound);
    await step.run(ingestRun({ plugin: verifying(true, seen), push: { rawBody } }));
    expect(seen).toEqual([rawBody]);
    await expect(
      step.run(ingestRun({ plugin: verifying(false), push: { rawBody } })),
    ).rejects.toThrow(SignatureInvalidError);
  });

  it('has nothing to check without bytes (test push), and no preview', async () => {
    const seen: Buffer[] = [];
    const step: IngestStep = new VerifyStep(outbound);
    await step.run(ingestRun({ plugin: verifying(false, seen) }));
    expect(seen).toEqual([]);
    expect(step.preview).toBeUndefined();
  });
});
